package io.trainflow.tests.crash;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

/** Run in a JVM of its own: commits {@code args[1]} rows, one transaction each, then dies at once (like kill -9). */
public final class CommitThenHalt {

    private CommitThenHalt() {}

    public static void main(String[] args) throws Exception {
        Connection c = DriverManager.getConnection(args[0], "sa", "");
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE decisions (id INT PRIMARY KEY)");
        }
        c.setAutoCommit(false);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO decisions VALUES (?)")) {
            for (int i = 0; i < Integer.parseInt(args[1]); i++) {
                insert.setInt(1, i);
                insert.executeUpdate();
                c.commit(); // acknowledged from here on
            }
        }
        System.out.println("committed");
        System.out.flush();
        Runtime.getRuntime().halt(9);
    }
}
