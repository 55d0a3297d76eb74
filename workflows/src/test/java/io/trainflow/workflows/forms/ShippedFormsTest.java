package io.trainflow.workflows.forms;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.workflows.feel.Feel;
import io.trainflow.workflows.templates.UserTaskTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The forms in {@code bpmn/} refuse what would send a process down the wrong path, and accept what people submit. */
class ShippedFormsTest {

    private static final Feel FEEL = new Feel();

    private static Map<String, String> problems(String form, Object... keyValues) throws IOException {
        Path file = Path.of("../bpmn", form + ".form");
        Map<String, Object> submitted = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            submitted.put((String) keyValues[i], keyValues[i + 1]);
        }
        return TaskForm.parse(file.toString(), Files.readAllBytes(file)).problems(submitted, FEEL);
    }

    @Test
    void theModelerPaletteNamesTheFieldsOfEachLinkedForm() throws IOException {
        for (UserTaskTemplate template : UserTaskTemplate.all()) {
            if (template.formId() == null) {
                continue;
            }
            Path file = Path.of("../bpmn", template.formId() + ".form");
            TaskForm form = TaskForm.parse(file.toString(), Files.readAllBytes(file));
            assertThat(form.id()).isEqualTo(template.formId());
            assertThat(template.fields())
                    .as(template.id())
                    .extracting(UserTaskTemplate.Field::name)
                    .containsExactlyInAnyOrderElementsOf(
                            form.fields().stream().map(FormField::key).toList());
        }
    }

    @Test
    void aMistypedDecisionIsRefusedNotTakenForAReject() throws IOException {
        assertThat(problems("approval", "decision", "aprove"))
                .containsExactly(Map.entry("decision", "must be one of approve, changes, reject, got 'aprove'"));
        assertThat(problems("approval", "decision", "Approve")).containsKey("decision");
        assertThat(problems("approval", "comment", "fine"))
                .containsExactly(Map.entry("decision", "is required (Decision)"));
        assertThat(problems("approval", "decision", "approve", "comment", "fine by me"))
                .isEmpty();
        assertThat(problems("approval", "decision", "reject")).isEmpty();
    }

    @Test
    void aFieldTheFormDoesNotHaveIsNamedWithTheFieldsItHas() throws IOException {
        assertThat(problems("approval", "decision", "approve", "coment", "fine"))
                .containsExactly(
                        Map.entry("coment", "is not a field of form 'approval' (its fields: decision, comment)"));
    }

    @Test
    void aFollowUpScoreIsAWholeNumberFromOneToFive() throws IOException {
        assertThat(problems("follow-up", "behaviourScore", 4, "observation", "uses it weekly"))
                .isEmpty();
        assertThat(problems("follow-up", "behaviourScore", 7))
                .containsExactly(Map.entry("behaviourScore", "must be at most 5, got 7 (a number)"));
        assertThat(problems("follow-up", "behaviourScore", 0))
                .containsExactly(Map.entry("behaviourScore", "must be at least 1, got 0 (a number)"));
        assertThat(problems("follow-up", "behaviourScore", 3.5))
                .containsExactly(Map.entry("behaviourScore", "must be a whole number, got 3.5 (a number)"));
        assertThat(problems("follow-up", "behaviourScore", "4"))
                .containsExactly(Map.entry("behaviourScore", "must be a number, got '4'"));
        assertThat(problems("follow-up", "observation", "x")).containsOnlyKeys("behaviourScore");
    }

    @Test
    void extensionDaysCountOnlyWhenTheDeadlineIsExtended() throws IOException {
        assertThat(problems("missed-deadline", "deadlineAction", "extend", "extensionDays", 10))
                .isEmpty();
        assertThat(problems("missed-deadline", "deadlineAction", "extend")).isEmpty();
        assertThat(problems("missed-deadline", "deadlineAction", "extend", "extensionDays", 0))
                .containsExactly(Map.entry("extensionDays", "must be at least 1, got 0 (a number)"));
        assertThat(problems("missed-deadline", "deadlineAction", "close", "extensionDays", 0))
                .isEmpty();
        assertThat(problems("missed-deadline", "deadlineAction", "extnd")).containsOnlyKeys("deadlineAction");
    }

    @Test
    void signingOffNeedsTheRetrospectiveAsSigned() throws IOException {
        assertThat(problems("sign-off-report", "signedOff", true)).containsOnlyKeys("retrospective");
        assertThat(problems("sign-off-report", "signedOff", true, "retrospective", "   too short"))
                .containsExactly(Map.entry("retrospective", "must have at least 20 characters, got 12"));
        assertThat(problems(
                        "sign-off-report",
                        "signedOff",
                        true,
                        "retrospective",
                        "Good start: revisit the budget rules next year."))
                .isEmpty();
        assertThat(problems("sign-off-report", "signedOff", false, "signOffComment", "figures for team B are missing"))
                .isEmpty();
        assertThat(problems("sign-off-report", "signedOff", "yes")).containsKey("signedOff");
    }

    @Test
    void aRevisedRequestIsAJustificationAndCourseIdsOrAWithdrawal() throws IOException {
        assertThat(problems(
                        "revise-request", "justification", "Secure coding first", "requestedCourseIds", List.of("105")))
                .isEmpty();
        assertThat(problems("revise-request", "withdraw", true)).isEmpty();
        assertThat(problems("revise-request", "requestedCourseIds", "105"))
                .containsExactly(Map.entry("requestedCourseIds", "must be a list, got '105'"));
    }

    @Test
    void aQuizReviewIsAVerdictPerQuestionAndAnEditKeepsToTheQuestionsOwnFields() throws IOException {
        Map<String, Object> edited =
                Map.of("type", "TRUE_FALSE", "stem", "Secrets belong in the repository", "answer", false);
        assertThat(problems(
                        "quiz-review",
                        "reviews",
                        List.of(
                                Map.of("questionId", "q1", "verdict", "approve"),
                                Map.of("questionId", "q2", "verdict", "edit", "edited", edited))))
                .isEmpty();
        assertThat(problems("quiz-review", "reviews", List.of(Map.of("questionId", "q1", "verdict", "maybe"))))
                .containsOnlyKeys("reviews[0].verdict");
        Map<String, Object> injected = new HashMap<>(edited);
        injected.put("id", "q9");
        assertThat(problems(
                        "quiz-review",
                        "reviews",
                        List.of(Map.of("questionId", "q1", "verdict", "edit", "edited", injected))))
                .containsOnlyKeys("reviews[0].edited.id");
        assertThat(problems(
                        "quiz-review",
                        "reviews",
                        List.of(Map.of("questionId", "q1", "verdict", "approve", "edited", edited))))
                .containsOnlyKeys("reviews[0].edited");
        assertThat(problems("quiz-review", "reviews", List.of(Map.of("questionId", "../../x", "verdict", "approve"))))
                .containsOnlyKeys("reviews[0].questionId");
        assertThat(problems(
                        "quiz-review",
                        "reviews",
                        List.of(Map.of("questionId", "q1", "verdict", "approve")),
                        "quizDraft",
                        Map.of(),
                        "requestedBy",
                        "hugo.roux"))
                .containsOnlyKeys("quizDraft", "requestedBy");
        assertThat(problems("quiz-review", "reviews", "approve all")).containsOnlyKeys("reviews");
        assertThat(problems("quiz-review")).containsOnlyKeys("reviews");
    }

    @Test
    void everyUserTaskOfTheShippedProcessesHasAForm() throws IOException {
        try (var files = Files.list(Path.of("../bpmn"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                String xml = Files.readString(file);
                java.util.regex.Matcher tasks = java.util.regex.Pattern.compile(
                                "<bpmn:userTask id=\"([^\"]+)\"[^>]*>(.*?)</bpmn:userTask>",
                                java.util.regex.Pattern.DOTALL)
                        .matcher(xml);
                while (tasks.find()) {
                    assertThat(tasks.group(2))
                            .as(file.getFileName() + " " + tasks.group(1))
                            .contains("zeebe:formDefinition formId=");
                }
            }
        }
    }
}
