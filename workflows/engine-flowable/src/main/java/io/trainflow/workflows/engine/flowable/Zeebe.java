package io.trainflow.workflows.engine.flowable;

import io.trainflow.workflows.feel.Feel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flowable.bpmn.model.BaseElement;
import org.flowable.bpmn.model.ExtensionElement;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.common.engine.api.variable.VariableContainer;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.engine.impl.util.ProcessDefinitionUtil;
import org.flowable.task.service.delegate.DelegateTask;

/** Reads the Camunda 8 (Zeebe) extension elements Flowable keeps on its model as-is. */
public final class Zeebe {

    public static final String NAMESPACE = "http://camunda.org/schema/zeebe/1.0";

    private Zeebe() {}

    /** The first {@code zeebe:<name>} extension element of the element. */
    public static Optional<ExtensionElement> child(BaseElement element, String name) {
        if (element == null) {
            return Optional.empty();
        }
        List<ExtensionElement> found = element.getExtensionElements().get(name);
        if (found == null) {
            return Optional.empty();
        }
        return found.stream().filter(Zeebe::isZeebe).findFirst();
    }

    public static Optional<String> attribute(BaseElement element, String child, String attribute) {
        return child(element, child)
                .map(e -> e.getAttributeValue(null, attribute))
                .filter(v -> !v.isBlank());
    }

    /** {@code zeebe:input} or {@code zeebe:output} mappings inside {@code zeebe:ioMapping}. */
    public static List<Mapping> mappings(BaseElement element, String kind) {
        List<Mapping> mappings = new ArrayList<>();
        child(element, "ioMapping").ifPresent(io -> {
            List<ExtensionElement> entries = io.getChildElements().get(kind);
            if (entries != null) {
                for (ExtensionElement entry : entries) {
                    mappings.add(new Mapping(
                            entry.getAttributeValue(null, "source"), entry.getAttributeValue(null, "target")));
                }
            }
        });
        return mappings;
    }

    /** The value of a {@code zeebe:header} inside {@code zeebe:taskHeaders}. */
    public static Optional<String> header(BaseElement element, String key) {
        return child(element, "taskHeaders").flatMap(headers -> {
            List<ExtensionElement> entries = headers.getChildElements().get("header");
            return entries == null
                    ? Optional.empty()
                    : entries.stream()
                            .filter(h -> key.equals(h.getAttributeValue(null, "key")))
                            .map(h -> h.getAttributeValue(null, "value"))
                            .findFirst();
        });
    }

    /** A Zeebe attribute's value in a scope: FEEL when it starts with '=' (Zeebe's marker), else the text itself. */
    static Object value(String text, VariableContainer scope) {
        if (!Feel.isExpression(text)) {
            return text;
        }
        return CommandContextUtil.getProcessEngineConfiguration()
                .getExpressionManager()
                .createExpression(text)
                .getValue(scope);
    }

    /** The BPMN element of a user task, from its process definition's model. */
    static FlowElement elementOf(DelegateTask task) {
        return ProcessDefinitionUtil.getBpmnModel(task.getProcessDefinitionId())
                .getFlowElement(task.getTaskDefinitionKey());
    }

    public static boolean isZeebe(ExtensionElement element) {
        return NAMESPACE.equals(element.getNamespace());
    }

    /** One {@code zeebe:input}/{@code zeebe:output}: a FEEL (or static) source and a target variable. */
    public record Mapping(String source, String target) {}
}
