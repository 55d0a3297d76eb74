package io.trainflow.plugin.sample;

import io.trainflow.connectors.sample.SampleOrganisation;
import io.trainflow.plugin.access.Access;
import io.trainflow.plugin.access.AccessAudit;
import io.trainflow.plugin.api.SampleApi;
import io.trainflow.plugin.api.model.ClockAdvance;
import io.trainflow.plugin.api.model.ClockState;
import io.trainflow.plugin.api.model.Progress;
import io.trainflow.plugin.api.model.Supervisor;
import io.trainflow.plugin.config.TrainflowProperties;
import io.trainflow.plugin.security.CurrentUser;
import io.trainflow.plugin.sync.ProgressSync;
import io.trainflow.plugin.sync.SupervisorSync;
import io.trainflow.workflows.engine.flowable.EngineClock;
import io.trainflow.workflows.problems.TrainflowProblem;
import java.time.Duration;
import java.time.ZoneOffset;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** Lets a newcomer play the LMS and the HCM of the sample organisation. */
@RestController
public class SampleController implements SampleApi {

    private final ObjectProvider<SampleOrganisation> sample;
    private final boolean demo;
    private final ProgressSync progress;
    private final SupervisorSync supervisors;
    private final EngineClock clock;
    private final boolean sampleHcm;
    private final Access access;
    private final AccessAudit audit;

    public SampleController(
            ObjectProvider<SampleOrganisation> org,
            TrainflowProperties properties,
            ProgressSync progress,
            SupervisorSync supervisors,
            EngineClock clock,
            Access access,
            AccessAudit audit) {
        this.sample = org;
        this.demo = properties.connections().demo();
        this.access = access;
        this.audit = audit;
        this.sampleHcm = "sample".equals(properties.connections().hcmType());
        this.progress = progress;
        this.supervisors = supervisors;
        this.clock = clock;
    }

    /** The demo's organisation; production has none, and its clock is real time, never moved. */
    private SampleOrganisation org() {
        demoOnly();
        return sample.getObject();
    }

    private void demoOnly() {
        if (!demo) {
            throw new TrainflowProblem.NotFound("There is no sample organisation here: trainflow.lms.type and"
                    + " trainflow.hcm.type name real systems, and the clock is real time");
        }
    }

    /** Lets a walkthrough reach the 30/60/90-day follow-ups in minutes; timers due by then fire. */
    @Override
    public ResponseEntity<ClockState> advanceClock(ClockAdvance body) {
        demoOnly();
        if (body.getDays() == null || body.getDays() < 1 || body.getDays() > 366) {
            throw new TrainflowProblem.InvalidInput("days", "must be a whole number between 1 and 366");
        }
        clock.advance(Duration.ofDays(body.getDays()));
        return ResponseEntity.ok(new ClockState(clock.instant().atOffset(ZoneOffset.UTC)));
    }

    /** This node's time: after a move on another node sharing the database, it follows within the follow interval. */
    @Override
    public ResponseEntity<ClockState> clockNow() {
        demoOnly();
        return ResponseEntity.ok(new ClockState(clock.instant().atOffset(ZoneOffset.UTC)));
    }

    /** The learner themself (playing the LMS) or an admin; nobody completes someone else's course. */
    @Override
    public ResponseEntity<Progress> advanceProgress(String username) {
        String user = CurrentUser.name();
        if (!user.equals(username) && !access.isAdmin()) {
            throw new TrainflowProblem.Forbidden(user + " may complete courses in the sample LMS only as themself");
        }
        if (org().hcm().employeeByUsername(username).isEmpty()) {
            throw new TrainflowProblem.NotFound("No learner " + username + " in the sample organisation");
        }
        audit.record(user, "advance-progress", username);
        String course = org().advanceProgress(username).orElse(null);
        int completed = progress.syncOnce();
        return ResponseEntity.ok(
                new Progress(username).completedCourseId(course).requestsCompleted(completed));
    }

    /**
     * The supervisor of record is the HCM's: in the sample organisation an admin plays the HCM (audited);
     * the new manager must be an employee who does not report to this one.
     */
    @Override
    public ResponseEntity<Void> changeSupervisor(String employeeId, Supervisor body) {
        String user = CurrentUser.name();
        access.requireAdmin(user, "change a supervisor");
        if (!sampleHcm) {
            throw new TrainflowProblem.InvalidInput(
                    "employeeId",
                    "the sample HCM is not in use (trainflow.hcm.type): change"
                            + " the supervisor in the HCM; the HCM sync (trainflow.hcm-sync) re-routes open approvals");
        }
        if (org().hcm().employee(employeeId).isEmpty()) {
            throw new TrainflowProblem.NotFound("No employee " + employeeId + " in the sample organisation");
        }
        String manager = body.getManagerUsername();
        var newManager = org().hcm()
                .employeeByUsername(manager)
                .orElseThrow(() -> new TrainflowProblem.InvalidInput(
                        "managerUsername", "'" + manager + "' is not an employee of the sample organisation"));
        if (newManager.employeeId().equals(employeeId)) {
            throw new TrainflowProblem.InvalidInput("managerUsername", "an employee cannot be their own manager");
        }
        try {
            org().changeSupervisor(employeeId, manager);
        } catch (IllegalArgumentException loop) {
            throw new TrainflowProblem.InvalidInput(
                    "managerUsername", "'" + manager + "' reports to employee " + employeeId);
        }
        audit.record(user, "change-supervisor", employeeId);
        supervisors.changed(employeeId);
        return ResponseEntity.noContent().build();
    }
}
