package io.trainflow.workflows.engine.flowable;

import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.flowable.engine.ManagementService;
import org.flowable.engine.impl.cmd.AbstractCustomSqlExecution;

/**
 * Lock upkeep Flowable has no command for: renewing the lock of a step that is still running (without
 * touching the row's revision, which the completion checks), releasing the timers this node held when it
 * stopped, and finding the visit of an element a step job belongs to (its step identity).
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
        List<String> open = management.executeCustomSql(new AbstractCustomSqlExecution<Mapper, List<String>>(Mapper.class) {
            @Override
            public List<String> execute(Mapper mapper) {
                return mapper.openVisits(execution, element);
            }
        });
        return open.size() == 1 ? open.get(0) : "execution-" + execution;
    }
}
