package io.trainflow.connectors.moodle;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.connectors.lms.CalendarEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: each enrolment created its own course event, so learners saw one session three times (Moodle 4.5.6
 * creates a duplicate on every call, recorded live). One course event per session now, found again in Moodle.
 */
class MoodleCalendarTest extends MoodleWireMockBase {

    /** The event of the live recording: course 4, 1796774400, its name. */
    private static final Instant START = Instant.ofEpochSecond(1796774400L);

    private static final String NAME = "Trainflow fixture probe: course deadline";

    @Test
    void theLearnersOfOneSessionShareOneCourseEvent() {
        replay(call("core_calendar_get_calendar_events"), "core_calendar_get_calendar_events__constructed-none");
        replay(call("core_calendar_create_calendar_events"), "core_calendar_create_calendar_events__constructed-one");

        List<String> leo = lms.createCalendarEvents(List.of(event("leo.brandt")));
        List<String> noah = lms.createCalendarEvents(List.of(event("noah.petrov")));

        assertThat(leo).containsExactly("21");
        assertThat(noah).isEqualTo(leo);
        wm.verify(1, calls("core_calendar_create_calendar_events"));
    }

    @Test
    void anEventMoodleAlreadyHasIsFoundNotCreatedAgain() {
        // e.g. Trainflow restarted after creating it, or another learner's request created it
        replay(
                call("core_calendar_get_calendar_events")
                        .withFormParam("events[courseids][0]", equalTo("4"))
                        .withFormParam("options[timestart]", equalTo("1796774400")),
                "live-4.5.6__core_calendar_get_calendar_events__as-trainflow");

        assertThat(lms.createCalendarEvents(List.of(event("leo.brandt")))).containsExactly("11");
        wm.verify(0, calls("core_calendar_create_calendar_events"));
    }

    private static CalendarEvent event(String learner) {
        return new CalendarEvent(learner, "4", NAME, "Recorded by the fixture run", START, Duration.ofHours(1));
    }
}
