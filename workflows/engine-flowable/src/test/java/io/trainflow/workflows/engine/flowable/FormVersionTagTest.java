package io.trainflow.workflows.engine.flowable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainflow.workflows.feel.Feel;
import io.trainflow.workflows.forms.FormField;
import io.trainflow.workflows.forms.TaskForm;
import io.trainflow.workflows.lint.LintProblem;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Forms bound by version tag (camunda8/form-version-tag): as Camunda 8 binds them, the task's form is the latest
 * deployed form with that id whose {@code versionTag} is the tag, even from another deployment than the process's;
 * none with that tag stops the step before the task with the element, form and tag named.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormVersionTagTest {

    private final Camunda8Engine c8 =
            new Camunda8Engine().deploy("form-version-tag/v1").deploy("form-version-tag/v2");

    @AfterAll
    void stop() {
        c8.close();
    }

    @Test
    void theFormWithTheTagIsUsedNotTheOneDeployedWithTheProcess() {
        var instance = c8.start("form-binding", Map.of());
        var task = c8.flowable
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .singleResult();

        TaskForm form = new TaskForms(c8.flowable.getRepositoryService(), new Feel())
                .of(task)
                .orElseThrow();

        assertThat(form.fields())
                .as("review.form tagged v1 (a comment), not the v2 deployed beside the process (a score)")
                .extracting(FormField::key)
                .containsExactly("comment");
    }

    @Test
    void noFormWithTheTagStopsTheStepWithElementFormAndTagNamed() {
        assertThatThrownBy(() -> c8.start("form-binding-missing", Map.of()))
                .hasMessageContaining("User task 'm-review' binds form 'review' by versionTag 'v9'")
                .hasMessageContaining("no deployed form 'review' has that versionTag");
    }

    @Test
    void lintAcceptsTheBindingAndSaysWhenTheFormIsChosen() throws Exception {
        assertThat(c8.engine.linter().lintPath(Camunda8Engine.folder("form-version-tag/v2")))
                .noneMatch(LintProblem::refuses)
                .anySatisfy(p -> {
                    assertThat(p.elementId()).isEqualTo("review");
                    assertThat(p.message()).contains("latest deployed one with versionTag 'v1'");
                });
    }
}
