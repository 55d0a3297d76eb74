package io.trainflow.bench.baseline;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Rewrites a Camunda 8 (Zeebe) process file into the Flowable-native file a Flowable modeller
 * would have drawn for the same process: every step a synchronous service task calling the
 * no-op delegate {@code ${noopStep}} (the business rule task too), FEEL conditions and timer
 * dates as JUEL, assignments as {@code flowable:assignee}/{@code candidateGroups}, call
 * activities with {@code calledElement}, the parent's variables inherited unless the file says
 * {@code propagateAllParentVariables="false"} (as in Zeebe) and the variables the file's output
 * mappings name copied back (without any, those the parent's gateways read), the multi-instance
 * collection as {@code flowable:collection}, a parallel multi-instance call activity
 * asynchronous and not exclusive (one job per child, as Trainflow runs it). Every {@code zeebe:}
 * element is removed.
 */
final class NativeBpmn {

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String ZEEBE = "http://camunda.org/schema/zeebe/1.0";
    static final String FLOWABLE = "http://flowable.org/bpmn";

    /**
     * {@code --baseline-async-steps}: every step {@code flowable:async="true"}, Flowable's own way of
     * running a step in a job of its own, as Trainflow runs every step (outside the transaction
     * that reached it); off, steps run inside the transaction that reaches them.
     */
    static boolean asyncSteps = Boolean.getBoolean("bench.baselineAsyncSteps");

    /** Element id to task type, and element id to constant outputs, for {@link NoOpSteps}. */
    final Map<String, String> types = new LinkedHashMap<>();

    final Map<String, Map<String, Object>> constants = new LinkedHashMap<>();

    byte[] convert(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(file.toFile());
        doc.getDocumentElement().setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:flowable", FLOWABLE);
        for (Element process : bpmn(doc.getDocumentElement(), "process")) {
            Set<String> gatewayReads = new LinkedHashSet<>();
            for (Element condition : bpmn(process, "conditionExpression")) {
                gatewayReads.addAll(FeelToJuel.variablesOf(condition.getTextContent()));
                condition.setTextContent(FeelToJuel.condition(condition.getTextContent()));
            }
            for (Element step : bpmn(process, "serviceTask")) {
                zeebe(step, "taskDefinition").ifPresent(def -> step(step, def.getAttribute("type")));
            }
            for (Element rule : bpmn(process, "businessRuleTask")) {
                String decision = zeebe(rule, "calledDecision")
                        .map(d -> d.getAttribute("decisionId"))
                        .orElseThrow();
                Element step = (Element) doc.renameNode(rule, BPMN, rule.getPrefix() + ":serviceTask");
                step(step, "decision:" + decision);
            }
            bpmn(process, "userTask").forEach(NativeBpmn::assignment);
            bpmn(process, "callActivity").forEach(call -> call(call, gatewayReads));
            for (Element loop : bpmn(process, "multiInstanceLoopCharacteristics")) {
                zeebe(loop, "loopCharacteristics").ifPresent(z -> {
                    loop.setAttributeNS(
                            FLOWABLE, "flowable:collection", FeelToJuel.reference(z.getAttribute("inputCollection")));
                    loop.setAttributeNS(FLOWABLE, "flowable:elementVariable", z.getAttribute("inputElement"));
                });
            }
            for (Element date : bpmn(process, "timeDate")) {
                date.setTextContent(FeelToJuel.reference(date.getTextContent()));
            }
        }
        removeZeebe(doc.getDocumentElement());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        transformer.transform(new DOMSource(doc), new StreamResult(out));
        return out.toByteArray();
    }

    private void step(Element task, String type) {
        String id = task.getAttribute("id");
        String previous = types.put(id, type);
        if (previous != null && !previous.equals(type)) {
            throw new IllegalStateException("element id " + id + " is two different steps");
        }
        task.setAttributeNS(FLOWABLE, "flowable:delegateExpression", "${noopStep}");
        if (asyncSteps) {
            task.setAttributeNS(FLOWABLE, "flowable:async", "true");
        }
        Map<String, Object> fixed = new LinkedHashMap<>();
        for (Element output : zeebeMappings(task, "output")) {
            String body = FeelToJuel.body(output.getAttribute("source"));
            if (body.startsWith("\"") && body.endsWith("\"")) {
                fixed.put(output.getAttribute("target"), body.substring(1, body.length() - 1));
            }
        }
        constants.put(id, fixed);
    }

    private static void assignment(Element task) {
        zeebe(task, "assignmentDefinition").ifPresent(a -> {
            if (!a.getAttribute("assignee").isEmpty()) {
                task.setAttributeNS(FLOWABLE, "flowable:assignee", expressionOrText(a.getAttribute("assignee")));
            }
            if (!a.getAttribute("candidateGroups").isEmpty()) {
                task.setAttributeNS(
                        FLOWABLE, "flowable:candidateGroups", expressionOrText(a.getAttribute("candidateGroups")));
            }
        });
    }

    private static String expressionOrText(String value) {
        return value.strip().startsWith("=") ? FeelToJuel.reference(value) : value;
    }

    private static void call(Element call, Set<String> gatewayReads) {
        Element called = zeebe(call, "calledElement").orElseThrow();
        call.setAttribute("calledElement", called.getAttribute("processId"));
        call.setAttributeNS(
                FLOWABLE,
                "flowable:inheritVariables",
                String.valueOf(!"false".equals(called.getAttribute("propagateAllParentVariables"))));
        if (child(call, BPMN, "multiInstanceLoopCharacteristics")
                .filter(l -> !"true".equals(l.getAttribute("isSequential")))
                .isPresent()) {
            // what a Flowable modeller does for a large parallel multi-instance: each child in its own job
            call.setAttributeNS(FLOWABLE, "flowable:async", "true");
            call.setAttributeNS(FLOWABLE, "flowable:exclusive", "false");
        }
        Element extensions = child(call, BPMN, "extensionElements").orElseThrow();
        for (Element input : zeebeMappings(call, "input")) {
            extensions.appendChild(flowableMapping("flowable:in", input));
        }
        // the variables the file maps back (Zeebe then propagates nothing else)
        List<Element> outputs = zeebeMappings(call, "output");
        for (Element output : outputs) {
            extensions.appendChild(flowableMapping("flowable:out", output));
        }
        if (outputs.isEmpty() && !"false".equals(called.getAttribute("propagateAllChildVariables"))) {
            for (String name : gatewayReads) {
                Element out = call.getOwnerDocument().createElementNS(FLOWABLE, "flowable:out");
                out.setAttribute("source", name);
                out.setAttribute("target", name);
                extensions.appendChild(out);
            }
        }
    }

    private static Element flowableMapping(String name, Element zeebeMapping) {
        Element mapping = zeebeMapping.getOwnerDocument().createElementNS(FLOWABLE, name);
        String source = FeelToJuel.body(zeebeMapping.getAttribute("source"));
        if (source.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            mapping.setAttribute("source", source); // a variable copied by name, as a Flowable modeller writes it
        } else {
            mapping.setAttribute("sourceExpression", FeelToJuel.value(zeebeMapping.getAttribute("source")));
        }
        mapping.setAttribute("target", zeebeMapping.getAttribute("target"));
        return mapping;
    }

    private static List<Element> zeebeMappings(Element element, String kind) {
        List<Element> found = new ArrayList<>();
        zeebe(element, "ioMapping").ifPresent(io -> found.addAll(children(io, ZEEBE, kind)));
        return found;
    }

    private static java.util.Optional<Element> zeebe(Element element, String name) {
        return child(element, BPMN, "extensionElements").flatMap(ext -> child(ext, ZEEBE, name));
    }

    private static java.util.Optional<Element> child(Element parent, String ns, String name) {
        return children(parent, ns, name).stream().findFirst();
    }

    private static List<Element> children(Element parent, String ns, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    private static List<Element> bpmn(Element root, String name) {
        NodeList list = root.getElementsByTagNameNS(BPMN, name);
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            found.add((Element) list.item(i));
        }
        return found;
    }

    private static void removeZeebe(Element element) {
        for (Node n = element.getFirstChild(); n != null; ) {
            Node next = n.getNextSibling();
            if (n instanceof Element e) {
                if (ZEEBE.equals(e.getNamespaceURI())) {
                    element.removeChild(e);
                } else {
                    removeZeebe(e);
                }
            }
            n = next;
        }
    }

    static List<Path> processFiles(Path bpmn) throws Exception {
        try (var files = Files.list(bpmn)) {
            return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
        }
    }
}
