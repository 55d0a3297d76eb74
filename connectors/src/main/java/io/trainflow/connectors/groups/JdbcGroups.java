package io.trainflow.connectors.groups;

import io.trainflow.connectors.jdbc.Jdbc;
import io.trainflow.connectors.jdbc.TrainflowSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Trainflow's own groups (ld-team, hr-fallback, budget-owners, sme, admins, auditors, ...) and their members, in
 * table {@code tf_group_member}. Read on every question, so a member added or removed counts at once.
 */
public final class JdbcGroups {

    private final Jdbc jdbc;

    public JdbcGroups(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
        TrainflowSchema.ensure(dataSource);
    }

    /** Every group with its members, by group name. */
    public Map<String, Set<String>> all() {
        return jdbc.inTransaction(c -> {
            Map<String, Set<String>> groups = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                            "SELECT group_name, username FROM tf_group_member ORDER BY group_name, username");
                    ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    groups.computeIfAbsent(r.getString(1), g -> new LinkedHashSet<>())
                            .add(r.getString(2));
                }
            }
            return groups;
        });
    }

    public Set<String> members(String group) {
        return column("SELECT username FROM tf_group_member WHERE group_name = ? ORDER BY username", group);
    }

    public Set<String> groupsOf(String username) {
        return column("SELECT group_name FROM tf_group_member WHERE username = ? ORDER BY group_name", username);
    }

    /** Adds a member; false when already in. */
    public boolean add(String group, String username) {
        return jdbc.inTransaction(c -> add(c, group, username));
    }

    public static boolean add(Connection c, String group, String username) throws SQLException {
        try (PreparedStatement in =
                c.prepareStatement("SELECT 1 FROM tf_group_member WHERE group_name = ? AND username = ?")) {
            in.setString(1, group);
            in.setString(2, username);
            try (ResultSet r = in.executeQuery()) {
                if (r.next()) {
                    return false;
                }
            }
        }
        try (PreparedStatement add =
                c.prepareStatement("INSERT INTO tf_group_member (group_name, username) VALUES (?, ?)")) {
            add.setString(1, group);
            add.setString(2, username);
            add.executeUpdate();
            return true;
        }
    }

    /** Removes a member; false when not in. */
    public boolean remove(String group, String username) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("DELETE FROM tf_group_member WHERE group_name = ? AND username = ?")) {
                ps.setString(1, group);
                ps.setString(2, username);
                return ps.executeUpdate() > 0;
            }
        });
    }

    private Set<String> column(String sql, String value) {
        return jdbc.inTransaction(c -> {
            Set<String> found = new LinkedHashSet<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, value);
                try (ResultSet r = ps.executeQuery()) {
                    while (r.next()) {
                        found.add(r.getString(1));
                    }
                }
            }
            return found;
        });
    }
}
