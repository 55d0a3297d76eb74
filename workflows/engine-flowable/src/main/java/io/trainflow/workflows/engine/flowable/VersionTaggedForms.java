package io.trainflow.workflows.engine.flowable;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.flowable.bpmn.model.BaseElement;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.delegate.TaskListener;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.engine.repository.Deployment;
import org.flowable.task.service.delegate.DelegateTask;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Forms bound by version tag ({@code zeebe:formDefinition formId bindingType="versionTag" versionTag}): as Camunda
 * 8 binds them, the latest deployed form with that id whose {@code versionTag} property (in the .form JSON) is the
 * tag, whichever deployment brought it. Checked when the task is created, so a missing form stops the step before
 * it with the element, the form and the tag named (an incident), rather than a task nobody can complete.
 */
final class VersionTaggedForms {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Checks, at creation, that a task's version-tagged form exists. */
    static final TaskListener CHECK = VersionTaggedForms::check;

    private VersionTaggedForms() {}

    /** The version tag the element binds its form by, if it binds it that way. */
    static Optional<String> tagOf(BaseElement element) {
        return Zeebe.attribute(element, "formDefinition", "bindingType")
                .filter(binding -> binding.strip().equals("versionTag"))
                .flatMap(binding -> Zeebe.attribute(element, "formDefinition", "versionTag"))
                .map(String::strip);
    }

    /** The newest deployment holding form {@code formId} tagged {@code tag}, with the form's resource name. */
    static Optional<Found> find(RepositoryService repository, String formId, String tag) {
        for (Deployment deployment : repository
                .createDeploymentQuery()
                .orderByDeploymentTime()
                .desc()
                .list()) {
            for (String name : repository.getDeploymentResourceNames(deployment.getId())) {
                if (name.endsWith(".form") && matches(repository, deployment.getId(), name, formId, tag)) {
                    return Optional.of(new Found(deployment.getId(), name));
                }
            }
        }
        return Optional.empty();
    }

    record Found(String deploymentId, String resource) {}

    static String missing(String elementId, String formId, String tag) {
        return "User task '" + elementId + "' binds form '" + formId + "' by versionTag '" + tag
                + "', and no deployed form '" + formId + "' has that versionTag";
    }

    private static boolean matches(
            RepositoryService repository, String deploymentId, String name, String id, String tag) {
        try (InputStream in = repository.getResourceAsStream(deploymentId, name)) {
            JsonNode form = JSON.readTree(in.readAllBytes());
            return id.equals(form.path("id").asString(null))
                    && tag.equals(form.path("versionTag").asString(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException unreadable) {
            return false; // lint names a .form that does not read
        }
    }

    private static void check(DelegateTask task) {
        FlowElement element = Zeebe.elementOf(task);
        Optional<String> tag = element == null ? Optional.empty() : tagOf(element);
        Optional<String> formId = element == null ? Optional.empty() : TaskForms.formIdOf(element);
        if (tag.isEmpty() || formId.isEmpty()) {
            return;
        }
        RepositoryService repository =
                CommandContextUtil.getProcessEngineConfiguration().getRepositoryService();
        if (find(repository, formId.get(), tag.get()).isEmpty()) {
            throw new FlowableException(missing(element.getId(), formId.get(), tag.get()));
        }
    }
}
