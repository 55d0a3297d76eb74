package io.trainflow.workflows.engine.flowable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.common.engine.impl.identity.Authentication;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.TaskListener;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.task.service.delegate.DelegateTask;

/**
 * {@code zeebe:ioMapping} outputs of a user task, as Zeebe applies them on completion: each
 * source is evaluated with the variables the task was completed with, and its target set in
 * the process. Runs after the {@link TaskCompletionGuard}, so a refused completion maps nothing.
 * {@value #COMPLETED_BY} names the person completing the task, so a process can record who decided
 * (e.g. the expert who reviewed a quiz) from the authenticated user, not from what they typed.
 */
class UserTaskOutputMappings implements TaskListener {

    private static final long serialVersionUID = 1L;

    static final UserTaskOutputMappings INSTANCE = new UserTaskOutputMappings();

    /** Variable, visible only to output mappings, holding the username of the person completing the task. */
    public static final String COMPLETED_BY = "completedBy";

    @Override
    public void notify(DelegateTask task) {
        FlowElement element = Zeebe.elementOf(task);
        List<Zeebe.Mapping> outputs = Zeebe.mappings(element, "output");
        if (outputs.isEmpty()) {
            return;
        }
        task.setTransientVariableLocal(COMPLETED_BY, Authentication.getAuthenticatedUserId());
        Map<String, Object> values = new LinkedHashMap<>();
        for (Zeebe.Mapping output : outputs) {
            values.put(output.target(), Zeebe.value(output.source(), task));
        }
        DelegateExecution execution =
                CommandContextUtil.getExecutionEntityManager().findById(task.getExecutionId());
        values.forEach(execution::setVariable);
    }
}
