package io.trainflow.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.trainflow.workflows.api.Doc;
import io.trainflow.workflows.api.StepHandler;
import io.trainflow.workflows.api.TaskType;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The handlers keep the contract of docs/TASK-TYPES.md. */
class StepHandlersTest {

    /** Task type to handler class and allowed business errors, as the contract's table lists them. */
    static final Map<String, List<String>> CONTRACT = Map.ofEntries(
            Map.entry("hcm-load-profile", List.of("profile.LoadProfileHandler", "EMPLOYEE_NOT_FOUND")),
            Map.entry("hcm-current-manager", List.of("profile.CurrentManagerHandler")),
            Map.entry("analyse-needs", List.of("needs.AnalyseNeedsHandler")),
            Map.entry("rank-learning-path", List.of("path.RankLearningPathHandler", "NO_MATCHING_COURSE")),
            Map.entry("exclude-open-requests", List.of("intake.ExcludeOpenRequestsHandler")),
            Map.entry("match-sessions", List.of("sessions.MatchSessionsHandler", "NO_SESSION_AVAILABLE")),
            Map.entry("check-budget", List.of("budget.CheckBudgetHandler")),
            Map.entry("resolve-approver", List.of("approval.ResolveApproverHandler")),
            Map.entry("send-notification", List.of("notify.SendNotificationHandler")),
            Map.entry("lms-enrol", List.of("enrolment.EnrolHandler", "ENROLMENT_REFUSED")),
            Map.entry("lms-create-calendar-events", List.of("enrolment.CreateCalendarEventsHandler")),
            Map.entry("lms-check-progress", List.of("progress.CheckProgressHandler")),
            Map.entry("lms-extend-enrolment", List.of("progress.ExtendEnrolmentHandler")),
            Map.entry("lms-collect-feedback", List.of("evaluation.CollectFeedbackHandler")),
            Map.entry("lms-collect-grades", List.of("evaluation.CollectGradesHandler")),
            Map.entry("hcm-record-training", List.of("evaluation.RecordTrainingHandler")),
            Map.entry("hcm-load-review", List.of("evaluation.LoadReviewHandler")),
            Map.entry("record-outcome", List.of("evaluation.RecordOutcomeHandler")),
            Map.entry("hcm-list-department", List.of("programme.ListDepartmentHandler", "DEPARTMENT_NOT_FOUND")),
            Map.entry("build-programme-report", List.of("programme.BuildReportHandler")),
            Map.entry("ai-summarise-feedback", List.of("programme.SummariseFeedbackHandler")),
            Map.entry("ai-draft-quiz", List.of("quiz.DraftQuizHandler", "COURSE_NOT_IN_CATALOGUE")),
            Map.entry("export-quiz", List.of("quiz.ExportQuizHandler", "REVIEW_INCOMPLETE")));

    final List<StepHandler<?, ?>> handlers = StepHandlers.all(new Sample().ports);

    @Test
    void oneHandlerPerTaskTypeInTheContractedClass() {
        Map<String, String> actual = handlers.stream()
                .collect(Collectors.toMap(
                        h -> h.getClass().getAnnotation(TaskType.class).value(),
                        h -> h.getClass().getName()));

        assertThat(actual).hasSize(CONTRACT.size());
        CONTRACT.forEach((type, spec) ->
                assertThat(actual.get(type)).as(type).isEqualTo("io.trainflow.workflows." + spec.get(0)));
    }

    @Test
    void businessErrorsAreExactlyTheContractedCodes() {
        for (StepHandler<?, ?> h : handlers) {
            TaskType t = h.getClass().getAnnotation(TaskType.class);
            assertThat(t.errors())
                    .as(t.value())
                    .containsExactlyElementsOf(CONTRACT.get(t.value())
                            .subList(1, CONTRACT.get(t.value()).size()));
            assertThat(t.name()).isNotBlank();
            assertThat(t.description()).isNotBlank();
        }
    }

    @Test
    void everyInputAndOutputFieldIsDocumentedAndInputsTolerateExtraVariables() {
        for (StepHandler<?, ?> h : handlers) {
            ParameterizedType io = (ParameterizedType) h.getClass().getGenericInterfaces()[0];
            Class<?> in = (Class<?>) io.getActualTypeArguments()[0];
            Class<?> out = (Class<?>) io.getActualTypeArguments()[1];
            assertThat(in.isRecord() && out.isRecord())
                    .as(h.getClass().getSimpleName())
                    .isTrue();
            assertThat(in.getAnnotation(JsonIgnoreProperties.class))
                    .as(in.getName())
                    .isNotNull();
            Stream.of(in, out)
                    .flatMap(c -> Stream.of(c.getRecordComponents()))
                    .forEach(rc -> assertThat(doc(rc))
                            .as(rc.getDeclaringRecord().getName() + "." + rc.getName())
                            .isNotNull());
        }
    }

    private static Doc doc(RecordComponent rc) {
        return rc.getAnnotation(Doc.class);
    }

    @Test
    void handlersNeverTouchTheEngineOrHttp() throws IOException {
        Path root = Path.of("src/main/java/io/trainflow/workflows");
        List<String> features = List.of(
                "profile",
                "needs",
                "path",
                "sessions",
                "budget",
                "approval",
                "notify",
                "enrolment",
                "progress",
                "evaluation",
                "programme");
        for (String feature : features) {
            try (Stream<Path> files = Files.walk(root.resolve(feature))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    assertThat(Files.readString(f))
                            .as(f.toString())
                            .doesNotContain("org.flowable", "io.camunda", "java.net.http", "HttpClient");
                }
            }
        }
    }
}
