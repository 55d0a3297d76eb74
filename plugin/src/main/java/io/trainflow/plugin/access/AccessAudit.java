package io.trainflow.plugin.access;

import io.trainflow.connectors.jdbc.Jdbc;
import io.trainflow.connectors.jdbc.TrainflowSchema;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who read or decided what, when, from which address: every read of a request, a task or an inbox page
 * and every decision, in table {@code tf_access_audit} (created if missing). Only auditors read it
 * ({@code GET /api/audit}). It names the subject by id, never its personal content.
 */
@Service
public class AccessAudit {

    private final Jdbc jdbc;
    private final Clock clock = Clock.systemUTC();

    public AccessAudit(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
        TrainflowSchema.ensure(dataSource);
    }

    /** One line of the access audit. */
    public record Entry(Instant at, String actor, String action, String subject, String address) {}

    /** Records that {@code actor} did {@code action} on {@code subject} (an id), from the caller's address. */
    public void record(String actor, String action, String subject) {
        jdbc.inTransaction(c -> record(c, actor, action, subject));
    }

    /**
     * The same line written on {@code connection}, inside its caller's transaction: a decision and its audit line commit
     * together (see {@code TaskInbox#complete}).
     */
    public int record(Connection connection, String actor, String action, String subject) throws SQLException {
        Entry entry = new Entry(clock.instant(), actor, action, subject, address());
        try (PreparedStatement ps =
                connection.prepareStatement("INSERT INTO tf_access_audit (id, at, actor, action, subject,"
                        + " address) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, UUID.randomUUID().toString());
            ps.setObject(2, entry.at().atOffset(ZoneOffset.UTC));
            ps.setString(3, entry.actor());
            ps.setString(4, entry.action());
            ps.setString(5, entry.subject());
            ps.setString(6, entry.address());
            return ps.executeUpdate();
        }
    }

    /** Newest first, {@code max} entries from position {@code first}; optionally only one actor's or one subject's. */
    public List<Entry> read(String actor, String subject, int first, int max) {
        return jdbc.inTransaction(c -> {
            StringBuilder sql =
                    new StringBuilder("SELECT at, actor, action, subject, address FROM tf_access_audit WHERE 1 = 1");
            List<String> args = new ArrayList<>();
            if (actor != null) {
                sql.append(" AND actor = ?");
                args.add(actor);
            }
            if (subject != null) {
                sql.append(" AND subject = ?");
                args.add(subject);
            }
            sql.append(" ORDER BY at DESC, id OFFSET ")
                    .append(first)
                    .append(" ROWS FETCH NEXT ")
                    .append(max)
                    .append(" ROWS ONLY");
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setString(i + 1, args.get(i));
                }
                List<Entry> entries = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new Entry(
                                rs.getObject(1, OffsetDateTime.class).toInstant(),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5)));
                    }
                }
                return entries;
            }
        });
    }

    private static String address() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return "local";
    }
}
