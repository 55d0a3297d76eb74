package io.trainflow.workflows.engine.flowable;

import io.trainflow.workflows.engine.ActingUser;
import io.trainflow.workflows.engine.ProcessStarter;
import java.util.Map;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.runtime.ProcessInstance;

/** {@link ProcessStarter} on Flowable: the starter is the acting user while the instance starts. */
final class FlowableProcessStarter implements ProcessStarter {

    private final RuntimeService runtime;
    private final ActingUser acting;

    FlowableProcessStarter(RuntimeService runtime, ActingUser acting) {
        this.runtime = runtime;
        this.acting = acting;
    }

    @Override
    public Started start(String user, String processKey, String businessKey, Map<String, Object> variables) {
        try (var as = acting.as(user)) {
            ProcessInstance started = runtime.startProcessInstanceByKey(processKey, businessKey, variables);
            return new Started(started.getId(), started.getBusinessKey());
        }
    }
}
