package io.trainflow.connectors.claims;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.connectors.testing.H2;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CourseClaimsTest {

    @TempDir
    Path dir;

    private CourseClaims claims() {
        return new CourseClaims(H2.file(dir), Clock.systemUTC());
    }

    @Test
    void aCourseHeldByAnotherOpenRequestIsRefusedAndTheRestIsClaimed() {
        CourseClaims claims = claims();
        assertThat(claims.claim("1004", "REQ-a", List.of("103", "104"), Map::of))
                .isEmpty();

        // REQ-a is open: its 103 stays its own; 108 is new
        Map<String, String> refused =
                claims.claim("1004", "REQ-b", List.of("103", "108"), () -> Map.of("REQ-a", List.of()));

        assertThat(refused).containsExactly(Map.entry("103", "REQ-a"));
        assertThat(claims.of("1004"))
                .containsOnly(Map.entry("103", "REQ-a"), Map.entry("104", "REQ-a"), Map.entry("108", "REQ-b"));
        assertThat(claims.claim("1008", "REQ-c", List.of("103"), Map::of))
                .as("another employee")
                .isEmpty();
    }

    @Test
    void aClaimOfARequestThatEndedIsFreeAndACourseARequestNoLongerListsIsGivenUp() {
        CourseClaims claims = claims();
        claims.claim("1004", "REQ-a", List.of("103", "104"), Map::of);
        claims.claim("1004", "REQ-a", List.of("104"), Map::of); // re-ranked after changes were asked for

        assertThat(claims.of("1004")).containsOnly(Map.entry("104", "REQ-a"));
        // REQ-a has ended (not among the open requests): its course is free
        assertThat(claims.claim("1004", "REQ-b", List.of("104"), Map::of)).isEmpty();
        assertThat(claims.of("1004")).containsOnly(Map.entry("104", "REQ-b"));
    }

    @Test
    void coursesAnOpenRequestHoldsWithoutAClaimCountToo() {
        // a request checked before claims were kept holds its learning path all the same
        assertThat(claims().claim("1004", "REQ-b", List.of("103", "104"), () -> Map.of("REQ-old", List.of("104"))))
                .containsExactly(Map.entry("104", "REQ-old"));
    }

    /**
     * Two requests of one employee checked at the same moment: the second waits on the employee's row lock while
     * the first is between its check and its claim, then sees the claim. Only one keeps the course; neither fails.
     */
    @Test
    void twoRequestsCheckedAtTheSameMomentTakeTurnsAndOnlyOneKeepsTheCourse() throws Exception {
        CourseClaims claims = claims();
        claims.claim("1022", "REQ-warm-up", List.of(), Map::of); // the employee's lock row exists
        CountDownLatch firstInside = new CountDownLatch(1);
        AtomicReference<Thread> second = new AtomicReference<>();

        CompletableFuture<Map<String, String>> first =
                CompletableFuture.supplyAsync(() -> claims.claim("1022", "REQ-first", List.of("114"), () -> {
                    firstInside.countDown();
                    awaitBlocked(second); // the second request is now at the lock, before its check
                    return Map.of();
                }));
        CompletableFuture<Map<String, String>> secondResult = CompletableFuture.supplyAsync(() -> {
            try {
                assertThat(firstInside.await(30, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            second.set(Thread.currentThread());
            return claims.claim("1022", "REQ-second", List.of("114"), () -> Map.of("REQ-first", List.of()));
        });

        assertThat(first.get(60, TimeUnit.SECONDS)).as("the first keeps it").isEmpty();
        assertThat(secondResult.get(60, TimeUnit.SECONDS))
                .as("the second is told who holds it")
                .containsExactly(Map.entry("114", "REQ-first"));
        assertThat(claims.of("1022")).containsOnly(Map.entry("114", "REQ-first"));
    }

    /** Waits (at most 10 s) until the thread, once known, waits inside the database for the lock. */
    private static void awaitBlocked(AtomicReference<Thread> thread) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            Thread t = thread.get();
            if (t != null
                    && EnumSet.of(Thread.State.WAITING, Thread.State.TIMED_WAITING, Thread.State.BLOCKED)
                            .contains(t.getState())) {
                return;
            }
            Thread.onSpinWait();
        }
    }
}
