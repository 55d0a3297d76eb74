package io.trainflow.plugin.lti;

import io.trainflow.plugin.access.AccessAudit;
import io.trainflow.plugin.api.LtiCampaignsApi;
import io.trainflow.plugin.api.model.CourseCampaignPreview;
import io.trainflow.plugin.api.model.CourseCampaignStarted;
import io.trainflow.plugin.api.model.CourseParticipant;
import io.trainflow.plugin.api.model.Problem;
import io.trainflow.plugin.security.CurrentUser;
import io.trainflow.plugin.web.ProblemHandler;
import io.trainflow.workflows.problems.TrainflowProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;

/**
 * L&D, launched from a Moodle course, sees who a campaign for the course's participants would include and starts
 * it: the same rule and the same audit ({@code start-campaign}) as {@code POST /api/campaigns}.
 */
@RestController
class CourseCampaignController implements LtiCampaignsApi {

    private final CourseCampaigns campaigns;
    private final AccessAudit audit;

    CourseCampaignController(CourseCampaigns campaigns, AccessAudit audit) {
        this.campaigns = campaigns;
        this.audit = audit;
    }

    @Override
    public ResponseEntity<CourseCampaignPreview> previewCourseCampaign() {
        return ResponseEntity.ok(toApi(campaigns.preview(CurrentUser.name(), session())));
    }

    @Override
    public ResponseEntity<CourseCampaignStarted> startCourseCampaign() {
        String user = CurrentUser.name();
        CourseCampaigns.Started started = campaigns.start(user, session());
        audit.record(user, "start-campaign", started.instance().businessKey());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new CourseCampaignStarted(
                        started.instance().id(),
                        started.instance().businessKey(),
                        started.preview().included().size(),
                        started.preview().unknown().size()));
    }

    @ExceptionHandler(PlatformCalls.ServiceFailed.class)
    ResponseEntity<Problem> platformFailed(PlatformCalls.ServiceFailed e, HttpServletRequest request) {
        return ProblemHandler.problem(HttpStatus.BAD_GATEWAY, e.getMessage(), Map.of(), request);
    }

    /** The launch behind this call: only a page launched from Moodle knows its course. */
    private static SessionTokens.Session session() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof LaunchTokenFilter.Launched launched) {
            return launched.session();
        }
        throw new TrainflowProblem.Forbidden("A course campaign starts from Trainflow opened in the Moodle course"
                + " (its launch token, X-Trainflow-Launch), not with another sign-in");
    }

    private static CourseCampaignPreview toApi(CourseCampaigns.Preview preview) {
        return new CourseCampaignPreview(
                        preview.course(),
                        toApi(preview.included()),
                        toApi(preview.unknown()),
                        toApi(preview.notIncluded()))
                .courseTitle(preview.courseTitle());
    }

    private static List<CourseParticipant> toApi(List<CourseCampaigns.Participant> participants) {
        return participants.stream()
                .map(p -> new CourseParticipant(p.name())
                        .username(p.username())
                        .employeeId(p.employeeId())
                        .reason(p.reason()))
                .toList();
    }
}
