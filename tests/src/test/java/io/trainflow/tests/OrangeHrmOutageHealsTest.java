package io.trainflow.tests;

import static io.trainflow.tests.orangehrm.SmallOrangeHrm.COURSE;
import static io.trainflow.tests.orangehrm.SmallOrangeHrm.LEARNER;
import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.tests.orangehrm.OrangeHrmBackedLifecycle;
import io.trainflow.tests.orangehrm.SmallOrangeHrm;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: OrangeHRM stopped during write-back needed an admin's retry. Now OrangeHRM down for five minutes in the
 * middle of the lifecycle (every call 503, Retry-After: 30), on the engine's controlled clock, is retried without
 * an incident while it is down and heals after: the training record and the skill are written exactly once and the
 * lifecycle ends as before. OrangeHRM's answers are the recorded 5.7 ones ({@link SmallOrangeHrm}).
 */
class OrangeHrmOutageHealsTest {

    private final OrangeHrmBackedLifecycle withOrangeHrm = new OrangeHrmBackedLifecycle();
    private final SmallOrangeHrm orangeHrm = withOrangeHrm.orangeHrm;
    private final SampleLifecycle life = withOrangeHrm.life;

    @AfterEach
    void stop() {
        withOrangeHrm.close();
    }

    @Test
    void aFiveMinuteOutageDuringWriteBackHealsWithEachWriteOnce() {
        String request =
                life.request("alice.martin", LEARNER, "I want to automate our reports with Python", List.of(COURSE));
        life.approve("sophie.laurent", request);

        // OrangeHRM goes down; Alice completes her course, and the evaluation's write-back meets the outage
        orangeHrm.down();
        Instant outageStart = life.clock().instant();
        for (int i = 0; i < 5 && !"completed".equals(life.variables(request).get("trainingStatus")); i++) {
            life.learnerCompletesNextCourse("alice.martin");
        }
        assertThat(life.variables(request)).containsEntry("trainingStatus", "completed");
        while (life.clock().instant().isBefore(outageStart.plus(Duration.ofMinutes(5)))) {
            life.advance(Duration.ofSeconds(15));
            assertThat(life.engine().incidents().list())
                    .as("no incident during the outage")
                    .isEmpty();
        }
        assertThat(orangeHrm.refused())
                .as("the write-back kept trying through the outage")
                .isGreaterThan(3 * 3);
        assertThat(orangeHrm.answered("POST", "/pim/employees/" + LEARNER + "/licenses"))
                .as("nothing written yet")
                .isZero();

        orangeHrm.up();
        life.advance(Duration.ofMinutes(2));
        assertThat(life.engine().incidents().list()).isEmpty();
        life.followUps(
                "sophie.laurent", request, Map.of("behaviourScore", 4, "observation", "automates the weekly report"));

        assertThat(life.endedAt(request)).isEqualTo("completed");
        assertThat(life.engine().incidents().list()).isEmpty();
        assertThat(orangeHrm.answered("POST", "/admin/licenses"))
                .as("licence type created once")
                .isEqualTo(1);
        assertThat(orangeHrm.answered("POST", "/pim/employees/" + LEARNER + "/licenses"))
                .as("licence added once")
                .isEqualTo(1);
        assertThat(orangeHrm.answered("PUT", "/pim/employees/" + LEARNER + "/skills/2"))
                .as("skill raised once")
                .isEqualTo(1);
        assertThat(orangeHrm.answered("POST", "/pim/employees/" + LEARNER + "/skills"))
                .as("no skill added")
                .isZero();
    }
}
