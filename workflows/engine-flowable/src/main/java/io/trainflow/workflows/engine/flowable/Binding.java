package io.trainflow.workflows.engine.flowable;

import java.util.Optional;
import org.flowable.bpmn.model.BaseElement;
import org.flowable.common.engine.api.FlowableException;

/**
 * Camunda 8's {@code bindingType} on {@code zeebe:calledElement} and {@code zeebe:calledDecision}: which version
 * of the target is used when the element is reached. {@code latest} (the default) is the latest deployed version;
 * {@code deployment} the one deployed together with the running version of the caller; {@code versionTag} the
 * latest deployed version annotated ({@code <zeebe:versionTag value>}) with the caller's {@code versionTag}.
 */
record Binding(Kind kind, String versionTag) {

    enum Kind {
        LATEST,
        DEPLOYMENT,
        VERSION_TAG
    }

    static final Binding LATEST = new Binding(Kind.LATEST, null);

    /** The binding of {@code zeebe:<child>} on the element. */
    static Binding of(BaseElement element, String child) {
        String type = Zeebe.attribute(element, child, "bindingType")
                .map(String::strip)
                .orElse("latest");
        return switch (type) {
            case "latest" -> LATEST;
            case "deployment" -> new Binding(Kind.DEPLOYMENT, null);
            case "versionTag" ->
                new Binding(
                        Kind.VERSION_TAG,
                        Zeebe.attribute(element, child, "versionTag")
                                .map(String::strip)
                                .orElseThrow(() -> new FlowableException(
                                        "'" + element.getId() + "': bindingType 'versionTag' needs a versionTag")));
            default ->
                throw new FlowableException("'" + element.getId() + "': bindingType '" + type
                        + "' is not one of latest, deployment, versionTag");
        };
    }

    /** The {@code <zeebe:versionTag value>} a process or decision is annotated with. */
    static Optional<String> tagOf(BaseElement target) {
        return Zeebe.attribute(target, "versionTag", "value").map(String::strip);
    }
}
