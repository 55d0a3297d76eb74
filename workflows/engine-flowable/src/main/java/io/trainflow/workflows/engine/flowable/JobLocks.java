package io.trainflow.workflows.engine.flowable;

import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.flowable.engine.ManagementService;
import org.flowable.engine.impl.cmd.AbstractCustomSqlExecution;

/**
 * Lock upkeep Flowable has no command for: renewing the lock of a step that is still running (without
 * touching the row's revision, which the completion checks), releasing the timers this node held when it
 * stopped, finding the visit of an element a step job belongs to (its step identity), and listing who holds
 * which job (an admin's check after a restart).
 */
final class JobLocks {

    /** Registered as a custom MyBatis mapper of the engine. */
    public interface Mapper {
        @Update("UPDATE ACT_RU_EXTERNAL_JOB SET LOCK_EXP_TIME_ = #{until} WHERE ID_ = #{id} AND LOCK_OWNER_ = #{owner}")
        int renew(@Param("id") String id, @Param("owner") String owner, @Param("until") Date until);

        @Update("UPDATE ACT_RU_TIMER_JOB SET LOCK_OWNER_ = NULL, LOCK_EXP_TIME_ = NULL WHERE LOCK_OWNER_ = #{owner}")
        int releaseTimers(@Param("owner") String owner);

        @Select("SELECT ID_ FROM ACT_RU_ACTINST WHERE EXECUTION_ID_ = #{execution} AND ACT_ID_ = #{element}"
                + " AND END_TIME_ IS NULL")
        List<String> openVisits(@Param("execution") String execution, @Param("element") String element);

        @Select(
                "SELECT 'step' AS KIND, ID_, PROCESS_INSTANCE_ID_, ELEMENT_ID_, LOCK_OWNER_, LOCK_EXP_TIME_ FROM ACT_RU_EXTERNAL_JOB"
                        + " WHERE LOCK_OWNER_ IS NOT NULL UNION ALL"
                        + " SELECT 'continuation', ID_, PROCESS_INSTANCE_ID_, ELEMENT_ID_, LOCK_OWNER_, LOCK_EXP_TIME_ FROM ACT_RU_JOB"
                        + " WHERE LOCK_OWNER_ IS NOT NULL UNION ALL"
                        + " SELECT 'timer', ID_, PROCESS_INSTANCE_ID_, ELEMENT_ID_, LOCK_OWNER_, LOCK_EXP_TIME_ FROM ACT_RU_TIMER_JOB"
                        + " WHERE LOCK_OWNER_ IS NOT NULL")
        List<Map<String, Object>> held();
    }

    /** A job some node holds, as the database has it. */
    record Held(String kind, String jobId, String processInstanceId, String elementId, String owner, Date expiresAt) {}

    /** Every job locked right now, steps, continuations and timers, whoever holds it. */
    List<Held> held() {
        List<Map<String, Object>> rows = management.executeCustomSql(
                new AbstractCustomSqlExecution<Mapper, List<Map<String, Object>>>(Mapper.class) {
                    @Override
                    public List<Map<String, Object>> execute(Mapper mapper) {
                        return mapper.held();
                    }
                });
        return rows.stream().map(JobLocks::held).toList();
    }

    private static Held held(Map<String, Object> row) {
        // H2 answers column names in upper case, PostgreSQL in lower case
        Map<String, Object> r = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        r.putAll(row);
        Object expiry = r.get("LOCK_EXP_TIME_");
        return new Held(
                String.valueOf(r.get("KIND")),
                (String) r.get("ID_"),
                (String) r.get("PROCESS_INSTANCE_ID_"),
                (String) r.get("ELEMENT_ID_"),
                (String) r.get("LOCK_OWNER_"),
                expiry instanceof Date d ? new Date(d.getTime()) : null);
    }

    private final ManagementService management;

    JobLocks(ManagementService management) {
        this.management = management;
    }

    /** Moves the locks of these step jobs, still held by {@code owner}, to {@code until}; returns how many. */
    int renew(Collection<String> jobIds, String owner, Date until) {
        if (jobIds.isEmpty()) {
            return 0;
        }
        return management.executeCustomSql(new AbstractCustomSqlExecution<Mapper, Integer>(Mapper.class) {
            @Override
            public Integer execute(Mapper mapper) {
                int renewed = 0;
                for (String id : jobIds) {
                    renewed += mapper.renew(id, owner, until);
                }
                return renewed;
            }
        });
    }

    int releaseTimers(String owner) {
        return management.executeCustomSql(new AbstractCustomSqlExecution<Mapper, Integer>(Mapper.class) {
            @Override
            public Integer execute(Mapper mapper) {
                return mapper.releaseTimers(owner);
            }
        });
    }

    /** The open visit (runtime activity instance) of {@code element} on {@code execution}; the execution when none. */
    String visit(String execution, String element) {
        List<String> open =
                management.executeCustomSql(new AbstractCustomSqlExecution<Mapper, List<String>>(Mapper.class) {
                    @Override
                    public List<String> execute(Mapper mapper) {
                        return mapper.openVisits(execution, element);
                    }
                });
        return open.size() == 1 ? open.get(0) : "execution-" + execution;
    }
}
