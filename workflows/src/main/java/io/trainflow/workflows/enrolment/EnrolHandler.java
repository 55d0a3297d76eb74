package io.trainflow.workflows.enrolment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.trainflow.connectors.catalogue.CataloguePort;
import io.trainflow.connectors.lms.EnrolmentRefusedException;
import io.trainflow.connectors.lms.LmsPort;
import io.trainflow.workflows.api.BusinessError;
import io.trainflow.workflows.api.Doc;
import io.trainflow.workflows.api.StepHandler;
import io.trainflow.workflows.api.TaskType;
import io.trainflow.workflows.path.PathCourse;
import io.trainflow.workflows.profile.Profile;
import io.trainflow.workflows.sessions.MatchSessionsHandler;
import io.trainflow.workflows.sessions.SessionBooking;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

@TaskType(
        value = "lms-enrol",
        name = "Enrol in LMS",
        description = "Books a seat in each chosen session and enrols the learner in its LMS course, from now until the"
                + " training deadline. Safe to repeat: a learner already enrolled or booked is not enrolled twice.",
        errors = {EnrolHandler.ENROLMENT_REFUSED})
public final class EnrolHandler implements StepHandler<EnrolHandler.Input, EnrolHandler.Output> {

    public static final String ENROLMENT_REFUSED = "ENROLMENT_REFUSED";
    /** The variable the refusal's reason is set in, for the message and the recorded outcome. */
    public static final String REASON = "enrolmentRefusal";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Input(
            @Doc(value = "The learner", feel = "=profile") @NotNull
            Profile profile,

            @Doc(value = "Sessions to enrol in", feel = "=sessions") @NotNull
            List<SessionBooking> sessions,

            @Doc(value = "Training request id, kept with each seat booking", feel = "=requestId") @NotBlank
            String requestId,

            @Doc(
                    value = "Courses of the path, for their titles in the reason of a refusal",
                    optional = true,
                    feel = "=learningPath")
            List<PathCourse> learningPath) {

        public Input(Profile profile, List<SessionBooking> sessions, String requestId) {
            this(profile, sessions, requestId, null);
        }

        String title(String courseId) {
            return (learningPath == null ? List.<PathCourse>of() : learningPath)
                    .stream()
                            .filter(c -> courseId != null && courseId.equals(c.courseId()) && c.title() != null)
                            .map(PathCourse::title)
                            .findFirst()
                            .orElse("course " + courseId);
        }
    }

    public record Enrolled(
            @Doc("LMS course id") String courseId,
            @Doc("Catalogue session id") String sessionId,
            @Doc("enrolled") String status) {}

    public record Output(@Doc("One entry per session") List<Enrolled> enrolments) {}

    private final LmsPort lms;
    private final CataloguePort catalogue;
    private final Clock clock;

    public EnrolHandler(LmsPort lms, CataloguePort catalogue, Clock clock) {
        this.lms = lms;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @Override
    public Output handle(Input input) throws BusinessError {
        String username = input.profile().username();
        if (username == null || username.isBlank()) {
            throw refused("the learner has no LMS username");
        }
        List<SessionBooking> sessions = input.sessions();
        // access from now, so pre-work is open before the session, until the training deadline
        Instant now = clock.instant();
        Instant end = sessions.stream()
                .map(SessionBooking::end)
                .max(Comparator.naturalOrder())
                .orElse(now)
                .plus(MatchSessionsHandler.GRACE);
        List<Enrolled> enrolled = new ArrayList<>();
        for (SessionBooking s : sessions) {
            if (!catalogue.reserveSeat(s.sessionId(), username, input.requestId())) {
                throw refused("session " + s.sessionId() + " of " + input.title(s.courseId())
                        + " is full or no longer offered");
            }
            try {
                lms.enrol(username, s.courseId(), now, end);
            } catch (EnrolmentRefusedException e) {
                throw refused("the LMS refused the enrolment in " + input.title(s.courseId()) + ": " + e.getMessage());
            }
            enrolled.add(new Enrolled(s.courseId(), s.sessionId(), "enrolled"));
        }
        return new Output(enrolled);
    }

    /** A business refusal that names its reason, for the learner's message and the request's status. */
    private static BusinessError refused(String reason) {
        return new BusinessError(ENROLMENT_REFUSED, reason, java.util.Map.of(REASON, reason));
    }
}
