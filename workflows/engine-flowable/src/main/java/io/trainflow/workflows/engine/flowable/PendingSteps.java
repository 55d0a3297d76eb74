package io.trainflow.workflows.engine.flowable;

import java.util.List;
import org.apache.ibatis.annotations.Select;
import org.flowable.engine.ManagementService;
import org.flowable.engine.impl.cmd.AbstractCustomSqlExecution;

/**
 * The task types that have a step job waiting, in one query: the poller then acquires only
 * those, instead of one acquisition transaction per known type on every poll.
 */
final class PendingSteps {

    /** Registered as a custom MyBatis mapper of the engine. */
    public interface Mapper {
        @Select("SELECT DISTINCT HANDLER_CFG_ FROM ACT_RU_EXTERNAL_JOB WHERE LOCK_EXP_TIME_ IS NULL")
        List<String> pendingTypes();
    }

    private final ManagementService management;

    PendingSteps(ManagementService management) {
        this.management = management;
    }

    List<String> types() {
        return management.executeCustomSql(new AbstractCustomSqlExecution<Mapper, List<String>>(Mapper.class) {
            @Override
            public List<String> execute(Mapper mapper) {
                return mapper.pendingTypes();
            }
        });
    }
}
