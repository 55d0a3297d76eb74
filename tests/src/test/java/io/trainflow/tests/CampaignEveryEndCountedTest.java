package io.trainflow.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.connectors.hcm.HcmPort;
import io.trainflow.connectors.outcome.Outcome;
import io.trainflow.workflows.TrainflowPorts;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A campaign's report accounts for every request, however it ended: one employee leaves the
 * company between the department listing and the loading of their profile, another request is
 * withdrawn after being sent back for changes.
 */
class CampaignEveryEndCountedTest {

    /** antoine.guerin, in sales: the HCM lists him with his department but no longer finds him. */
    private static final String LEAVER = "1013";

    private final SampleLifecycle life = SampleLifecycle.startWith(p -> new TrainflowPorts(
            p.lms(),
            leaverGone(p.hcm()),
            p.ai(),
            p.catalogue(),
            p.outcomes(),
            p.delegations(),
            p.clock(),
            p.quizExports()));

    @AfterEach
    void close() {
        life.close();
    }

    @Test
    void theReportCountsWithdrawnRequestsAndUnknownEmployees() {
        String programme = life.campaign("zoe.vincent", "sales");
        String prefix = programme + "-";

        life.decide("julie.lambert", prefix + "1011", "reject", "Next year");
        life.decide("nicolas.faure", prefix + "1012", "reject", "Next year");
        life.decide("nicolas.faure", prefix + "1016", "reject", "Next year");
        life.decide("nicolas.faure", prefix + "1014", "changes", "Which course, and why now?");
        life.complete(
                "zoe.vincent",
                life.task("zoe.vincent", "revise-request", prefix + "1014"),
                Map.of("justification", "Not this quarter", "requestedCourseIds", List.of(), "withdraw", true));

        assertThat(life.ports().outcomes().ofProgramme(programme))
                .extracting(Outcome::requestId, Outcome::status)
                .contains(Tuple.tuple(prefix + LEAVER, "employee-unknown"), Tuple.tuple(prefix + "1014", "withdrawn"));
        Object report = life.variable(life.task("thomas.rousseau", "sign-off-report", programme), "report");
        assertThat(report)
                .isInstanceOfSatisfying(
                        Map.class,
                        r -> assertThat(r)
                                .containsEntry("cohortSize", 7L)
                                .containsEntry("noNeed", 2L)
                                .containsEntry("rejected", 3L)
                                .containsEntry("withdrawn", 1L)
                                .containsEntry("employeeUnknown", 1L)
                                .containsEntry("completed", 0L)
                                .containsEntry("notCompleted", 0L));
    }

    /** The HCM as it is after the employee left: still listed in the department, no longer found. */
    private static HcmPort leaverGone(HcmPort hcm) {
        return (HcmPort) Proxy.newProxyInstance(
                HcmPort.class.getClassLoader(), new Class<?>[] {HcmPort.class}, (proxy, method, args) -> {
                    if (method.getName().equals("employee") && LEAVER.equals(args[0])) {
                        return Optional.empty();
                    }
                    try {
                        return method.invoke(hcm, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
