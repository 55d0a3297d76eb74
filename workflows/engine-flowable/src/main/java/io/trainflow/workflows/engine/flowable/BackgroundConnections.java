package io.trainflow.workflows.engine.flowable;

import io.trainflow.connectors.jdbc.WrappedDataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The engine's data source, with a bounded share of the connection pool for background work: the step
 * threads, the job poller and Flowable's job executor (a department campaign's thousand requests run there)
 * work on at most {@code share} connections at once, so people's API calls always find one free. A background
 * thread waits for its share (up to {@code wait}), never an API call. The share counts threads: a connection a
 * thread opens while it holds one (Flowable runs some commands in a new transaction inside another) rides on
 * its first, or the share would deadlock itself; so background work holds at most twice the share.
 */
public final class BackgroundConnections implements WrappedDataSource {

    /** Thread names of the engine's background work (JobWorker's and Flowable's async executor's). */
    private static final List<String> BACKGROUND = List.of("trainflow-step", "trainflow-job-poller", "flowable-");

    private final DataSource pool;
    private final Semaphore share;
    private final long waitMillis;
    /** Connections the current thread holds through this data source (the first one took the permit). */
    private final ThreadLocal<int[]> held = ThreadLocal.withInitial(() -> new int[1]);

    @Override
    public DataSource wrapped() {
        return pool;
    }

    public BackgroundConnections(DataSource pool, int share, long waitMillis) {
        if (share < 1) {
            throw new IllegalArgumentException("background share of the pool must be at least 1, was " + share);
        }
        this.pool = pool;
        this.share = new Semaphore(share, true);
        this.waitMillis = waitMillis;
    }

    /** Whether the current thread does background work (its connections count against the share). */
    static boolean background() {
        String name = Thread.currentThread().getName();
        return BACKGROUND.stream().anyMatch(name::startsWith);
    }

    /** Connections background threads hold now. */
    public int inUse(int share) {
        return share - this.share.availablePermits();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return bounded(pool::getConnection);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return bounded(() -> pool.getConnection(username, password));
    }

    private interface Open {
        Connection open() throws SQLException;
    }

    private Connection bounded(Open open) throws SQLException {
        if (!background()) {
            return open.open();
        }
        int[] holding = held.get();
        if (holding[0] > 0) {
            Connection nested = open.open();
            holding[0]++;
            return closing(nested, holding, false);
        }
        try {
            if (!share.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                throw new SQLTimeoutException("background work waited " + waitMillis + " ms for its share of the pool");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for the background share of the pool", e);
        }
        Connection connection;
        try {
            connection = open.open();
        } catch (SQLException | RuntimeException e) {
            share.release();
            throw e;
        }
        holding[0]++;
        return closing(connection, holding, true);
    }

    /** The connection, whose first close gives back the thread's hold (and the permit, for the first one). */
    private Connection closing(Connection connection, int[] holding, boolean permit) {
        AtomicBoolean released = new AtomicBoolean();
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if ("close".equals(method.getName()) && released.compareAndSet(false, true)) {
                        holding[0]--;
                        if (permit) {
                            share.release();
                        }
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getLogger("io.trainflow");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool.isWrapperFor(type);
    }
}
