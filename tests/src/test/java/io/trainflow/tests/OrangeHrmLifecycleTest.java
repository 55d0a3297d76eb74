package io.trainflow.tests;

import static io.trainflow.tests.orangehrm.SmallOrangeHrm.COURSE;
import static io.trainflow.tests.orangehrm.SmallOrangeHrm.LEARNER;
import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.connectors.lms.Enrolment;
import io.trainflow.tests.orangehrm.OrangeHrmBackedLifecycle;
import io.trainflow.tests.orangehrm.SmallOrangeHrm;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The happy path with OrangeHRM behind the HCM port: {@code OrangeHrmHcm} over its Camel routes,
 * against WireMock serving the recorded OrangeHRM 5.7 answers adapted to a small organisation
 * ({@link SmallOrangeHrm}); the sample LMS stays the LMS here. The handlers are the real ones; the
 * test asserts what OrangeHRM received.
 */
class OrangeHrmLifecycleTest {

    private final OrangeHrmBackedLifecycle withOrangeHrm = new OrangeHrmBackedLifecycle();
    private final SmallOrangeHrm orangeHrm = withOrangeHrm.orangeHrm;
    private final SampleLifecycle life = withOrangeHrm.life;

    @AfterEach
    void stop() {
        withOrangeHrm.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void requestToEvaluationWritesTheTrainingRecordAndTheSkillBackToOrangeHrm() {
        String request =
                life.request("alice.martin", LEARNER, "I want to automate our reports with Python", List.of(COURSE));
        assertThat(life.variables(request)).containsEntry("origin", "employee-request");

        // the approver is the learner's OrangeHRM supervisor, by her OrangeHRM username
        life.approve("sophie.laurent", request);
        // her OrangeHRM sub-unit (Platform Team) sits under Engineering: the engineering budget, which covers the path
        assertThat((Map<String, Object>) life.variables(request).get("budget"))
                .containsEntry("department", "engineering")
                .containsEntry("owner", "marc.bernard");
        assertThat(life.variables(request)).containsEntry("overBudget", false);
        assertThat(life.org().lms().enrolments("alice.martin"))
                .extracting(Enrolment::courseId)
                .contains(COURSE);

        for (int i = 0; i < 5 && !"completed".equals(life.variables(request).get("trainingStatus")); i++) {
            life.learnerCompletesNextCourse("alice.martin");
        }
        assertThat(life.variables(request)).containsEntry("trainingStatus", "completed");
        life.followUps(
                "sophie.laurent", request, Map.of("behaviourScore", 4, "observation", "automates the weekly report"));
        assertThat(life.endedAt(request)).isEqualTo("completed");
        orangeHrm.verifyTrainingRecordedAndPythonRaised(request);
    }
}
