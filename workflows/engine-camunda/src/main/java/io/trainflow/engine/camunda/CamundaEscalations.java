package io.trainflow.engine.camunda;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.UserTask;
import java.io.StringReader;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Whether the cluster created a user task because the previous one of the same element ran out of time, as the
 * embedded engine tells an escalation: the element's previous instance in the process instance was terminated, and
 * an interrupting timer boundary event attached to that element (read from the deployed model) completed since it
 * started. Used for the "escalated" notice instead of the "new task" one.
 */
final class CamundaEscalations {

    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    private final CamundaClient client;
    /** Per process definition key: element id to its interrupting timer boundary events. */
    private final Map<Long, Map<String, Set<String>>> timers = new ConcurrentHashMap<>();

    CamundaEscalations(CamundaClient client) {
        this.client = client;
    }

    boolean escalated(UserTask task) {
        Set<String> onElement = timersOf(task.getProcessDefinitionKey()).getOrDefault(task.getElementId(), Set.of());
        if (onElement.isEmpty()) {
            return false;
        }
        Optional<ElementInstance> previous = instances(task.getProcessInstanceKey(), task.getElementId(), null).stream()
                .filter(e -> !e.getElementInstanceKey().equals(task.getElementInstanceKey()))
                .max(Comparator.comparing(ElementInstance::getStartDate));
        if (previous.isEmpty() || previous.get().getState() != ElementInstanceState.TERMINATED) {
            return false;
        }
        java.time.OffsetDateTime since = previous.get().getStartDate();
        return onElement.stream()
                .flatMap(timer ->
                        instances(task.getProcessInstanceKey(), timer, ElementInstanceState.COMPLETED).stream())
                .anyMatch(fired -> !fired.getStartDate().isBefore(since));
    }

    private List<ElementInstance> instances(Long processInstanceKey, String elementId, ElementInstanceState state) {
        return CamundaErrors.translated(() -> client.newElementInstanceSearchRequest()
                .filter(f -> {
                    f.processInstanceKey(processInstanceKey).elementId(elementId);
                    if (state != null) {
                        f.state(state);
                    }
                })
                .send()
                .join()
                .items());
    }

    private Map<String, Set<String>> timersOf(Long definitionKey) {
        return timers.computeIfAbsent(definitionKey, key -> {
            try {
                return parse(CamundaErrors.translated(() ->
                        client.newProcessDefinitionGetXmlRequest(key).send().join()));
            } catch (RuntimeException unreadable) {
                return Map.of(); // a model the cluster does not give: told as a new task
            }
        });
    }

    static Map<String, Set<String>> parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList events = factory.newDocumentBuilder()
                    .parse(new InputSource(new StringReader(xml)))
                    .getElementsByTagNameNS(BPMN, "boundaryEvent");
            Map<String, Set<String>> byElement = new ConcurrentHashMap<>();
            for (int i = 0; i < events.getLength(); i++) {
                Element event = (Element) events.item(i);
                boolean interrupting = !"false".equals(event.getAttribute("cancelActivity"));
                boolean timer = event.getElementsByTagNameNS(BPMN, "timerEventDefinition")
                                .getLength()
                        > 0;
                if (interrupting && timer) {
                    byElement
                            .computeIfAbsent(event.getAttribute("attachedToRef"), e -> new LinkedHashSet<>())
                            .add(event.getAttribute("id"));
                }
            }
            return byElement;
        } catch (Exception e) {
            throw new IllegalStateException("The deployed model cannot be read: " + e.getMessage(), e);
        }
    }
}
