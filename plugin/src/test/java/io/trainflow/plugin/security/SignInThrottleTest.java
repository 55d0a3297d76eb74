package io.trainflow.plugin.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.plugin.MovableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Growing delays on failed sign-ins, per account and per address, that no stranger can turn into a lock-out. */
class SignInThrottleTest {

    private final MovableClock clock = new MovableClock();
    private final SignInThrottle throttle = new SignInThrottle(
            new SignInProperties.Throttle(
                    3,
                    5,
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(60),
                    Duration.ofMinutes(15),
                    Duration.ofMinutes(15),
                    1),
            clock);

    @Test
    void theFirstFailuresCostNothingThenTheDelayDoublesUpToItsCap() {
        fail("zoe.vincent", "203.0.113.1", 2);
        assertThat(throttle.waitBefore("zoe.vincent", "203.0.113.1")).isZero();

        fail("zoe.vincent", "203.0.113.1", 1);
        assertThat(throttle.waitBefore("zoe.vincent", "203.0.113.1")).isEqualTo(Duration.ofSeconds(1));
        fail("zoe.vincent", "203.0.113.1", 1);
        assertThat(throttle.waitBefore("zoe.vincent", "203.0.113.1")).isEqualTo(Duration.ofSeconds(2));
        fail("zoe.vincent", "203.0.113.1", 1);
        assertThat(throttle.waitBefore("zoe.vincent", "203.0.113.1")).isEqualTo(Duration.ofSeconds(4));

        fail("zoe.vincent", "203.0.113.1", 20);
        assertThat(throttle.waitBefore("zoe.vincent", "203.0.113.2"))
                .as("the account's cap")
                .isEqualTo(Duration.ofSeconds(60));
        assertThat(throttle.waitBefore("zoe.vincent", "203.0.113.1"))
                .as("the guessing address's cap")
                .isEqualTo(Duration.ofMinutes(15));

        clock.advance(Duration.ofSeconds(61));
        assertThat(throttle.waitBefore("zoe.vincent", "203.0.113.2")).isZero();
    }

    @Test
    void aStrangerGuessingCannotKeepThePersonOutOfAnAddressTheyUse() {
        throttle.succeeded("zoe.vincent", "198.51.100.7");
        for (int i = 0; i < 50; i++) {
            throttle.failed("zoe.vincent", "203.0.113." + i);
        }

        assertThat(throttle.waitBefore("zoe.vincent", "198.51.100.7")).isZero();
        assertThat(throttle.waitBefore("zoe.vincent", "198.51.100.99"))
                .isPositive()
                .isLessThanOrEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void anAddressGuessingManyAccountsIsSlowedForAll() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("person" + i, "203.0.113.9");
        }

        assertThat(throttle.waitBefore("adam.david", "203.0.113.9")).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.waitBefore("adam.david", "203.0.113.10")).isZero();
    }

    @Test
    void aSuccessForgetsTheAccountsFailuresButNotTheAddresss() {
        fail("zoe.vincent", "203.0.113.1", 4);
        throttle.succeeded("zoe.vincent", "203.0.113.1");
        fail("hugo.roux", "203.0.113.1", 1);

        assertThat(throttle.waitBefore("zoe.vincent", "203.0.113.50")).isZero();
        assertThat(throttle.waitBefore("hugo.roux", "203.0.113.1"))
                .as("5th failure of the address")
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void failuresAreForgottenAfterAQuietPeriod() {
        fail("zoe.vincent", "203.0.113.1", 10);
        clock.advance(Duration.ofMinutes(31));
        fail("zoe.vincent", "203.0.113.1", 1);

        assertThat(throttle.waitBefore("zoe.vincent", "203.0.113.1")).isZero();
    }

    private void fail(String account, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(account, address);
        }
    }
}
