package io.trainflow.workflows.lint;

import static io.trainflow.workflows.lint.LintFolder.around;
import static io.trainflow.workflows.lint.LintFolder.process;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user task's linked form must be deployed with it and be a form Trainflow can check completions with. */
class FormLintTest {

    private static final String APPROVAL_FORM = """
            {"id": "approval", "type": "default", "components": [
              {"key": "decision", "type": "radio", "label": "Decision", "validate": {"required": true},
               "values": [{"label": "Approve", "value": "approve"}, {"label": "Reject", "value": "reject"}]}]}
            """;

    @TempDir
    Path dir;

    private static String userTask(String formDefinition) {
        return process(around("""
                <bpmn:userTask id="x" name="Approve">
                  <bpmn:extensionElements>
                    <zeebe:userTask />
                    %s
                    <zeebe:assignmentDefinition assignee="=approver" />
                  </bpmn:extensionElements>
                </bpmn:userTask>
                """.formatted(formDefinition)));
    }

    @Test
    void aLinkedFormDeployedBesideLintsClean() {
        LintFolder folder = new LintFolder(dir)
                .write("approval.form", APPROVAL_FORM)
                .write("request.bpmn", userTask("<zeebe:formDefinition formId=\"approval\" />"));

        assertThat(folder.lint()).isEmpty();
        assertThat(folder.lint("request.bpmn")).isEmpty();
    }

    @Test
    void aFormIdWithNoFormFileIsNamedWithTheFormsThereAre() {
        LintFolder folder = new LintFolder(dir)
                .write("approval.form", APPROVAL_FORM)
                .write("request.bpmn", userTask("<zeebe:formDefinition formId=\"aproval\" />"));

        assertThat(folder.lint())
                .containsExactly(folder.problem(
                        "request.bpmn",
                        "x",
                        "form 'aproval' is not in any .form file deployed with it (forms: approval)"));
    }

    @Test
    void anEmbeddedFormKeyNamingNoEmbeddedFormIsRefused() {
        LintFolder folder = new LintFolder(dir)
                .write("request.bpmn", userTask("<zeebe:formDefinition formKey=\"camunda-forms:bpmn:form1\" />"));

        assertThat(folder.lint())
                .containsExactly(folder.problem(
                        "request.bpmn",
                        "x",
                        "form key 'camunda-forms:bpmn:form1' names no zeebe:userTaskForm of the process"));
    }

    @Test
    void anExternalFormIsANote() {
        LintFolder folder = new LintFolder(dir)
                .write(
                        "request.bpmn",
                        userTask("<zeebe:formDefinition externalReference=\"https://forms.example/approve\" />"));

        assertThat(folder.lint()).singleElement().satisfies(p -> {
            assertThat(p.refuses()).isFalse();
            assertThat(p.message())
                    .isEqualTo("the form is external to Trainflow: the inbox shows no form"
                            + " and completions are not checked against one");
        });
    }

    @Test
    void aBrokenFormFileIsNamedWithWhatIsWrong() {
        LintFolder folder = new LintFolder(dir)
                .write("no-id.form", "{\"type\": \"default\", \"components\": []}")
                .write("not-json.form", "{\"id\": \"x\", ")
                .write("no-key.form", "{\"id\": \"y\", \"components\": [{\"type\": \"number\", \"label\": \"Score\"}]}")
                .write("bad-hide.form", """
                        {"id": "z", "components": [{"key": "days", "type": "number", "conditional": {"hide": "=action = "}}]}
                        """);

        assertThat(folder.lint())
                .extracting(LintProblem::toString)
                .satisfiesExactlyInAnyOrder(
                        p -> assertThat(p)
                                .startsWith(folder.file("bad-hide.form")
                                        + ": field 'days': conditional.hide is not valid FEEL"),
                        p -> assertThat(p)
                                .isEqualTo(folder.file("no-id.form")
                                        + ": the form has no \"id\" (the formId user tasks link to)"),
                        p -> assertThat(p)
                                .isEqualTo(folder.file("no-key.form")
                                        + ": form 'y': a number field has no \"key\" (the variable it sets)"),
                        p -> assertThat(p).startsWith(folder.file("not-json.form") + ": not readable as JSON"));
    }

    @Test
    void twoFormsWithOneIdAreAProblem() {
        LintFolder folder = new LintFolder(dir).write("a.form", APPROVAL_FORM).write("b.form", APPROVAL_FORM);

        assertThat(folder.lint())
                .containsExactly(folder.problem("b.form", null, "another .form file already has the id 'approval'"));
    }
}
