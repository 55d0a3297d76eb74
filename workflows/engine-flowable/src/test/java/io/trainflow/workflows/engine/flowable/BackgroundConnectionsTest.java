package io.trainflow.workflows.engine.flowable;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** Finding 9: background work (a campaign) holds at most its share of the pool; API calls are never held back. */
class BackgroundConnectionsTest {

    @Test
    void backgroundWorkWaitsForItsShareWhileAnApiCallGetsAConnection() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:background-share;DB_CLOSE_DELAY=-1");
        BackgroundConnections data = new BackgroundConnections(h2, 2, 200);
        Callable<Connection> open = data::getConnection;
        ExecutorService steps = Executors.newFixedThreadPool(3, r -> new Thread(r, "trainflow-step-test"));
        try {
            List<Connection> held = new ArrayList<>();
            held.add(steps.submit(open).get());
            held.add(steps.submit(open).get());
            assertThat(data.inUse(2)).isEqualTo(2);

            CompletableFuture<Throwable> third = CompletableFuture.supplyAsync(
                    () -> {
                        try (Connection c = data.getConnection()) {
                            return null;
                        } catch (Exception e) {
                            return e;
                        }
                    },
                    steps);
            assertThat(third.get()).isInstanceOf(SQLTimeoutException.class).hasMessageContaining("share of the pool");
            try (Connection api = data.getConnection()) {
                assertThat(api.isValid(1)).isTrue();
            }

            // a connection a background thread opens while holding one rides on its share (no self-deadlock)
            BackgroundConnections one = new BackgroundConnections(h2, 1, 200);
            assertThat(steps.submit(() -> {
                                try (Connection outer = one.getConnection();
                                        Connection inner = one.getConnection()) {
                                    return inner.isValid(1) && one.inUse(1) == 1;
                                }
                            })
                            .get())
                    .isTrue();
            assertThat(one.inUse(1)).isZero();

            held.get(0).close();
            assertThat(data.inUse(2)).isEqualTo(1);
            try (Connection again = steps.submit(open).get()) {
                assertThat(again.isValid(1)).isTrue();
            }
            held.get(1).close();
            held.get(1).close(); // closing twice releases once
            assertThat(data.inUse(2)).isZero();
        } finally {
            steps.shutdownNow();
        }
    }
}
