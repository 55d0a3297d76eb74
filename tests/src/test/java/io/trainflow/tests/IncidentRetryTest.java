package io.trainflow.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.connectors.lms.CalendarEvent;
import io.trainflow.connectors.lms.CompletionStatus;
import io.trainflow.connectors.lms.Course;
import io.trainflow.connectors.lms.CourseGrade;
import io.trainflow.connectors.lms.Enrolment;
import io.trainflow.connectors.lms.FeedbackResponse;
import io.trainflow.connectors.lms.LmsPort;
import io.trainflow.connectors.lms.MessageReceipt;
import io.trainflow.workflows.engine.IncidentsPort.Incident;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A step the LMS refuses becomes an incident an admin can see and retry, at once (a refusal is not retried: issue
 * 10); the process then goes on.
 */
class IncidentRetryTest {

    private final MessagingOutage lms = new MessagingOutage();
    private final SampleLifecycle life = SampleLifecycle.start(lms::wrapping);

    @AfterEach
    void close() {
        life.close();
    }

    @Test
    void aNotificationTheLmsRefusesIsAnIncidentUntilAnAdminRetriesIt() {
        String request = life.request("alice.martin", "1004", "Automate reports", List.of());
        lms.refuseNext(3);

        life.decide("sophie.laurent", request, "reject", "Not now");
        life.advance(Duration.ofMinutes(1));
        life.advance(Duration.ofMinutes(1));

        assertThat(lms.refused.get())
                .as("the LMS answered: one attempt, not three")
                .isEqualTo(1);
        assertThat(life.engine().incidents().list()).singleElement().satisfies(incident -> {
            assertThat(incident.elementId()).isEqualTo("notify-rejected");
            assertThat(incident.type()).isEqualTo("send-notification");
            assertThat(incident.message())
                    .contains("did not deliver")
                    .contains("alice.martin")
                    .contains("message preferences");
            assertThat(incident.processInstanceId())
                    .isEqualTo(life.root(request).getId());
        });
        assertThat(life.endedAt(request))
                .as("the request waits on the failed step")
                .isNull();
        assertThat(life.messagesTo("alice.martin")).isEmpty();
        life.advance(Duration.ofDays(1));
        assertThat(lms.refused.get())
                .as("an incident is not retried on its own")
                .isEqualTo(1);
        lms.refuseNext(0); // the administrator fixed the cause

        Incident incident = life.engine().incidents().list().get(0);
        life.engine().incidents().retry(incident.id(), 1);
        life.run();

        assertThat(life.engine().incidents().list()).isEmpty();
        assertThat(life.messagesTo("alice.martin"))
                .singleElement()
                .satisfies(m -> assertThat(m.text()).contains("was rejected"));
        assertThat(life.endedAt(request)).isEqualTo("rejected");
        assertThat(life.outcome(request))
                .hasValueSatisfying(o -> assertThat(o.status()).isEqualTo("rejected"));
    }

    /** The sample LMS, except that it answers the next N instant messages as Moodle does when it cannot deliver. */
    static final class MessagingOutage {
        final AtomicInteger toRefuse = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();

        void refuseNext(int n) {
            toRefuse.set(n);
        }

        LmsPort wrapping(LmsPort real) {
            return new LmsPort() {
                public List<Course> courses() {
                    return real.courses();
                }

                public List<Course> courses(Collection<String> courseIds) {
                    return real.courses(courseIds);
                }

                public List<Enrolment> enrolments(String username) {
                    return real.enrolments(username);
                }

                public Enrolment enrol(String username, String courseId, Instant start, Instant end) {
                    return real.enrol(username, courseId, start, end);
                }

                public Enrolment extendEnrolment(String username, String courseId, Instant newEnd) {
                    return real.extendEnrolment(username, courseId, newEnd);
                }

                public List<CompletionStatus> completionStatus(
                        Collection<String> usernames, Collection<String> courseIds) {
                    return real.completionStatus(usernames, courseIds);
                }

                public List<CourseGrade> grades(String username, Collection<String> courseIds) {
                    return real.grades(username, courseIds);
                }

                public List<FeedbackResponse> feedback(Collection<String> courseIds) {
                    return real.feedback(courseIds);
                }

                public List<String> createCalendarEvents(List<CalendarEvent> events) {
                    return real.createCalendarEvents(events);
                }

                public MessageReceipt sendMessage(String toUsername, String text, String clientMsgId) {
                    if (toRefuse.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        refused.incrementAndGet();
                        return new MessageReceipt(
                                -1, clientMsgId, "You can't message this user due to their message preferences.");
                    }
                    return real.sendMessage(toUsername, text, clientMsgId);
                }
            };
        }
    }
}
