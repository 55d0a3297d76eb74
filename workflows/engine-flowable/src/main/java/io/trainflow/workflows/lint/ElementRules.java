package io.trainflow.workflows.lint;

import io.trainflow.workflows.engine.flowable.ExecutionListeners;
import io.trainflow.workflows.engine.flowable.TaskForms;
import io.trainflow.workflows.engine.flowable.Zeebe;
import io.trainflow.workflows.engine.flowable.ZeebeModelReader;
import io.trainflow.workflows.feel.Feel;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.flowable.bpmn.model.Activity;
import org.flowable.bpmn.model.BaseElement;
import org.flowable.bpmn.model.BoundaryEvent;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.BusinessRuleTask;
import org.flowable.bpmn.model.CallActivity;
import org.flowable.bpmn.model.CompensateEventDefinition;
import org.flowable.bpmn.model.DataObject;
import org.flowable.bpmn.model.EndEvent;
import org.flowable.bpmn.model.ErrorEventDefinition;
import org.flowable.bpmn.model.Escalation;
import org.flowable.bpmn.model.EscalationEventDefinition;
import org.flowable.bpmn.model.Event;
import org.flowable.bpmn.model.EventDefinition;
import org.flowable.bpmn.model.EventGateway;
import org.flowable.bpmn.model.EventSubProcess;
import org.flowable.bpmn.model.ExclusiveGateway;
import org.flowable.bpmn.model.ExternalWorkerServiceTask;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.InclusiveGateway;
import org.flowable.bpmn.model.IntermediateCatchEvent;
import org.flowable.bpmn.model.ManualTask;
import org.flowable.bpmn.model.Message;
import org.flowable.bpmn.model.MessageEventDefinition;
import org.flowable.bpmn.model.ParallelGateway;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.ReceiveTask;
import org.flowable.bpmn.model.ScriptTask;
import org.flowable.bpmn.model.SendTask;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.bpmn.model.ServiceTask;
import org.flowable.bpmn.model.Signal;
import org.flowable.bpmn.model.SignalEventDefinition;
import org.flowable.bpmn.model.StartEvent;
import org.flowable.bpmn.model.SubProcess;
import org.flowable.bpmn.model.TerminateEventDefinition;
import org.flowable.bpmn.model.ThrowEvent;
import org.flowable.bpmn.model.TimerEventDefinition;
import org.flowable.bpmn.model.UserTask;

/** The checks lint runs on each element of an executable process. */
final class ElementRules {

    private final String file;
    private final BpmnModel model;
    private final Set<String> taskTypes;
    private final Feel feel;
    private final BpmnLinter.Context context;
    private final List<LintProblem> problems;
    private final String unassignedGroup;

    /** Task types whose handler may be a user task listener (see {@link TaskListenerRules}). */
    Set<String> listenerTypes = Set.of();

    ElementRules(
            String file,
            BpmnModel model,
            Set<String> taskTypes,
            Feel feel,
            BpmnLinter.Context context,
            List<LintProblem> problems,
            String unassignedGroup) {
        this.unassignedGroup = unassignedGroup;
        this.file = file;
        this.model = model;
        this.taskTypes = taskTypes;
        this.feel = feel;
        this.context = context;
        this.problems = problems;
    }

    void check(Process process) {
        String refused = process.getAttributeValue(null, ExecutionListeners.REFUSED);
        if (refused != null) {
            problem(process, refused);
        }
        for (FlowElement element : process.findFlowElementsOfType(FlowElement.class, true)) {
            checkElement(element);
        }
    }

    private void checkElement(FlowElement element) {
        if (element instanceof ExternalWorkerServiceTask task) {
            serviceTask(task);
        } else if (element instanceof ServiceTask) {
            problem(element, "service task has no zeebe:taskDefinition type, so no handler can run it");
        } else if (element instanceof UserTask task) {
            userTask(task);
        } else if (element instanceof BusinessRuleTask task) {
            businessRuleTask(task);
        } else if (element instanceof CallActivity call) {
            callActivity(call);
        } else if (element instanceof SequenceFlow flow) {
            sequenceFlow(flow);
        } else if (element instanceof Event event) {
            event(event);
        } else if (element instanceof ScriptTask task) {
            scriptTask(task);
        } else if (element instanceof ReceiveTask task) {
            receiveTask(task);
        } else if (element instanceof SendTask) {
            problem(
                    element,
                    "send task has no zeebe:taskDefinition type: Camunda 8 runs it as a job for a worker of that type");
        } else if (element instanceof SubProcess sub
                && sub.getClass() != SubProcess.class
                && !(sub instanceof EventSubProcess)) {
            problem(element, sub.getClass().getSimpleName() + " is not supported; use an embedded sub-process");
        } else if (!(element instanceof SubProcess
                || element instanceof ExclusiveGateway
                || element instanceof InclusiveGateway
                || element instanceof ParallelGateway
                || element instanceof EventGateway
                || element instanceof ManualTask)) {
            problem(element, unsupported(element));
        }
        listeners(element);
        BindingRules.check(element).forEach(reason -> problem(element, reason));
        if (element instanceof Activity activity) {
            multiInstance(activity);
        }
    }

    /**
     * Execution listeners run as steps beside their element ({@link ExecutionListeners}); those it could not place
     * keep a mark with the reason. Task listeners: {@link TaskListenerRules}.
     */
    private void listeners(FlowElement element) {
        if (Zeebe.child(element, "executionListeners").isPresent()) {
            String refused = element.getAttributeValue(null, ExecutionListeners.REFUSED);
            problem(element, refused != null ? refused : "zeebe:executionListeners are not run on this element");
        }
        if (Zeebe.child(element, "taskListeners").isPresent()) {
            TaskListenerRules.Findings found = TaskListenerRules.check(element, taskTypes, listenerTypes);
            found.problems().forEach(reason -> problem(element, reason));
            found.notes().forEach(note -> problems.add(LintProblem.note(file, element.getId(), note)));
        }
    }

    private static String unsupported(FlowElement element) {
        if (element instanceof DataObject) {
            return "data objects are not supported: remove it (the engine would turn it into a process variable,"
                    + " and fail at start when it has no name as the Modeler draws it)";
        }
        String kind = element.getClass().getSimpleName();
        return switch (kind) {
            case "ComplexGateway" -> "complex gateways are not supported";
            default -> kind + " is not supported by Trainflow's engine";
        };
    }

    private void serviceTask(ExternalWorkerServiceTask task) {
        String type = task.getTopic();
        if (RestConnectorRules.isRestConnector(type) && taskTypes.contains(type)) {
            RestConnectorRules.check(task).forEach(reason -> problem(task, reason));
        } else if (RestConnectorRules.isRestConnector(type)) {
            problem(
                    task,
                    "Camunda's REST connector (" + type + ") is not run by this engine: it runs "
                            + RestConnectorRules.TYPE + " when the engine is given the REST connector's handler");
        } else if (ComputedTaskType.isComputed(type)) {
            ComputedTaskType.problem(type, feel)
                    .ifPresentOrElse(
                            reason -> problem(task, reason),
                            () -> problems.add(LintProblem.note(file, task.getId(), ComputedTaskType.NOTE)));
        } else if (!taskTypes.contains(type)) {
            problem(task, "task type '" + type + "' has no handler" + suggestion(type));
        }
        Zeebe.attribute(task, "taskDefinition", "retries").ifPresent(retries -> {
            if (!retries.matches("\\d+") && !Feel.isExpression(retries)) {
                problem(task, "retries '" + retries + "' is not a whole number");
            }
        });
        mappings(task);
    }

    private void userTask(UserTask task) {
        Optional<String> assignee = Zeebe.attribute(task, "assignmentDefinition", "assignee");
        Optional<String> groups = Zeebe.attribute(task, "assignmentDefinition", "candidateGroups");
        Optional<String> users = Zeebe.attribute(task, "assignmentDefinition", "candidateUsers");
        if (assignee.isEmpty() && groups.isEmpty() && users.isEmpty()) {
            problems.add(LintProblem.note(
                    file,
                    task.getId(),
                    "user task names no assignee or candidates:" + " it is offered to group '" + unassignedGroup
                            + "' (trainflow.unassigned-task-group)"));
        }
        assignee.ifPresent(v -> feel(task, "assignee", v));
        groups.ifPresent(v -> feel(task, "candidateGroups", v));
        users.ifPresent(v -> feel(task, "candidateUsers", v));
        for (String date : List.of("dueDate", "followUpDate")) {
            Zeebe.attribute(task, "taskSchedule", date).ifPresent(v -> {
                if (Feel.isExpression(v)) {
                    feel(task, date, v);
                } else if (!isDateTime(v)) {
                    problem(
                            task,
                            date + " '" + v
                                    + "' is not an ISO-8601 date-time with an offset (e.g. 2026-03-02T17:00:00Z)");
                }
            });
        }
        Zeebe.attribute(task, "priorityDefinition", "priority").ifPresent(v -> {
            if (Feel.isExpression(v)) {
                feel(task, "priority", v);
            } else if (!v.strip().matches("\\d{1,3}") || Integer.parseInt(v.strip()) > 100) {
                problem(task, "priority '" + v + "' is not a whole number from 0 to 100");
            }
        });
        form(task);
        mappings(task);
    }

    private static boolean isDateTime(String text) {
        try {
            java.time.ZonedDateTime.parse(text.strip());
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    /** A linked Camunda form (formId) must be deployed with the process: completions are checked against it. */
    private void form(UserTask task) {
        Optional<String> formKey = Zeebe.attribute(task, "formDefinition", "formKey");
        if (formKey.isPresent() && formKey.get().strip().startsWith(TaskForms.EMBEDDED)) {
            Optional<String> embedded = TaskForms.embeddedFormOf(model, task);
            if (embedded.isEmpty()) {
                problem(task, "form key '" + formKey.get() + "' names no zeebe:userTaskForm of the process");
            } else {
                FormCheck.check(
                                file,
                                embedded.get().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                                new java.util.HashSet<>())
                        .forEach(p -> problem(task, "embedded form: " + p.message()));
            }
        } else if (formKey.isPresent()
                || Zeebe.attribute(task, "formDefinition", "externalReference").isPresent()) {
            problems.add(LintProblem.note(
                    file,
                    task.getId(),
                    "the form is external to Trainflow: the inbox shows no form"
                            + " and completions are not checked against one"));
        }
        boolean byTag = Zeebe.attribute(task, "formDefinition", "bindingType")
                .filter(b -> b.strip().equals("versionTag"))
                .isPresent();
        if (byTag) {
            // it may come from any deployment: checked when the task is created (a missing one stops the step)
            problems.add(LintProblem.note(
                    file,
                    task.getId(),
                    "the form is the latest deployed one with versionTag '"
                            + Zeebe.attribute(task, "formDefinition", "versionTag")
                                    .orElse("")
                            + "' when the task is created"));
        }
        TaskForms.formIdOf(task).filter(formId -> !byTag).ifPresent(formId -> {
            if (context.formIds() != null && !context.formIds().contains(formId)) {
                problem(
                        task,
                        "form '" + formId + "' is not in any .form file deployed with it"
                                + (context.formIds().isEmpty()
                                        ? ""
                                        : " (forms: " + String.join(", ", new java.util.TreeSet<>(context.formIds()))
                                                + ")"));
            }
        });
    }

    /** Camunda 8's FEEL script task; one implemented by a job worker was read as a job-worker task. */
    private void scriptTask(ScriptTask task) {
        Optional<String> expression = Zeebe.attribute(task, "script", "expression");
        if (expression.isEmpty() || !Feel.isExpression(expression.get())) {
            problem(
                    task,
                    "script task needs zeebe:script with a FEEL expression (starting with '=') and a resultVariable,"
                            + " or a zeebe:taskDefinition type for a job worker");
            return;
        }
        feel(task, "script", expression.get());
        if (Zeebe.attribute(task, "script", "resultVariable").isEmpty()) {
            problem(task, "script task has no resultVariable for the expression's result");
        }
        mappings(task);
    }

    private void receiveTask(ReceiveTask task) {
        String messageRef = task.getAttributeValue(null, "messageRef");
        if (messageRef == null || messageRef.isBlank()) {
            problem(task, "receive task has no messageRef: it would wait for nothing");
            return;
        }
        subscription(task, messageRef, false);
        mappings(task);
    }

    private void businessRuleTask(BusinessRuleTask task) {
        Optional<String> decision = Zeebe.attribute(task, "calledDecision", "decisionId");
        if (decision.isEmpty()) {
            problem(
                    task,
                    "business rule task has no zeebe:calledDecision decisionId (nor a zeebe:taskDefinition type for a job worker)");
            return;
        }
        if (Zeebe.attribute(task, "calledDecision", "resultVariable").isEmpty()) {
            problem(task, "business rule task has no resultVariable for the decision's result");
        }
        if (context.decisionIds() != null && !context.decisionIds().contains(decision.get())) {
            problem(task, "decision '" + decision.get() + "' is not in any .dmn file deployed with it");
        }
        mappings(task);
    }

    private void callActivity(CallActivity call) {
        Optional<String> processId = Zeebe.attribute(call, "calledElement", "processId");
        if (processId.isEmpty()) {
            problem(call, "call activity has no zeebe:calledElement processId");
            return;
        }
        if (Feel.isExpression(processId.get())) {
            ComputedCalledProcess.problem(processId.get(), feel)
                    .ifPresentOrElse(
                            reason -> problem(call, reason),
                            () -> problems.add(LintProblem.note(file, call.getId(), ComputedCalledProcess.NOTE)));
        } else if (context.processIds() != null && !context.processIds().contains(processId.get())) {
            problem(call, "called process '" + processId.get() + "' is not defined in any .bpmn file here");
        }
        mappings(call);
    }

    private void multiInstance(Activity activity) {
        if (activity.getLoopCharacteristics() == null) {
            return;
        }
        Optional<String> collection =
                Zeebe.attribute(activity.getLoopCharacteristics(), "loopCharacteristics", "inputCollection");
        if (collection.isEmpty()) {
            problem(activity, "multi-instance needs zeebe:loopCharacteristics inputCollection");
        } else {
            feel(activity, "inputCollection", collection.get());
        }
        Optional<String> output =
                Zeebe.attribute(activity.getLoopCharacteristics(), "loopCharacteristics", "outputCollection");
        Optional<String> element =
                Zeebe.attribute(activity.getLoopCharacteristics(), "loopCharacteristics", "outputElement");
        if (output.isPresent() && element.isEmpty()) {
            problem(activity, "multi-instance outputCollection '" + output.get() + "' needs an outputElement");
        }
        element.ifPresent(e -> feel(activity, "outputElement", e));
        String completion = activity.getLoopCharacteristics().getCompletionCondition();
        if (completion != null && !completion.isBlank()) {
            if (Feel.isExpression(completion)) {
                feel(activity, "completionCondition", completion);
            } else {
                problem(activity, "completionCondition '" + completion.strip() + "' is not FEEL: start it with '='");
            }
        }
    }

    private void sequenceFlow(SequenceFlow flow) {
        String condition = flow.getConditionExpression();
        FlowElement source = model.getFlowElement(flow.getSourceRef());
        if (condition != null && !condition.isBlank()) {
            if (!Feel.isExpression(condition)) {
                problem(flow, "condition '" + condition.strip() + "' is not FEEL: start it with '='");
            } else {
                feel(flow, "condition", condition);
            }
        } else if (source instanceof ExclusiveGateway gateway
                && gateway.getOutgoingFlows().size() > 1
                && !flow.getId().equals(gateway.getDefaultFlow())) {
            problem(
                    flow,
                    "flow out of exclusive gateway '" + gateway.getId()
                            + "' has no condition and is not its default flow");
        } else if (source instanceof InclusiveGateway gateway
                && gateway.getOutgoingFlows().size() > 1
                && !flow.getId().equals(gateway.getDefaultFlow())) {
            problem(
                    flow,
                    "flow out of inclusive gateway '" + gateway.getId()
                            + "' has no condition and is not its default flow");
        }
    }

    private void event(Event event) {
        String link = event.getAttributeValue(null, ZeebeModelReader.LINK);
        if (link != null) {
            // a connected link throw loses its mark (LinkEvents); this one has no catch of its name
            problem(event, "link throw event '" + link + "' has no link catch event of that name in the same scope");
            return;
        }
        List<EventDefinition> definitions = event.getEventDefinitions();
        if (definitions.size() > 1) {
            problem(event, "events with several definitions are not supported");
        }
        for (EventDefinition definition : definitions) {
            if (definition instanceof TimerEventDefinition timer) {
                timer(event, timer);
            } else if (definition instanceof MessageEventDefinition message) {
                if (event instanceof ThrowEvent || event instanceof EndEvent) {
                    // one with a zeebe:taskDefinition was read as a job-worker task
                    problem(
                            event,
                            "message " + (event instanceof EndEvent ? "end" : "throw")
                                    + " event has no zeebe:taskDefinition"
                                    + " type: in Camunda 8 a job worker of that type sends the message");
                } else {
                    message(event, message);
                }
            } else if (definition instanceof ErrorEventDefinition) {
                if (!(event instanceof BoundaryEvent
                        || event instanceof EndEvent
                        || event instanceof StartEvent && inEventSubProcess(event))) {
                    problem(event, "error events are boundary, end and event sub-process start events only");
                }
            } else if (definition instanceof SignalEventDefinition signal) {
                signal(event, signal);
            } else if (definition instanceof EscalationEventDefinition escalation) {
                escalation(event, escalation);
            } else if (definition instanceof CompensateEventDefinition compensation) {
                CompensationRules.check(event, compensation, model).forEach(reason -> problem(event, reason));
            } else if (!(definition instanceof TerminateEventDefinition && event instanceof EndEvent)) {
                problem(
                        event,
                        definition
                                        .getClass()
                                        .getSimpleName()
                                        .replace("EventDefinition", "")
                                        .toLowerCase() + " events are not supported");
            }
        }
        if (event instanceof StartEvent && inEventSubProcess(event) && definitions.isEmpty()) {
            problem(
                    event,
                    "an event sub-process starts on a timer, message or error (the start event has no definition)");
        }
        if (event instanceof BoundaryEvent boundary && definitions.isEmpty()) {
            problem(event, "boundary event without a timer, message or error definition");
        }
        if (event instanceof IntermediateCatchEvent && definitions.isEmpty()) {
            problem(event, "intermediate catch event needs a timer or message definition");
        }
    }

    /** Camunda 8 broadcasts a signal by its name: catch, boundary, start (process or event sub-process), throw and end. */
    private void signal(Event event, SignalEventDefinition definition) {
        Signal signal = definition.getSignalRef() == null ? null : model.getSignal(definition.getSignalRef());
        if (signal == null || signal.getName() == null || signal.getName().isBlank()) {
            problem(
                    event,
                    "signal event refers to no named bpmn:signal (signalRef '" + definition.getSignalRef() + "')");
        } else if (Feel.isExpression(signal.getName())) {
            problem(event, "signal name '" + signal.getName() + "' is an expression: only a fixed name is supported");
        }
    }

    /**
     * Escalations: throw and end events need an escalation with a code (FEEL is evaluated when thrown); boundary and event sub-process
     * starts catch one code, or every escalation without a reference. A process start cannot catch one.
     */
    private void escalation(Event event, EscalationEventDefinition definition) {
        String ref = definition.getEscalationCode();
        boolean catching = event instanceof BoundaryEvent || event instanceof StartEvent;
        if (event instanceof StartEvent && !inEventSubProcess(event)) {
            problem(event, "an escalation start event only starts an event sub-process");
            return;
        }
        if (ref == null || ref.isBlank()) {
            if (!catching) {
                problem(event, "escalation throw event has no escalationRef to an escalation with an escalationCode");
            }
            return;
        }
        Escalation escalation = model.getEscalation(ref);
        String code = escalation == null ? null : escalation.getEscalationCode();
        if (code == null || code.isBlank()) {
            problem(event, "escalation '" + ref + "' has no escalationCode");
        } else if (Feel.isExpression(code) && catching) {
            // Camunda 8 evaluates a throw's code when it is reached; a catch matches a fixed code
            problem(event, "escalation code '" + code + "' is an expression: a catch event matches a fixed code");
        } else if (Feel.isExpression(code)) {
            feel(event, "escalationCode", code);
        }
    }

    private void timer(Event event, TimerEventDefinition timer) {
        if (timer.getTimeDuration() != null) {
            timerValue(
                    event, "timeDuration", timer.getTimeDuration(), TimerSyntax.durationError(timer.getTimeDuration()));
        } else if (timer.getTimeCycle() != null) {
            timerValue(event, "timeCycle", timer.getTimeCycle(), TimerSyntax.cycleError(timer.getTimeCycle()));
        } else if (timer.getTimeDate() != null) {
            timerValue(event, "timeDate", timer.getTimeDate(), TimerSyntax.dateError(timer.getTimeDate()));
        } else {
            problem(event, "timer has no duration, cycle or date");
        }
        if (event instanceof StartEvent
                && !inEventSubProcess(event)
                && timer.getTimeCycle() == null
                && timer.getTimeDate() == null) {
            problem(event, "a timer start event needs a cycle or a date");
        }
    }

    private static boolean inEventSubProcess(FlowElement element) {
        return element.getParentContainer() instanceof EventSubProcess;
    }

    private void timerValue(Event event, String what, String value, Optional<String> isoError) {
        if (Feel.isExpression(value)) {
            feel(event, what, value);
        } else {
            isoError.ifPresent(e -> problem(event, what + " " + e));
        }
    }

    private void message(Event event, MessageEventDefinition definition) {
        subscription(event, definition.getMessageRef(), event instanceof StartEvent && !inEventSubProcess(event));
    }

    /** A process's message start needs only a name; anything else waiting for a message needs its correlation key. */
    private void subscription(FlowElement event, String messageRef, boolean nameOnly) {
        Message message = model.getMessage(messageRef);
        if (message == null || message.getName() == null || message.getName().isBlank()) {
            problem(event, "message event refers to no named bpmn:message (messageRef '" + messageRef + "')");
            return;
        }
        if (nameOnly) {
            return;
        }
        Optional<String> key = Zeebe.attribute(message, "subscription", "correlationKey");
        if (key.isEmpty()) {
            problem(
                    event,
                    "message '" + message.getName() + "' has no zeebe:subscription correlationKey,"
                            + " so Trainflow could not tell which instance a message is for");
        } else if (Feel.isExpression(key.get())) {
            feel(event, "correlationKey", key.get());
        } else {
            problem(event, "correlationKey '" + key.get() + "' must be a FEEL expression starting with '='");
        }
    }

    private void mappings(BaseElement element) {
        for (String kind : List.of("input", "output")) {
            for (Zeebe.Mapping mapping : Zeebe.mappings(element, kind)) {
                if (mapping.target() == null || mapping.target().isBlank()) {
                    problem(element, "zeebe:" + kind + " has no target variable");
                }
                if (mapping.source() != null && Feel.isExpression(mapping.source())) {
                    feel(element, kind + " '" + mapping.target() + "'", mapping.source());
                }
            }
        }
    }

    private void feel(BaseElement element, String where, String text) {
        String expression = Feel.expressionOf(text);
        if (expression == null) {
            return;
        }
        if (expression.isBlank()) {
            problem(element, where + " is an empty FEEL expression");
            return;
        }
        feel.parseError(expression)
                .ifPresent(error -> problem(
                        element, where + " FEEL expression '" + expression + "' does not parse: " + firstLine(error)));
    }

    private String suggestion(String type) {
        return taskTypes.stream()
                .min(Comparator.comparingInt(known -> Levenshtein.distance(known, type)))
                .filter(best -> Levenshtein.distance(best, type) <= Math.max(2, type.length() / 3))
                .map(best -> "; did you mean '" + best + "'?")
                .orElse("; known types: "
                        + String.join(", ", taskTypes.stream().sorted().toList()));
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private void problem(BaseElement element, String message) {
        problems.add(new LintProblem(file, element.getId(), message));
    }
}
