package io.trainflow.connectors.delegation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainflow.connectors.testing.H2;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DelegationStoreTest {

    static final Instant MON = Instant.parse("2026-03-02T00:00:00Z");
    static final Instant FRI = Instant.parse("2026-03-06T00:00:00Z");
    static final Instant NEXT_MON = Instant.parse("2026-03-09T00:00:00Z");

    @TempDir
    static Path dir;

    static Stream<Supplier<DelegationStore>> stores() {
        return Stream.of(
                InMemoryDelegationStore::new,
                () -> new JdbcDelegationStore(H2.file(dir.resolve("d" + System.nanoTime()))));
    }

    @ParameterizedTest
    @MethodSource("stores")
    void deputyStandsInOnlyDuringThePeriod(Supplier<DelegationStore> factory) {
        DelegationStore store = factory.get();
        store.save(new Delegation(null, "sophie.laurent", "marc.bernard", MON, FRI, "leave"));

        assertThat(store.deputyOf("sophie.laurent", MON)).contains("marc.bernard");
        assertThat(store.deputyOf("sophie.laurent", FRI.minusSeconds(1))).contains("marc.bernard");
        assertThat(store.deputyOf("sophie.laurent", FRI))
                .as("the end is exclusive")
                .isEmpty();
        assertThat(store.deputyOf("sophie.laurent", MON.minusSeconds(1))).isEmpty();
        assertThat(store.deputyOf("marc.bernard", MON)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("stores")
    void theLaterOfOverlappingDelegationsWins(Supplier<DelegationStore> factory) {
        DelegationStore store = factory.get();
        store.save(new Delegation("a", "sophie.laurent", "marc.bernard", MON, NEXT_MON, "leave"));
        store.save(new Delegation("b", "sophie.laurent", "hugo.roux", FRI.minusSeconds(86400), FRI, "conference"));

        assertThat(store.deputyOf("sophie.laurent", FRI.minusSeconds(3600))).contains("hugo.roux");
        assertThat(store.deputyOf("sophie.laurent", FRI)).contains("marc.bernard");

        store.remove("a");
        assertThat(store.of("sophie.laurent")).extracting(Delegation::id).containsExactly("b");
    }

    @ParameterizedTest
    @MethodSource("stores")
    void savingWithTheSameIdReplaces(Supplier<DelegationStore> factory) {
        DelegationStore store = factory.get();
        store.save(new Delegation("a", "sophie.laurent", "marc.bernard", MON, FRI, "leave"));
        store.save(new Delegation("a", "sophie.laurent", "hugo.roux", MON, FRI, "changed my mind"));

        assertThat(store.of("sophie.laurent"))
                .singleElement()
                .satisfies(d -> assertThat(d.deputy()).isEqualTo("hugo.roux"));
    }

    @Test
    void delegationsSurviveANewStoreOverTheSameDatabase() {
        Path db = dir.resolve("restart");
        new JdbcDelegationStore(H2.file(db))
                .save(new Delegation("x", "julie.lambert", "nicolas.faure", MON, FRI, "leave"));

        DelegationStore afterRestart = new JdbcDelegationStore(H2.file(db));

        assertThat(afterRestart.activeFor("julie.lambert", MON.plusSeconds(60)))
                .hasValueSatisfying(d -> assertThat(d.reason()).isEqualTo("leave"));
    }

    @Test
    void nonsenseDelegationsAreRejected() {
        assertThatThrownBy(() -> new Delegation(null, "a", "a", MON, FRI, ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Delegation(null, "a", "b", FRI, MON, ""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
