package io.trainflow.workflows.engine.flowable;

import io.trainflow.workflows.feel.Feel;
import io.trainflow.workflows.forms.TaskForm;
import io.trainflow.workflows.forms.TaskInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.ExtensionElement;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.Process;
import org.flowable.engine.RepositoryService;
import org.flowable.task.api.TaskInfo;

/**
 * The form of a user task: the {@code .form} file deployed with its process whose id the task
 * names in {@code zeebe:formDefinition formId}. A process keeps the forms of its own deployment,
 * as it keeps its BPMN: editing a form deploys a new version, running instances keep theirs. A form bound by
 * version tag is the latest deployed one with that tag ({@link VersionTaggedForms}).
 */
public final class TaskForms {

    private final RepositoryService repository;
    private final Feel feel;
    private final Map<String, Map<String, TaskForm>> byDeployment = new ConcurrentHashMap<>();

    public TaskForms(RepositoryService repository, Feel feel) {
        this.repository = repository;
        this.feel = feel;
    }

    /** The form id a user task links to, if any. */
    public static Optional<String> formIdOf(FlowElement element) {
        return Zeebe.attribute(element, "formDefinition", "formId")
                .map(String::strip)
                .filter(id -> !id.isEmpty());
    }

    /** Prefix of a form key naming a form embedded in the process ({@code zeebe:userTaskForm}, Camunda 8.0-8.2). */
    public static final String EMBEDDED = "camunda-forms:bpmn:";

    /** The embedded form ({@code zeebe:userTaskForm} JSON in the process) a user task's form key names, if any. */
    public static Optional<String> embeddedFormOf(BpmnModel model, FlowElement element) {
        Optional<String> key = Zeebe.attribute(element, "formDefinition", "formKey")
                .map(String::strip)
                .filter(k -> k.startsWith(EMBEDDED))
                .map(k -> k.substring(EMBEDDED.length()));
        if (key.isEmpty()) {
            return Optional.empty();
        }
        for (Process process : model.getProcesses()) {
            List<ExtensionElement> forms = process.getExtensionElements().get("userTaskForm");
            if (forms != null) {
                for (ExtensionElement form : forms) {
                    if (Zeebe.isZeebe(form)
                            && key.get().equals(form.getAttributeValue(null, "id"))
                            && form.getElementText() != null) {
                        return Optional.of(form.getElementText());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The task's form; empty when its user task links none. */
    public Optional<TaskForm> of(TaskInfo task) {
        if (task.getProcessDefinitionId() == null) {
            return Optional.empty();
        }
        BpmnModel model = repository.getBpmnModel(task.getProcessDefinitionId());
        FlowElement element = model.getFlowElement(task.getTaskDefinitionKey());
        Optional<String> embedded = element == null ? Optional.empty() : embeddedFormOf(model, element);
        if (embedded.isPresent()) {
            return Optional.of(TaskForm.parse(
                    task.getTaskDefinitionKey() + " (embedded form)",
                    embedded.get().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        Optional<String> formId = element == null ? Optional.empty() : formIdOf(element);
        if (formId.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> tag = VersionTaggedForms.tagOf(element);
        if (tag.isPresent()) {
            VersionTaggedForms.Found found = VersionTaggedForms.find(repository, formId.get(), tag.get())
                    .orElseThrow(() -> new IllegalStateException(
                            VersionTaggedForms.missing(task.getTaskDefinitionKey(), formId.get(), tag.get())));
            try (InputStream in = repository.getResourceAsStream(found.deploymentId(), found.resource())) {
                return Optional.of(TaskForm.parse(found.resource(), in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String deploymentId =
                repository.getProcessDefinition(task.getProcessDefinitionId()).getDeploymentId();
        TaskForm form = byDeployment.computeIfAbsent(deploymentId, this::load).get(formId.get());
        if (form == null) {
            // lint refuses this at deploy time; a deployment made around it must still not take unchecked input
            throw new IllegalStateException("User task '" + task.getTaskDefinitionKey() + "' links form '"
                    + formId.get() + "', which was not deployed with its process");
        }
        return Optional.of(form);
    }

    /**
     * Checks a completion against the task's form; a refusal names the task and every field
     * that is wrong, and nothing is completed. A task without a form takes no values.
     */
    public void check(TaskInfo task, Map<String, Object> submitted) {
        Optional<TaskForm> form = of(task);
        if (form.isEmpty() && !submitted.isEmpty() && !hasExternalForm(task)) {
            // no form, no values: a completion never sets a variable its task does not ask for
            Map<String, String> problems = new java.util.LinkedHashMap<>();
            submitted
                    .keySet()
                    .forEach(key -> problems.put(key, "is not asked for: task '" + task.getName() + "' has no form"));
            throw new TaskInputException(task.getTaskDefinitionKey(), task.getName(), "none", problems);
        }
        if (form.isPresent()) {
            Map<String, String> problems = form.get().problems(submitted, feel);
            if (!problems.isEmpty()) {
                throw new TaskInputException(
                        task.getTaskDefinitionKey(), task.getName(), form.get().id(), problems);
            }
        }
    }

    /**
     * A form Trainflow does not hold (a custom form key, an external reference): as in Camunda 8, its completion's
     * values are taken unchecked (lint says so with a note); the application behind that form checks them.
     */
    private boolean hasExternalForm(TaskInfo task) {
        if (task.getProcessDefinitionId() == null) {
            return false;
        }
        FlowElement element =
                repository.getBpmnModel(task.getProcessDefinitionId()).getFlowElement(task.getTaskDefinitionKey());
        if (element == null) {
            return false;
        }
        Optional<String> formKey = Zeebe.attribute(element, "formDefinition", "formKey");
        return formKey.filter(k -> !k.strip().startsWith(EMBEDDED)).isPresent()
                || Zeebe.attribute(element, "formDefinition", "externalReference")
                        .isPresent();
    }

    private Map<String, TaskForm> load(String deploymentId) {
        Map<String, TaskForm> forms = new HashMap<>();
        for (String name : repository.getDeploymentResourceNames(deploymentId)) {
            if (name.endsWith(".form")) {
                try (InputStream in = repository.getResourceAsStream(deploymentId, name)) {
                    TaskForm form = TaskForm.parse(name, in.readAllBytes());
                    forms.put(form.id(), form);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return forms;
    }
}
