package io.trainflow.workflows.sessions;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.trainflow.connectors.ai.AiPort;
import io.trainflow.connectors.ai.port.SessionMatch;
import io.trainflow.connectors.ai.port.SessionOption;
import io.trainflow.connectors.ai.provenance.AiResult;
import io.trainflow.connectors.catalogue.CataloguePort;
import io.trainflow.connectors.catalogue.TrainingSession;
import io.trainflow.connectors.lms.CompletionStatus;
import io.trainflow.connectors.lms.LmsPort;
import io.trainflow.workflows.ai.AiTrace;
import io.trainflow.workflows.api.BusinessError;
import io.trainflow.workflows.api.Doc;
import io.trainflow.workflows.api.RecordedOutput;
import io.trainflow.workflows.api.StepHandler;
import io.trainflow.workflows.api.TaskType;
import io.trainflow.workflows.path.PathCourse;
import io.trainflow.workflows.profile.Profile;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

@RecordedOutput
@TaskType(
        value = "match-sessions",
        name = "Match sessions",
        description = "For each course of the learning path the learner has not completed, ranks the upcoming sessions"
                + " with seats left through the AI port: offline the earliest one (the rule), with the reason; an external"
                + " model may only choose among those sessions. The training deadline is the end of the last session"
                + " plus 14 days.",
        errors = {MatchSessionsHandler.NO_SESSION_AVAILABLE})
public final class MatchSessionsHandler
        implements StepHandler<MatchSessionsHandler.Input, MatchSessionsHandler.Output> {

    public static final String NO_SESSION_AVAILABLE = "NO_SESSION_AVAILABLE";

    /** Time after the last session to finish the course work (quiz, feedback). */
    public static final Duration GRACE = Duration.ofDays(14);

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Input(
            @Doc(value = "Courses to schedule", feel = "=learningPath") @NotNull
            List<PathCourse> learningPath,

            @Doc(value = "The learner", feel = "=profile") @NotNull
            Profile profile) {}

    public record Output(
            @Doc("One session per course still to take") List<SessionBooking> sessions,

            @Doc("When the whole path must be completed, ISO-8601 date-time")
            String trainingDeadline,

            @Doc("Provenance of each course's session ranking")
            List<AiTrace> sessionsProvenance) {}

    private final CataloguePort catalogue;
    private final LmsPort lms;
    private final AiPort ai;
    private final Clock clock;

    public MatchSessionsHandler(CataloguePort catalogue, LmsPort lms, AiPort ai, Clock clock) {
        this.catalogue = catalogue;
        this.lms = lms;
        this.ai = ai;
        this.clock = clock;
    }

    @Override
    public Output handle(Input input) throws BusinessError {
        Instant now = clock.instant();
        List<PathCourse> path = input.learningPath();
        Set<String> completed = lms
                .completionStatus(
                        List.of(input.profile().username()),
                        path.stream().map(PathCourse::courseId).toList())
                .stream()
                .filter(CompletionStatus::completed)
                .map(CompletionStatus::courseId)
                .collect(Collectors.toSet());
        List<SessionBooking> sessions = new ArrayList<>();
        List<AiTrace> provenance = new ArrayList<>();
        for (PathCourse course : path) {
            if (completed.contains(course.courseId())) {
                continue;
            }
            Map<String, TrainingSession> offered = catalogue.sessions(course.courseId()).stream()
                    .collect(Collectors.toMap(TrainingSession::sessionId, Function.identity(), (a, b) -> a));
            List<SessionOption> options = offered.values().stream()
                    .map(s -> new SessionOption(s.sessionId(), s.start(), s.end(), s.trainer(), s.seatsLeft()))
                    .toList();
            AiResult<SessionMatch> match = ai.matchSessions(course.courseId(), course.title(), options, now, null);
            provenance.add(AiTrace.of("sessions:" + course.courseId(), match.provenance()));
            TrainingSession session = match.value().chosen() == null
                    ? null
                    : offered.get(match.value().chosen());
            if (session == null || !session.start().isAfter(now) || session.seatsLeft() <= 0) {
                // no session that can be taken (or an engine that broke the port's promise): a person reschedules
                throw new BusinessError(
                        NO_SESSION_AVAILABLE, "No upcoming session with seats left for " + course.title());
            }
            sessions.add(new SessionBooking(
                    course.courseId(),
                    session.sessionId(),
                    session.start().toString(),
                    session.end().toString(),
                    session.trainer(),
                    session.seatsLeft(),
                    match.value().reason()));
        }
        Instant lastEnd = sessions.stream()
                .map(SessionBooking::end)
                .max(Comparator.naturalOrder())
                .orElse(now);
        return new Output(sessions, lastEnd.plus(GRACE).toString(), provenance);
    }
}
