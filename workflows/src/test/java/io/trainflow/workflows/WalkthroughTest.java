package io.trainflow.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.connectors.sample.SampleLms;
import io.trainflow.workflows.api.BusinessError;
import io.trainflow.workflows.api.StepHandler;
import io.trainflow.workflows.api.TaskType;
import java.lang.reflect.ParameterizedType;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Alice's request from intake to programme report, passing variables between steps as maps the
 * way an engine does (Jackson conversion both ways), so the records of one step fit the next.
 */
class WalkthroughTest {

    final Sample sample = new Sample();
    final Map<String, StepHandler<?, ?>> byType = new HashMap<>();
    final Map<String, Object> vars = new HashMap<>();

    WalkthroughTest() {
        StepHandlers.all(sample.ports)
                .forEach(h ->
                        byType.put(h.getClass().getAnnotation(TaskType.class).value(), h));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    void run(String type, Map<String, Object> localInputs) throws BusinessError {
        StepHandler handler = byType.get(type);
        Class<?> in = (Class<?>)
                ((ParameterizedType) handler.getClass().getGenericInterfaces()[0]).getActualTypeArguments()[0];
        Map<String, Object> visible = new HashMap<>(vars);
        visible.putAll(localInputs);
        vars.putAll(Sample.variables(handler.handle(Sample.input(visible, in))));
    }

    void run(String type) throws BusinessError {
        run(type, Map.of());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aliceFromRequestToReport() throws BusinessError {
        vars.putAll(Map.of(
                "requestId",
                "REQ-1",
                "employeeId",
                "1004",
                "requestedBy",
                "alice.martin",
                "origin",
                "employee-request",
                "programmeId",
                "P-1",
                "requestedCourseIds",
                List.of()));

        run("hcm-load-profile");
        run("analyse-needs");
        assertThat(vars.get("gapCount")).isEqualTo(2);
        run("rank-learning-path");
        assertThat(vars.get("pathCost")).isEqualTo(750.0);
        run("match-sessions");
        run("check-budget");
        assertThat(vars.get("overBudget")).isEqualTo(false);
        run("resolve-approver", Map.of("level", "manager", "department", "engineering", "escalate", false));
        assertThat(vars.get("approver")).isEqualTo("sophie.laurent");
        run("lms-enrol");
        run("lms-create-calendar-events");
        run(
                "send-notification",
                Map.of(
                        "recipient",
                        "alice.martin",
                        "template",
                        "enrolled",
                        "data",
                        Map.of("courses", vars.get("learningPath"), "trainingDeadline", vars.get("trainingDeadline"))));
        assertThat(sample.org.sampleLms().messagesTo("alice.martin"))
                .extracting(SampleLms.SentMessage::text)
                .singleElement()
                .asString()
                .contains("Python for Automation");

        sample.clock.advance(Duration.ofDays(10));
        sample.org.advanceProgress("alice.martin");
        sample.org.advanceProgress("alice.martin");
        run("lms-check-progress");
        assertThat((Map<String, Object>) vars.get("progress")).containsEntry("allCompleted", true);

        run("lms-collect-feedback");
        run("lms-collect-grades");
        run("hcm-record-training");
        sample.org.setReviewRating("1004", 78);
        run("hcm-load-review");
        run("record-outcome", Map.of("status", "completed", "followUps", List.of(Map.of("behaviourScore", 4))));
        run("build-programme-report");
        run("ai-summarise-feedback");

        Map<String, Object> report = (Map<String, Object>) vars.get("report");
        assertThat(report)
                .containsEntry("cohortSize", 1)
                .containsEntry("completed", 1)
                .containsEntry("averageReviewDelta", 6.0);
        assertThat((List<String>) report.get("comments")).hasSize(2);
        assertThat((Map<String, Object>) vars.get("feedbackSummary")).containsKey("engine");
    }
}
