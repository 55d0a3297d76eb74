package io.trainflow.workflows.enrolment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.trainflow.connectors.lms.CalendarEvent;
import io.trainflow.connectors.lms.Course;
import io.trainflow.connectors.lms.LmsPort;
import io.trainflow.workflows.api.Doc;
import io.trainflow.workflows.api.StepHandler;
import io.trainflow.workflows.api.TaskType;
import io.trainflow.workflows.profile.Profile;
import io.trainflow.workflows.sessions.SessionBooking;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

@TaskType(
        value = "lms-create-calendar-events",
        name = "Create LMS calendar events",
        description = "Puts each session in the LMS calendar: one course event per session, shared by its learners"
                + " (Moodle shows course events to the course). Safe to repeat: an identical event is not"
                + " created twice.")
public final class CreateCalendarEventsHandler
        implements StepHandler<CreateCalendarEventsHandler.Input, CreateCalendarEventsHandler.Output> {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Input(
            @Doc(value = "The learner", feel = "=profile") @NotNull
            Profile profile,

            @Doc(value = "Sessions to put in the calendar", feel = "=sessions") @NotNull
            List<SessionBooking> sessions) {}

    public record Output(
            @Doc("LMS calendar event ids, one per session") List<String> calendarEventIds) {}

    private final LmsPort lms;

    public CreateCalendarEventsHandler(LmsPort lms) {
        this.lms = lms;
    }

    @Override
    public Output handle(Input input) {
        List<SessionBooking> sessions = input.sessions();
        if (sessions.isEmpty()) {
            return new Output(List.of());
        }
        Map<String, Course> courses = lms
                .courses(sessions.stream().map(SessionBooking::courseId).toList())
                .stream()
                .collect(Collectors.toMap(Course::id, Function.identity(), (a, b) -> a));
        List<CalendarEvent> events = sessions.stream()
                .map(s -> {
                    Course course = courses.get(s.courseId());
                    String title = course == null ? "course " + s.courseId() : course.fullname();
                    String trainer = s.trainer() == null ? "" : " with " + s.trainer();
                    return new CalendarEvent(
                            input.profile().username(),
                            s.courseId(),
                            "Training: " + title,
                            "Session " + s.sessionId() + trainer,
                            s.start(),
                            Duration.between(s.start(), s.end()));
                })
                .toList();
        return new Output(lms.createCalendarEvents(events));
    }
}
