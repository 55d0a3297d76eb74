package io.trainflow.bench.scenario;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The database the application runs on by default: H2 in a file (application.yml's
 * {@code jdbc:h2:file:./data/trainflow;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE}) behind a HikariCP pool.
 * {@code -Dbench.h2.options=...} replaces the options, e.g. {@code ;DB_CLOSE_DELAY=-1} for the settings before
 * issue 9 (H2's 500 ms write delay, see docs/DURABILITY.md). Spring Boot's
 * default pool of 10 deadlocks under this load (Flowable's DbIdGenerator takes a second
 * connection while holding the first, see docs/BENCHMARKS.md), so the pool has more connections
 * than the engines have threads. Each run gets a fresh file.
 */
public final class BenchDatabase implements AutoCloseable {

    public static final int POOL_SIZE = 32;

    /** The application's default H2 options: every commit written to the file before it returns. */
    public static final String DURABLE = ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";

    /** {@code -Dbench.sqlstats=true}: print the statements that took most time when the database closes. */
    static final boolean SQL_STATS = Boolean.getBoolean("bench.sqlstats");

    private final HikariDataSource pool;

    public BenchDatabase(Path dir, String name) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(
                "jdbc:h2:file:" + dir.resolve(name).toAbsolutePath() + System.getProperty("bench.h2.options", DURABLE)
                        + (SQL_STATS ? ";QUERY_STATISTICS=TRUE;QUERY_STATISTICS_MAX_ENTRIES=1000" : ""));
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(POOL_SIZE);
        config.setPoolName("bench-" + name);
        this.pool = new HikariDataSource(config);
    }

    public DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        if (SQL_STATS) {
            printStatistics();
        }
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            // already closed
        }
        pool.close();
    }

    private void printStatistics() {
        String sql = "SELECT EXECUTION_COUNT, CUMULATIVE_EXECUTION_TIME, AVERAGE_ROW_COUNT, SQL_STATEMENT"
                + " FROM INFORMATION_SCHEMA.QUERY_STATISTICS ORDER BY CUMULATIVE_EXECUTION_TIME DESC LIMIT 25";
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            System.err.println("count | total ms | avg rows | statement");
            while (rs.next()) {
                System.err.printf(
                        "%d | %.0f | %.1f | %s%n",
                        rs.getLong(1),
                        rs.getDouble(2),
                        rs.getDouble(3),
                        rs.getString(4).replaceAll("\\s+", " "));
            }
        } catch (SQLException e) {
            System.err.println("no statistics: " + e);
        }
        printWrites();
        printVariables();
    }

    /** The variables each run keeps, by name: what a step's output adds to every table the engine writes. */
    private void printVariables() {
        // by process and scope too: a variable copied from a called process into its parent counts twice
        String sql = "SELECT NAME_, VAR_TYPE_, COUNT(*), PROC, SCOPE FROM (SELECT V.NAME_, V.VAR_TYPE_,"
                + " SUBSTRING(P.PROC_DEF_ID_, 1, POSITION(':' IN P.PROC_DEF_ID_) - 1) PROC, CASE WHEN V.TASK_ID_ IS"
                + " NOT NULL THEN 'task' WHEN V.EXECUTION_ID_ <> V.PROC_INST_ID_ THEN 'local' ELSE 'process' END SCOPE"
                + " FROM ACT_HI_VARINST V LEFT JOIN ACT_HI_PROCINST P ON P.ID_ = V.PROC_INST_ID_)"
                + " GROUP BY NAME_, VAR_TYPE_, PROC, SCOPE ORDER BY 3 DESC, 4, 1";
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            System.err.println("variables (history) | type | process | scope | name");
            while (rs.next()) {
                System.err.printf(
                        "%d | %s | %s | %s | %s%n",
                        rs.getLong(3), rs.getString(2), rs.getString(4), rs.getString(5), rs.getString(1));
            }
        } catch (SQLException e) {
            System.err.println("no variable statistics: " + e);
        }
    }

    /** The writes, by table: which rows cost the commits (issue 11's CPU ratio is H2's page writes). */
    private void printWrites() {
        String sql =
                "SELECT EXECUTION_COUNT, AVERAGE_ROW_COUNT, SQL_STATEMENT FROM INFORMATION_SCHEMA.QUERY_STATISTICS";
        java.util.Map<String, long[]> tables = new java.util.TreeMap<>();
        java.util.regex.Pattern write = java.util.regex.Pattern.compile(
                "(?is)^\\s*(insert\\s+into|update|delete\\s+from|merge\\s+into)\\s+\"?([\\w.]+)");
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            while (rs.next()) {
                java.util.regex.Matcher m = write.matcher(rs.getString(3));
                if (m.find()) {
                    String key = m.group(2).toUpperCase(java.util.Locale.ROOT) + " "
                            + m.group(1).split("\\s+")[0].toUpperCase(java.util.Locale.ROOT);
                    long[] sum = tables.computeIfAbsent(key, k -> new long[2]);
                    sum[0] += rs.getLong(1);
                    sum[1] += Math.round(rs.getLong(1) * rs.getDouble(2));
                }
            }
        } catch (SQLException e) {
            System.err.println("no write statistics: " + e);
            return;
        }
        System.err.println("writes | rows | table and kind");
        tables.forEach((table, sum) -> System.err.printf("%d | %d | %s%n", sum[0], sum[1], table));
    }
}
