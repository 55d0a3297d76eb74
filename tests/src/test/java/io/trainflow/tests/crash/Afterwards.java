package io.trainflow.tests.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What the database holds once Trainflow has stopped: read directly, with JDBC, as a suspicious auditor would. */
final class Afterwards implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Connection db;

    Afterwards(String jdbcUrl, String user) throws SQLException {
        this.db = DriverManager.getConnection(jdbcUrl, user, "");
    }

    /** How many training-request processes each request id has. */
    Map<String, Integer> requestsPerId() throws SQLException {
        Map<String, Integer> count = new HashMap<>();
        for (List<String> row :
                rows("SELECT v.TEXT_ FROM ACT_HI_VARINST v JOIN ACT_HI_PROCINST p ON v.PROC_INST_ID_ = p.ID_"
                        + " WHERE v.NAME_ = 'requestId' AND v.PROC_INST_ID_ = v.EXECUTION_ID_"
                        + " AND p.PROC_DEF_ID_ LIKE 'training-request:%'")) {
            count.merge(row.get(0), 1, Integer::sum);
        }
        return count;
    }

    /** Outcome rows per request id of the programme. */
    Map<String, Integer> outcomesPerRequest(String programme) throws SQLException {
        Map<String, Integer> count = new HashMap<>();
        for (List<String> row : rows("SELECT request_id FROM tf_outcome WHERE programme_id = ?", programme)) {
            count.merge(row.get(0), 1, Integer::sum);
        }
        return count;
    }

    /** Jobs still locked after a clean stop: none should be. */
    List<String> lockedJobs() throws SQLException {
        List<String> locked = new ArrayList<>();
        for (String table : List.of("ACT_RU_JOB", "ACT_RU_TIMER_JOB", "ACT_RU_EXTERNAL_JOB")) {
            for (List<String> row : rows("SELECT ID_, LOCK_OWNER_, LOCK_EXP_TIME_ FROM " + table
                    + " WHERE LOCK_OWNER_ IS NOT NULL AND EXCEPTION_MSG_ IS NULL")) {
                locked.add(table + " " + row);
            }
        }
        return locked;
    }

    List<String> incidents() throws SQLException {
        return rows("SELECT ELEMENT_ID_, EXCEPTION_MSG_ FROM ACT_RU_DEADLETTER_JOB").stream()
                .map(Object::toString)
                .toList();
    }

    /** The sample LMS's or HCM's state, as the application saved it. */
    JsonNode sample(String key) throws Exception {
        List<List<String>> found = rows("SELECT state_json FROM tf_sample_state WHERE state_key = ?", key);
        return found.isEmpty()
                ? JSON.createObjectNode()
                : JSON.readTree(found.get(0).get(0));
    }

    /** Every external write of the sample LMS is there once. */
    void assertSampleLmsWritesOnce() throws Exception {
        JsonNode lms = sample("lms");
        assertThat(duplicates(lms.path("messages"), m -> m.path("clientMsgId").asText()))
                .as("LMS messages sent twice for one step")
                .isEmpty();
        assertThat(duplicates(
                        lms.path("messages"),
                        m -> m.path("toUsername").asText() + ": "
                                + m.path("text").asText()))
                .as("the same LMS message twice to one person")
                .isEmpty();
        assertThat(duplicates(
                        lms.path("enrolments"),
                        e -> e.path("username").asText() + "/"
                                + e.path("courseId").asText()))
                .as("enrolments")
                .isEmpty();
        assertThat(duplicates(lms.path("events"), e -> e.path("event").toString()))
                .as("calendar events")
                .isEmpty();
    }

    /** Every write-back to the sample HCM (training records, skills) is there once. */
    void assertHcmWritesOnce() throws Exception {
        JsonNode hcm = sample("hcm");
        hcm.path("trainingRecords")
                .fields()
                .forEachRemaining(e -> assertThat(
                                duplicates(e.getValue(), r -> r.path("name").asText()))
                        .as("training records of " + e.getKey())
                        .isEmpty());
        hcm.path("skills")
                .fields()
                .forEachRemaining(e -> assertThat(
                                duplicates(e.getValue(), s -> s.path("skillId").asText()))
                        .as("skills of " + e.getKey())
                        .isEmpty());
    }

    int messages(String username, String startingWith) throws Exception {
        int n = 0;
        for (JsonNode m : sample("lms").path("messages")) {
            if (m.path("toUsername").asText().equals(username)
                    && m.path("text").asText().startsWith(startingWith)) {
                n++;
            }
        }
        return n;
    }

    private static List<String> duplicates(JsonNode items, Function<JsonNode, String> key) {
        List<String> keys = new ArrayList<>();
        items.forEach(item -> keys.add(key.apply(item)));
        return duplicates(keys);
    }

    /** The keys that occur more than once, each with its count. */
    static List<String> duplicates(List<String> keys) {
        return keys.stream().collect(Collectors.groupingBy(k -> k, Collectors.counting())).entrySet().stream()
                .filter(e -> e.getValue() > 1)
                .map(e -> e.getKey() + " x" + e.getValue())
                .toList();
    }

    private List<List<String>> rows(String sql, String... parameters) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 1, parameters[i]);
            }
            List<List<String>> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        row.add(rs.getString(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
