package io.trainflow.plugin.lti;

import io.trainflow.connectors.hcm.Employee;
import io.trainflow.connectors.hcm.HcmPort;
import io.trainflow.workflows.engine.ProcessStarter;
import io.trainflow.workflows.intake.Intake;
import io.trainflow.workflows.problems.TrainflowProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A campaign for the participants of the course L&D launched Trainflow from (LTI Names and Roles): the course's
 * active learners, matched to HCM employees as a launch matches its person (Moodle's username; a platform account
 * stays the person of its first launch; the emails must agree when both are known), started through
 * {@link Intake#courseCampaign} with the same L&D rule as a department campaign. Nothing is asked of the platform
 * for someone who may not start campaigns.
 */
class CourseCampaigns {

    /** One member as L&D sees them in the preview. */
    record Participant(String name, String username, String employeeId, String reason) {}

    record Preview(
            String course,
            String courseTitle,
            List<Participant> included,
            List<Participant> unknown,
            List<Participant> notIncluded) {}

    private final Intake intake;
    private final LtiPlatforms platforms;
    private final NamesAndRoles namesAndRoles;
    private final LtiAccounts accounts;
    private final java.util.function.Supplier<HcmPort> hcm;

    CourseCampaigns(
            Intake intake,
            LtiPlatforms platforms,
            NamesAndRoles namesAndRoles,
            LtiAccounts accounts,
            java.util.function.Supplier<HcmPort> hcm) {
        this.intake = intake;
        this.platforms = platforms;
        this.namesAndRoles = namesAndRoles;
        this.accounts = accounts;
        this.hcm = hcm;
    }

    Preview preview(String user, SessionTokens.Session session) {
        if (!intake.mayStartCampaigns(user)) {
            throw new TrainflowProblem.Forbidden(user + " is not in L&D (ld-team) or HR (hr-fallback) and cannot start"
                    + " a campaign; a teacher's or admin's role in Moodle does not make someone L&D in Trainflow");
        }
        if (session.membershipsUrl() == null) {
            throw new TrainflowProblem.Conflict("This page was not launched from a course with Moodle's Names and Roles"
                    + " service: open Trainflow from the course (the tool's 'IMS LTI Names and Role Provisioning' on)");
        }
        Platform platform = platforms
                .byId(session.platformId())
                .orElseThrow(() -> new TrainflowProblem.Conflict(
                        "The platform this page was launched from is no longer registered in Trainflow"));
        List<Participant> included = new ArrayList<>();
        List<Participant> unknown = new ArrayList<>();
        List<Participant> notIncluded = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (NamesAndRoles.Member member : namesAndRoles.members(platform, session.membershipsUrl())) {
            String name = member.name() != null
                    ? member.name()
                    : member.username() != null ? member.username() : "user " + member.userId();
            if (!member.learner() || !member.active()) {
                notIncluded.add(new Participant(
                        name,
                        member.username(),
                        null,
                        !member.active()
                                ? "enrolment " + member.status().toLowerCase(java.util.Locale.ROOT)
                                : "not a learner (" + String.join(", ", member.roles()) + ")"));
                continue;
            }
            Optional<String> known =
                    member.userId() == null ? Optional.empty() : accounts.username(platform.id(), member.userId());
            String username = member.username() != null ? member.username() : known.orElse(null);
            if (username == null) {
                unknown.add(new Participant(
                        name,
                        null,
                        null,
                        "Moodle did not send the username, and the person never" + " launched Trainflow"));
                continue;
            }
            if (known.isPresent() && !known.get().equals(username)) {
                unknown.add(new Participant(
                        name, username, null, "this Moodle account launched Trainflow as another person"));
                continue;
            }
            Optional<Employee> employee = hcm.get().employeeByUsername(username);
            if (employee.isEmpty()) {
                unknown.add(new Participant(name, username, null, "not an employee in the HR system"));
            } else if (employee.get().email() != null
                    && member.email() != null
                    && !employee.get().email().equalsIgnoreCase(member.email())) {
                unknown.add(
                        new Participant(name, username, null, "the email in Moodle is not the one the HR system has"));
            } else if (seen.add(employee.get().employeeId())) {
                included.add(new Participant(name, username, employee.get().employeeId(), null));
            }
        }
        return new Preview(session.course(), session.courseTitle(), included, unknown, notIncluded);
    }

    /** Reads the course again (it may have changed since the preview) and starts the campaign for its known learners. */
    record Started(ProcessStarter.Started instance, Preview preview) {}

    Started start(String user, SessionTokens.Session session) {
        Preview preview = preview(user, session);
        ProcessStarter.Started started = intake.courseCampaign(
                user,
                preview.course(),
                preview.included().stream().map(Participant::employeeId).toList());
        return new Started(started, preview);
    }
}
