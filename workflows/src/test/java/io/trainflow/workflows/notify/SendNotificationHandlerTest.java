package io.trainflow.workflows.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainflow.connectors.error.PortBusinessException;
import io.trainflow.connectors.sample.SampleLms;
import io.trainflow.workflows.Sample;
import io.trainflow.workflows.api.StepContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SendNotificationHandlerTest {

    final Sample sample = new Sample();
    final SendNotificationHandler handler = new SendNotificationHandler(sample.ports.lms());

    @Test
    void rendersTheTemplateAndSendsItAsAnLmsMessage() {
        var out = handler.handle(new SendNotificationHandler.Input(
                "alice.martin",
                "enrolled",
                Map.of(
                        "courses",
                        List.of(
                                Map.of("title", "Python for Automation"),
                                Map.of("title", "SQL and Relational Databases")),
                        "trainingDeadline",
                        "2026-04-01T17:00:00Z")));

        assertThat(out.notificationId()).isNotBlank();
        assertThat(sample.org.sampleLms().messagesTo("alice.martin"))
                .extracting(SampleLms.SentMessage::text)
                .containsExactly("You are enrolled in Python for Automation, SQL and Relational Databases."
                        + " Please complete your training by 2026-04-01.");
    }

    /** The ledger the engine keeps in its database, here in memory; {@code crashAfterSend} loses the outcome. */
    static class Ledger implements StepContext.Ledger {
        final Map<String, Optional<String>> rows = new HashMap<>();
        boolean crashAfterSend;

        @Override
        public Optional<Optional<String>> find(String key) {
            return Optional.ofNullable(rows.get(key));
        }

        @Override
        public void intent(String key) {
            rows.put(key, Optional.empty());
        }

        @Override
        public void outcome(String key, String outcome) {
            if (crashAfterSend) {
                crashAfterSend = false;
                throw new IllegalStateException("killed before the outcome was recorded");
            }
            rows.put(key, Optional.of(outcome));
        }
    }

    private String sendAs(String step, Ledger ledger) {
        return new StepContext(() -> step, ledger)
                .run(() -> handler.handle(new SendNotificationHandler.Input("alice.martin", "reminder", Map.of()))
                        .notificationId());
    }

    @Test
    void aStepThatRunsAgainDoesNotSendAgainEvenWhenItStoppedDuringTheCall() {
        Ledger ledger = new Ledger();
        ledger.crashAfterSend = true;
        assertThatThrownBy(() -> sendAs("pi-1/remind/visit-1", ledger)).hasMessageContaining("killed");

        String rerun = sendAs("pi-1/remind/visit-1", ledger);
        String again = sendAs("pi-1/remind/visit-1", ledger);

        assertThat(sample.org.sampleLms().messagesTo("alice.martin"))
                .hasSize(1)
                .extracting(m -> String.valueOf(m.msgId()))
                .containsExactly(rerun);
        assertThat(again).isEqualTo(rerun);
        // another visit of the element (a loop back, another multi-instance item) is another message
        sendAs("pi-1/remind/visit-2", ledger);
        assertThat(sample.org.sampleLms().messagesTo("alice.martin")).hasSize(2);
    }

    @Test
    void anLmsWithoutClientIdsIsAskedForTheSameTextSinceTheIntentBeforeSendingAgain() {
        // as Moodle: no client id kept, but it lists what Trainflow's account sent and when
        java.time.Instant intentAt = java.time.Instant.parse("2027-03-01T08:00:00Z");
        List<Object[]> asked = new java.util.ArrayList<>();
        io.trainflow.connectors.lms.LmsPort sample = this.sample.ports.lms();
        io.trainflow.connectors.lms.LmsPort moodleLike =
                (io.trainflow.connectors.lms.LmsPort) java.lang.reflect.Proxy.newProxyInstance(
                        getClass().getClassLoader(),
                        new Class<?>[] {io.trainflow.connectors.lms.LmsPort.class},
                        (proxy, method, args) -> {
                            if (method.getName().equals("sentMessage") && args.length == 4) {
                                asked.add(args);
                                return this.sample.org.sampleLms().messagesTo((String) args[0]).stream()
                                        .filter(m -> m.text().equals(args[2]))
                                        .findFirst()
                                        .map(m ->
                                                new io.trainflow.connectors.lms.MessageReceipt(m.msgId(), null, null));
                            }
                            if (method.getName().equals("sentMessage")) {
                                return Optional.empty();
                            }
                            return method.invoke(sample, args);
                        });
        SendNotificationHandler moodleHandler = new SendNotificationHandler(moodleLike);
        Ledger ledger = new Ledger() {
            @Override
            public Optional<java.time.Instant> intentAt(String key) {
                return rows.containsKey(key) && rows.get(key).isEmpty() ? Optional.of(intentAt) : Optional.empty();
            }
        };
        ledger.crashAfterSend = true;
        java.util.function.Supplier<String> send = () -> new StepContext(() -> "pi-2/remind/visit-1", ledger)
                .run(() -> moodleHandler
                        .handle(new SendNotificationHandler.Input("alice.martin", "reminder", Map.of()))
                        .notificationId());
        assertThatThrownBy(send::get).hasMessageContaining("killed");

        String rerun = send.get();

        assertThat(this.sample.org.sampleLms().messagesTo("alice.martin"))
                .hasSize(1)
                .extracting(m -> String.valueOf(m.msgId()))
                .containsExactly(rerun);
        assertThat(asked).singleElement().satisfies(a -> {
            assertThat(a[2])
                    .isEqualTo(this.sample
                            .org
                            .sampleLms()
                            .messagesTo("alice.martin")
                            .get(0)
                            .text());
            assertThat(a[3]).isEqualTo(intentAt);
        });
    }

    @Test
    void theClientMessageIdIsTheStepsNotARandomOne() {
        assertThat(SendNotificationHandler.clientMsgId("pi-1/remind/visit-1/message"))
                .isEqualTo(SendNotificationHandler.clientMsgId("pi-1/remind/visit-1/message"))
                .matches("[A-Za-z0-9_-]+")
                .isNotEqualTo(SendNotificationHandler.clientMsgId("pi-1/remind/visit-2/message"));
    }

    @Test
    void enrolmentNamesTheCourseAndTheSessionDates() {
        // issue 10: "You are enrolled." named neither; the process passes its sessions and learning path
        handler.handle(new SendNotificationHandler.Input(
                "alice.martin",
                "enrolled",
                Map.of(
                        "requestId",
                        "REQ-9",
                        "sessions",
                        List.of(Map.of(
                                "courseId",
                                "103",
                                "sessionId",
                                "S-PY-1",
                                "startDate",
                                "2026-03-02T09:00:00Z",
                                "endDate",
                                "2026-03-04T17:00:00Z")),
                        "learningPath",
                        List.of(Map.of("courseId", "103", "title", "Python for Automation")),
                        "trainingDeadline",
                        "2026-04-01T17:00:00Z")));

        assertThat(sample.org.sampleLms().messagesTo("alice.martin"))
                .extracting(SampleLms.SentMessage::text)
                .containsExactly("You are enrolled in Python for Automation, session S-PY-1 from 2026-03-02 to"
                        + " 2026-03-04. Please complete your training by 2026-04-01.");
    }

    @Test
    void aRefusedEnrolmentIsNotCalledARejectionAndNamesItsReason() {
        String text = MessageTemplates.render(
                "not-enrolled",
                Map.of(
                        "requestId",
                        "REQ-9",
                        "reason",
                        "session S-PY-1 of Python for Automation is full or no longer offered"));

        assertThat(text)
                .doesNotContain("rejected")
                .contains("REQ-9 was approved", "Reason: session S-PY-1 of Python for Automation is full");
    }

    @Test
    void partsWithoutDataAreLeftOut() {
        assertThat(MessageTemplates.render("rejected", Map.of())).isEqualTo("Your training request was rejected.");
        assertThat(MessageTemplates.render("rejected", Map.of("requestId", "R-7", "comment", "Not this quarter.")))
                .isEqualTo("Your training request R-7 was rejected. Comment: Not this quarter.");
        assertThat(MessageTemplates.render("nudge", Map.of("inactiveDays", 9)))
                .isEqualTo("You have not opened your training for 9 days.");
    }

    @Test
    void everyTemplateOfTheContractRenders() {
        for (String t : List.of(
                "enrolled",
                "not-enrolled",
                "reminder",
                "escalated",
                "nudge",
                "rejected",
                "changes-requested",
                "deadline-missed",
                "follow-up",
                "report-ready")) {
            assertThat(MessageTemplates.render(t, Map.of())).as(t).isNotBlank().doesNotContain("{", "[");
        }
    }

    @Test
    void typedTextIsShortenedNotInterpreted() {
        String text = MessageTemplates.render("rejected", Map.of("comment", "{requestId} [x] " + "a".repeat(500)));

        assertThat(text).contains("{requestId} [x]").hasSizeLessThan(400);
    }

    @Test
    void undeliveredMessageIsTheAdministratorsNotARetry() {
        // the LMS answered; a resend gets the same answer (Moodle: the learner's privacy without readallmessages)
        assertThatThrownBy(() -> handler.handle(new SendNotificationHandler.Input("nobody", "reminder", Map.of())))
                .isInstanceOfSatisfying(
                        PortBusinessException.class,
                        e -> assertThat(e.isConfiguration()).isTrue())
                .hasMessageContaining("nobody");
    }

    @Test
    void nobodyToTellSendsNothing() {
        assertThat(handler.handle(new SendNotificationHandler.Input(null, "deadline-missed", Map.of()))
                        .notificationId())
                .isNull();
    }

    @Test
    void unknownTemplateIsAModellingError() {
        assertThatThrownBy(() -> handler.handle(new SendNotificationHandler.Input("alice.martin", "hello", Map.of())))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
