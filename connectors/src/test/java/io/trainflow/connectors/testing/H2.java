package io.trainflow.connectors.testing;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** H2 file databases for store tests: a new DataSource over the same file is "the app restarted". */
public final class H2 {

    private H2() {}

    public static DataSource file(Path dir) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("trainflow").toAbsolutePath());
        ds.setUser("sa");
        return ds;
    }
}
