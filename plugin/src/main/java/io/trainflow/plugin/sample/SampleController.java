package io.trainflow.plugin.sample;

import io.trainflow.connectors.sample.SampleOrganisation;
import io.trainflow.plugin.connect.Connections;
import io.trainflow.plugin.api.SampleApi;
import io.trainflow.plugin.api.model.ClockAdvance;
import io.trainflow.plugin.api.model.ClockState;
import io.trainflow.plugin.api.model.Progress;
import io.trainflow.plugin.api.model.Supervisor;
import io.trainflow.plugin.sync.ProgressSync;
import io.trainflow.plugin.sync.SupervisorSync;
import io.trainflow.workflows.engine.flowable.EngineClock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** Lets a newcomer play the LMS and the HCM of the sample organisation. */
@RestController
public class SampleController implements SampleApi {

    private final SampleOrganisation org;
    private final ProgressSync progress;
    private final SupervisorSync supervisors;
    private final EngineClock clock;
    private final boolean sampleHcm;

    public SampleController(SampleOrganisation org, ProgressSync progress, SupervisorSync supervisors, EngineClock clock,
                            Connections connections) {
        this.org = org;
        this.sampleHcm = connections.hcm() == org.hcm();
        this.progress = progress;
        this.supervisors = supervisors;
        this.clock = clock;
    }

    /** Lets a walkthrough reach the 30/60/90-day follow-ups in minutes; timers due by then fire. */
    @Override
    public ResponseEntity<ClockState> advanceClock(ClockAdvance body) {
        if (body.getDays() == null || body.getDays() < 1 || body.getDays() > 366) {
            throw new IllegalArgumentException("days: between 1 and 366");
        }
        clock.advance(Duration.ofDays(body.getDays()));
        return ResponseEntity.ok(new ClockState(clock.instant().atOffset(ZoneOffset.UTC)));
    }

    @Override
    public ResponseEntity<Progress> advanceProgress(String username) {
        if (org.hcm().employeeByUsername(username).isEmpty()) {
            throw new FlowableObjectNotFoundException("No learner " + username + " in the sample organisation");
        }
        String course = org.advanceProgress(username).orElse(null);
        int completed = progress.syncOnce();
        return ResponseEntity.ok(new Progress(username).completedCourseId(course).requestsCompleted(completed));
    }

    @Override
    public ResponseEntity<Void> changeSupervisor(String employeeId, Supervisor body) {
        if (!sampleHcm) {
            throw new IllegalArgumentException("the sample HCM is not in use (trainflow.hcm.type): change the supervisor"
                    + " in the HCM; the HCM sync (trainflow.hcm-sync) re-routes open approvals");
        }
        if (org.hcm().employee(employeeId).isEmpty()) {
            throw new FlowableObjectNotFoundException("No employee " + employeeId + " in the sample organisation");
        }
        org.changeSupervisor(employeeId, body.getManagerUsername());
        supervisors.changed(employeeId);
        return ResponseEntity.noContent().build();
    }
}
