package io.trainflow.workflows.engine.flowable;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.flowable.bpmn.model.Activity;
import org.flowable.bpmn.model.BaseElement;
import org.flowable.bpmn.model.BoundaryEvent;
import org.flowable.bpmn.model.CompensateEventDefinition;
import org.flowable.bpmn.model.EndEvent;
import org.flowable.bpmn.model.ErrorEventDefinition;
import org.flowable.bpmn.model.Event;
import org.flowable.bpmn.model.EventGateway;
import org.flowable.bpmn.model.EventSubProcess;
import org.flowable.bpmn.model.ExtensionAttribute;
import org.flowable.bpmn.model.ExtensionElement;
import org.flowable.bpmn.model.ExternalWorkerServiceTask;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.FlowElementsContainer;
import org.flowable.bpmn.model.FlowNode;
import org.flowable.bpmn.model.Gateway;
import org.flowable.bpmn.model.InclusiveGateway;
import org.flowable.bpmn.model.ParallelGateway;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.bpmn.model.ServiceTask;
import org.flowable.bpmn.model.StartEvent;
import org.flowable.bpmn.model.SubProcess;

/**
 * Camunda 8's execution listeners ({@code zeebe:executionListeners}): each listener is a job of its type, run by
 * the handler of that type like any step, blocking the element until it completes (Camunda 8.8 documentation,
 * "Execution listeners"). Each becomes a job-worker step of its own beside the element, in model order: start
 * listeners just before the element (they see its input mappings), end listeners just after it (after its output
 * mappings, their variables going to the element's scope's parent like output mappings). So a listener's job is
 * retried by the step's retry policy and, out of retries, is an incident on the listener's step; boundary events
 * are not yet (start) or no longer (end) subscribed while it runs. Where this cannot stand for Camunda's behaviour
 * the element keeps its listeners and a mark with the reason, which lint reports ({@link #REFUSED}).
 */
public final class ExecutionListeners {

    /** Attribute marking an element whose listeners are not run, with the reason (lint names it). */
    public static final String REFUSED = "trainflow-listeners-refused";

    private ExecutionListeners() {}

    record Listener(String eventType, String type, String retries) {}

    static void insert(Process process) {
        insertIn(process);
        List<Listener> listeners = of(process);
        if (listeners.isEmpty()) {
            return;
        }
        Optional<String> refused = processRefusal(process, listeners);
        if (refused.isPresent()) {
            mark(process, refused.get());
            return;
        }
        // Camunda 8 runs the process's start listeners before its start event: here right after it
        List<Listener> start =
                listeners.stream().filter(l -> l.eventType().equals("start")).toList();
        for (FlowElement element : new ArrayList<>(process.getFlowElements())) {
            if (element instanceof StartEvent event) {
                after(process, event, event.getId() + "-process", start, null);
            }
        }
        process.getExtensionElements().remove("executionListeners");
    }

    private static void insertIn(FlowElementsContainer container) {
        for (FlowElement element : new ArrayList<>(container.getFlowElements())) {
            if (element instanceof SubProcess sub) {
                insertIn(sub);
            }
            if (!(element instanceof FlowNode node)) {
                continue;
            }
            List<Listener> listeners = of(node);
            if (listeners.isEmpty()) {
                continue;
            }
            Optional<String> refused = refusal(node, listeners);
            if (refused.isPresent()) {
                mark(node, refused.get());
                continue;
            }
            List<Listener> start = listeners.stream()
                    .filter(l -> l.eventType().equals("start"))
                    .toList();
            List<Listener> end =
                    listeners.stream().filter(l -> l.eventType().equals("end")).toList();
            if (node instanceof EndEvent) {
                // nothing follows an end event: its end listeners run as it is reached, after its start listeners
                List<Listener> all = new ArrayList<>(start);
                all.addAll(end);
                before(container, node, all);
            } else if (node instanceof Gateway && joinsTokens(node)) {
                // a joining gateway's start listeners run once the tokens have joined: right after it
                after(container, node, node.getId(), start, node);
            } else {
                before(container, node, start);
                after(container, node, node.getId(), end, node);
            }
            node.getExtensionElements().remove("executionListeners");
        }
    }

    /** The listeners of an element in model order; empty when it has none. */
    static List<Listener> of(BaseElement element) {
        List<Listener> listeners = new ArrayList<>();
        Zeebe.child(element, "executionListeners").ifPresent(all -> {
            List<ExtensionElement> entries = all.getChildElements().get("executionListener");
            if (entries != null) {
                for (ExtensionElement entry : entries) {
                    listeners.add(new Listener(
                            blankToNull(entry.getAttributeValue(null, "eventType")),
                            blankToNull(entry.getAttributeValue(null, "type")),
                            blankToNull(entry.getAttributeValue(null, "retries"))));
                }
            }
        });
        return listeners;
    }

    /** Why the listeners of this element cannot run as Camunda 8 runs them, if they cannot. */
    private static Optional<String> refusal(FlowNode node, List<Listener> listeners) {
        Optional<String> invalid = invalid(listeners);
        if (invalid.isPresent()) {
            return invalid;
        }
        boolean start = listeners.stream().anyMatch(l -> l.eventType().equals("start"));
        boolean end = listeners.stream().anyMatch(l -> l.eventType().equals("end"));
        if (node instanceof EventSubProcess) {
            return Optional.of("execution listeners on an event sub-process are not run yet: put them on its"
                    + " start event (end) or its first element (start)");
        }
        if (node instanceof Activity activity && activity.getLoopCharacteristics() != null) {
            return Optional.of("execution listeners on a multi-instance activity are not run yet: put them on an"
                    + " element before or after it");
        }
        if (node instanceof Activity activity && activity.isForCompensation()
                || node instanceof Event event && has(event, CompensateEventDefinition.class)) {
            return Optional.of("execution listeners on compensation handlers and events are not run yet");
        }
        if (start && (node instanceof StartEvent || node instanceof BoundaryEvent)) {
            return Optional.of("Camunda 8 runs no start listeners on start and boundary events: use the start"
                    + " listeners of the process, sub-process or attached activity");
        }
        if (end && node instanceof Gateway) {
            return Optional.of(
                    "Camunda 8 runs no end listeners on gateways: use start listeners on the element" + " after it");
        }
        if (end && node instanceof EndEvent event && has(event, ErrorEventDefinition.class)) {
            return Optional.of("Camunda 8 runs no end listeners on error end events: put them on the catching event");
        }
        if (start
                && node.getIncomingFlows().stream()
                        .anyMatch(flow -> node.getParentContainer().getFlowElement(flow.getSourceRef())
                                instanceof EventGateway)) {
            return Optional.of("start listeners on an event after an event-based gateway are not run yet: put them"
                    + " on the gateway");
        }
        if (start && node.getIncomingFlows().isEmpty() && !(node instanceof StartEvent)) {
            return Optional.of("start listeners on an element with no incoming sequence flow are not run yet");
        }
        if (start
                && node instanceof InclusiveGateway
                && joinsTokens(node)
                && node.getOutgoingFlows().size() > 1) {
            return Optional.of("start listeners on an inclusive gateway that both joins and forks are not run yet:"
                    + " split it into a joining and a forking gateway");
        }
        return Optional.empty();
    }

    private static Optional<String> processRefusal(Process process, List<Listener> listeners) {
        Optional<String> invalid = invalid(listeners);
        if (invalid.isPresent()) {
            return invalid;
        }
        if (listeners.stream().anyMatch(l -> l.eventType().equals("end"))) {
            return Optional.of("end listeners of a process are not run yet: put them on its end events");
        }
        return Optional.empty();
    }

    /** Camunda's own validation: an event type of start or end, a job type, each pair once. */
    private static Optional<String> invalid(List<Listener> listeners) {
        Set<String> seen = new HashSet<>();
        for (Listener listener : listeners) {
            if (listener.eventType() == null || !Set.of("start", "end").contains(listener.eventType())) {
                return Optional.of("execution listener eventType '" + listener.eventType() + "' is not start or end");
            }
            if (listener.type() == null) {
                return Optional.of("a " + listener.eventType() + " execution listener has no job type");
            }
            if (!seen.add(listener.eventType() + "/" + listener.type())) {
                return Optional.of("two " + listener.eventType() + " execution listeners of type '" + listener.type()
                        + "': Camunda 8 refuses the same event type and job type twice");
            }
        }
        return Optional.empty();
    }

    private static boolean joinsTokens(FlowNode node) {
        return (node instanceof ParallelGateway || node instanceof InclusiveGateway)
                && node.getIncomingFlows().size() > 1;
    }

    private static boolean has(Event event, Class<?> definition) {
        return event.getEventDefinitions().stream().anyMatch(definition::isInstance);
    }

    /** The listener steps between the element's incoming flows and the element. */
    private static void before(FlowElementsContainer container, FlowNode node, List<Listener> listeners) {
        if (listeners.isEmpty()) {
            return;
        }
        List<ExternalWorkerServiceTask> chain = chain(container, node, node.getId(), listeners, true);
        ExternalWorkerServiceTask first = chain.get(0);
        for (SequenceFlow incoming : new ArrayList<>(node.getIncomingFlows())) {
            incoming.setTargetRef(first.getId());
            incoming.setTargetFlowElement(first);
            first.getIncomingFlows().add(incoming);
        }
        node.getIncomingFlows().clear();
        connect(container, chain.get(chain.size() - 1), node);
    }

    /** The listener steps between the element and its outgoing flows (its default flow moves with them). */
    private static void after(
            FlowElementsContainer container, FlowNode node, String idBase, List<Listener> listeners, FlowNode owner) {
        if (listeners.isEmpty()) {
            return;
        }
        List<ExternalWorkerServiceTask> chain =
                chain(container, owner == null ? node : owner, idBase, listeners, false);
        ExternalWorkerServiceTask last = chain.get(chain.size() - 1);
        for (SequenceFlow outgoing : new ArrayList<>(node.getOutgoingFlows())) {
            outgoing.setSourceRef(last.getId());
            outgoing.setSourceFlowElement(last);
            last.getOutgoingFlows().add(outgoing);
        }
        node.getOutgoingFlows().clear();
        if (node instanceof Activity activity && activity.getDefaultFlow() != null) {
            last.setDefaultFlow(activity.getDefaultFlow());
            activity.setDefaultFlow(null);
        }
        connect(container, node, chain.get(0));
    }

    private static List<ExternalWorkerServiceTask> chain(
            FlowElementsContainer container, FlowNode owner, String idBase, List<Listener> listeners, boolean start) {
        List<ExternalWorkerServiceTask> chain = new ArrayList<>();
        for (int i = 0; i < listeners.size(); i++) {
            Listener listener = listeners.get(i);
            ExternalWorkerServiceTask step =
                    step(owner, idBase + "-" + listener.eventType() + "-listener-" + (i + 1), listener, start);
            container.addFlowElement(step);
            if (!chain.isEmpty()) {
                connect(container, chain.get(chain.size() - 1), step);
            }
            chain.add(step);
        }
        return chain;
    }

    /** One listener's job-worker step: the element's task headers and (for start listeners) input mappings. */
    private static ExternalWorkerServiceTask step(FlowNode owner, String id, Listener listener, boolean start) {
        ExternalWorkerServiceTask step = new ExternalWorkerServiceTask();
        step.setId(id);
        step.setName(listener.eventType() + " listener " + listener.type() + " of "
                + (owner.getName() == null ? owner.getId() : owner.getName()));
        step.setType(ServiceTask.EXTERNAL_WORKER_TASK);
        step.setTopic(listener.type().strip());
        step.setXmlRowNumber(owner.getXmlRowNumber());
        step.setXmlColumnNumber(owner.getXmlColumnNumber());
        Map<String, String> definition = new LinkedHashMap<>();
        definition.put("type", listener.type().strip());
        if (listener.retries() != null) {
            definition.put("retries", listener.retries().strip());
        }
        step.addExtensionElement(ZeebeModelReader.element("taskDefinition", definition));
        Zeebe.child(owner, "taskHeaders").ifPresent(step::addExtensionElement);
        if (start) {
            Zeebe.child(owner, "ioMapping")
                    .map(io -> io.getChildElements().get("input"))
                    .filter(inputs -> !inputs.isEmpty())
                    .ifPresent(inputs -> {
                        ExtensionElement io = ZeebeModelReader.element("ioMapping", Map.of());
                        io.getChildElements().put("input", inputs);
                        step.addExtensionElement(io);
                    });
        }
        step.setOutParameters(new ArrayList<>());
        return step;
    }

    private static void connect(FlowElementsContainer container, FlowNode from, FlowNode to) {
        SequenceFlow flow = new SequenceFlow(from.getId(), to.getId());
        flow.setId(from.getId() + "-to-" + to.getId());
        flow.setSourceFlowElement(from);
        flow.setTargetFlowElement(to);
        from.getOutgoingFlows().add(flow);
        to.getIncomingFlows().add(flow);
        container.addFlowElement(flow);
    }

    private static void mark(BaseElement element, String reason) {
        ExtensionAttribute mark = new ExtensionAttribute(REFUSED);
        mark.setValue(reason);
        element.addAttribute(mark);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
