package io.trainflow.connectors.scim;

import io.trainflow.connectors.hcm.EmployeeSkill;
import io.trainflow.connectors.hcm.TrainingRecord;
import io.trainflow.connectors.jdbc.Jdbc;
import io.trainflow.connectors.jdbc.TrainflowSchema;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Skills and completed trainings of SCIM employees, kept in Trainflow's database because SCIM's
 * core schema has no place for them: nothing the lifecycle records is lost, and the records read
 * back through the same port. One row per employee and skill, and per employee and training name
 * (recording again updates it). Tables created if absent; SQL that H2 and PostgreSQL both run.
 */
public final class LocalHcmRecords {

    private final Jdbc jdbc;

    public LocalHcmRecords(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
        TrainflowSchema.ensure(dataSource);
    }

    public List<TrainingRecord> trainings(String employeeId) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT name, record_number, issued_date, expiry_date "
                    + "FROM tf_scim_training WHERE employee_id = ? ORDER BY name")) {
                s.setString(1, employeeId);
                List<TrainingRecord> records = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        records.add(new TrainingRecord(
                                r.getString(1), r.getString(1), r.getString(2), date(r, 3), date(r, 4)));
                    }
                }
                return records;
            }
        });
    }

    /** Upsert by training name; the record id is the name, as one employee holds one record per name. */
    public TrainingRecord saveTraining(String employeeId, TrainingRecord record) {
        jdbc.inTransaction(c -> {
            Jdbc.upsert(
                    c,
                    u -> {
                        try (PreparedStatement s = u.prepareStatement("UPDATE tf_scim_training SET record_number = ?, "
                                + "issued_date = ?, expiry_date = ? WHERE employee_id = ? AND name = ?")) {
                            bindTraining(s, record, employeeId);
                            return s.executeUpdate();
                        }
                    },
                    i -> {
                        try (PreparedStatement s = i.prepareStatement(
                                "INSERT INTO tf_scim_training "
                                        + "(record_number, issued_date, expiry_date, employee_id, name) VALUES (?, ?, ?, ?, ?)")) {
                            bindTraining(s, record, employeeId);
                            return s.executeUpdate();
                        }
                    });
            return null;
        });
        return new TrainingRecord(
                record.name(), record.name(), record.number(), record.issuedDate(), record.expiryDate());
    }

    public List<EmployeeSkill> skills(String employeeId) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT skill_id, skill_name, years, comments "
                    + "FROM tf_scim_skill WHERE employee_id = ? ORDER BY skill_id")) {
                s.setString(1, employeeId);
                List<EmployeeSkill> skills = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        int years = r.getInt(3);
                        skills.add(new EmployeeSkill(
                                r.getString(1), r.getString(2), r.wasNull() ? null : years, r.getString(4)));
                    }
                }
                return skills;
            }
        });
    }

    public void saveSkill(String employeeId, EmployeeSkill skill) {
        jdbc.inTransaction(c -> {
            Jdbc.upsert(
                    c,
                    u -> {
                        try (PreparedStatement s =
                                u.prepareStatement("UPDATE tf_scim_skill SET skill_name = ?, years = ?, "
                                        + "comments = ? WHERE employee_id = ? AND skill_id = ?")) {
                            bindSkill(s, skill, employeeId);
                            return s.executeUpdate();
                        }
                    },
                    i -> {
                        try (PreparedStatement s = i.prepareStatement("INSERT INTO tf_scim_skill "
                                + "(skill_name, years, comments, employee_id, skill_id) VALUES (?, ?, ?, ?, ?)")) {
                            bindSkill(s, skill, employeeId);
                            return s.executeUpdate();
                        }
                    });
            return null;
        });
    }

    private static void bindTraining(PreparedStatement s, TrainingRecord r, String employeeId) throws SQLException {
        s.setString(1, r.number());
        s.setDate(2, r.issuedDate() == null ? null : Date.valueOf(r.issuedDate()));
        s.setDate(3, r.expiryDate() == null ? null : Date.valueOf(r.expiryDate()));
        s.setString(4, employeeId);
        s.setString(5, r.name());
    }

    private static void bindSkill(PreparedStatement s, EmployeeSkill k, String employeeId) throws SQLException {
        s.setString(1, k.skillName());
        if (k.yearsOfExperience() == null) {
            s.setNull(2, java.sql.Types.INTEGER);
        } else {
            s.setInt(2, k.yearsOfExperience());
        }
        s.setString(3, k.comments());
        s.setString(4, employeeId);
        s.setString(5, k.skillId());
    }

    private static LocalDate date(ResultSet r, int column) throws SQLException {
        Date d = r.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
