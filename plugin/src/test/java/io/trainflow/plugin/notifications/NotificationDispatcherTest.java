package io.trainflow.plugin.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.trainflow.connectors.lms.LmsPort;
import io.trainflow.connectors.lms.MessageReceipt;
import io.trainflow.connectors.sample.SampleLms;
import io.trainflow.connectors.sample.SampleOrganisation;
import io.trainflow.workflows.duties.Parties;
import io.trainflow.workflows.duties.Step;
import io.trainflow.workflows.engine.Directory;
import io.trainflow.workflows.engine.flowable.EngineClock;
import io.trainflow.workflows.notify.tasks.OpenTasks;
import io.trainflow.workflows.notify.tasks.Outbox;
import io.trainflow.workflows.notify.tasks.OutboxTaskNotifier;
import io.trainflow.workflows.notify.tasks.TaskNotice;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher on a real database, a real SMTP server (GreenMail) and the sample LMS, with the clock in the test's
 * hand: one message per task for most people, one daily digest for people with many open tasks, and each notification
 * sent once, across further runs, a restart and a crash in the middle of a send.
 */
class NotificationDispatcherTest {

    private static final String ZOE = "zoe.vincent";
    private static final String HUGO = "hugo.roux";

    private final EngineClock clock = new EngineClock();
    private final Set<String> open = new HashSet<>();
    private final Map<String, Long> openCounts = new java.util.HashMap<>();
    private final List<TaskNotice> overdue = new java.util.ArrayList<>();
    private final List<TaskNotice> createdOnCluster = new java.util.ArrayList<>();
    private GreenMail mail;
    private JdbcDataSource dataSource;
    private Outbox outbox;
    private SampleOrganisation org;

    @BeforeEach
    void start() {
        mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:notifications-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        outbox = new Outbox(dataSource);
        org = SampleOrganisation.fromClasspath();
        clock.set(Instant.parse("2026-03-02T06:00:00Z"));
    }

    @AfterEach
    void stop() {
        mail.stop();
    }

    /** A dispatcher as the application builds it: a fresh one is the application after a restart. */
    private NotificationDispatcher dispatcher() {
        return dispatcher(org.lms());
    }

    private NotificationDispatcher dispatcher(io.trainflow.connectors.lms.LmsPort lms) {
        OpenTasks tasks = new OpenTasks() {
            @Override
            public boolean open(String taskId) {
                return open.contains(taskId);
            }

            @Override
            public long countFor(String user) {
                return openCounts.getOrDefault(user, 0L);
            }

            @Override
            public List<TaskNotice> dueBetween(Instant from, Instant to, int max) {
                return List.copyOf(overdue);
            }

            @Override
            public List<TaskNotice> takeInNew(Instant from, Instant to, int max) {
                return List.copyOf(createdOnCluster);
            }
        };
        return new NotificationDispatcher(
                outbox,
                dataSource,
                new OutboxTaskNotifier(Directory.of(Map.of()), clock),
                tasks,
                lms,
                org.hcm(),
                MailChannel.smtp("127.0.0.1", mail.getSmtp().getPort(), null, null, "trainflow@acme.example", "false"),
                new NotificationTemplates(Path.of("no-such-folder"), "en"),
                clock,
                new NotificationDispatcher.Settings(3, LocalTime.of(7, 0), ZoneOffset.UTC),
                () -> "https://trainflow.acme.example/");
    }

    private void task(String id, String person) {
        open.add(id);
        outbox.add(
                "created:" + id + ":" + person,
                "created",
                person,
                id,
                "Approve training request",
                "REQ-" + id,
                "Lucas Moreau",
                clock.instant());
    }

    private List<MimeMessage> mailsTo(String person) throws Exception {
        return Arrays.stream(mail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals(person + "@acme.example");
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    @Test
    void peopleWithManyOpenTasksGetOneDigestADay() throws Exception {
        openCounts.put(ZOE, 5L);
        task("t1", ZOE);
        task("t2", ZOE);
        task("t3", ZOE);
        task("t4", HUGO);
        NotificationDispatcher dispatcher = dispatcher();

        dispatcher.runOnce();
        assertThat(mailsTo(HUGO)).hasSize(1);
        assertThat(mailsTo(ZOE)).as("held for the digest at 07:00").isEmpty();

        clock.set(Instant.parse("2026-03-02T07:00:30Z"));
        open.remove("t3"); // decided meanwhile: not in the digest
        dispatcher.runOnce();
        dispatcher.runOnce();
        assertThat(mailsTo(ZOE)).hasSize(1);
        MimeMessage digest = mailsTo(ZOE).get(0);
        assertThat(digest.getSubject()).isEqualTo("Trainflow: 2 tasks are waiting for you");
        String text = MailText.of(digest);
        assertThat(text)
                .contains("https://trainflow.acme.example/tasks/t1", "https://trainflow.acme.example/tasks/t2")
                .doesNotContain("/tasks/t3")
                .contains("https://trainflow.acme.example/inbox");
        assertThat(((SampleLms) org.lms()).messagesTo(ZOE)).hasSize(1);

        // later that day: waits for tomorrow's digest
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        task("t5", ZOE);
        dispatcher.runOnce();
        assertThat(mailsTo(ZOE)).hasSize(1);
        clock.set(Instant.parse("2026-03-03T07:01:00Z"));
        dispatcher().runOnce();
        assertThat(mailsTo(ZOE)).hasSize(2);
        assertThat(MailText.of(mailsTo(ZOE).get(1))).contains("/tasks/t5").doesNotContain("/tasks/t1");
    }

    @Test
    void aTaskThatFallsDueIsNotifiedOnceToWhoMayActOnIt() throws Exception {
        open.add("t8");
        // the engine reports the task overdue on every scan; Hugo has it, Bob asked for it
        overdue.add(new TaskNotice(
                TaskNotice.Kind.DUE,
                "t8",
                "Approve training request",
                "REQ-t8",
                "Lucas Moreau",
                new Parties("bob.requester", "lucas.moreau", List.of()),
                new Step("approve", "Approve training request", true, "manager", HUGO, Set.of(), Set.of())));
        dispatcher().runOnce();
        dispatcher().runOnce();
        assertThat(mailsTo(HUGO)).singleElement().satisfies(m -> {
            assertThat(m.getSubject()).isEqualTo("Trainflow: overdue – Approve training request for Lucas Moreau");
            assertThat(MailText.of(m)).contains("https://trainflow.acme.example/tasks/t8");
        });
        assertThat(mailsTo("bob.requester")).isEmpty();
    }

    @Test
    void aTaskAnExternalEngineCreatedIsAnnouncedOnceToWhoMayActOnIt() throws Exception {
        open.add("4503599627370001");
        // Camunda 8 mode: the cluster's search finds the new task on every scan of its window
        createdOnCluster.add(new TaskNotice(
                TaskNotice.Kind.CREATED,
                "4503599627370001",
                "Approve training request",
                "REQ-c1",
                "Lucas Moreau",
                new Parties("bob.requester", "lucas.moreau", List.of()),
                new Step("approve", "Approve training request", true, "manager", HUGO, Set.of(), Set.of())));
        dispatcher().runOnce();
        dispatcher().runOnce(); // a restart scans the window again
        assertThat(mailsTo(HUGO))
                .singleElement()
                .satisfies(m ->
                        assertThat(MailText.of(m)).contains("https://trainflow.acme.example/tasks/4503599627370001"));
        assertThat(outbox.byKey("created:4503599627370001:" + HUGO)).isPresent();
        assertThat(mailsTo("bob.requester")).isEmpty();
    }

    @Test
    void eachNotificationIsSentOnceAcrossRunsRestartsAndACrashMidSend() throws Exception {
        task("t6", HUGO);
        dispatcher().runOnce();
        dispatcher().runOnce(); // a restart
        assertThat(mailsTo(HUGO)).hasSize(1);
        assertThat(((SampleLms) org.lms()).messagesTo(HUGO)).hasSize(1);
        String id = outbox.byKey("created:t6:" + HUGO).orElseThrow().id();
        assertThat(mailsTo(HUGO).get(0).getMessageID()).isEqualTo("<notification-" + id + "@acme.example>");
        assertThat(outbox.byKey("created:t6:" + HUGO).orElseThrow().state()).isEqualTo(Outbox.SENT);

        // the process stopped after the LMS took the message, before its receipt was recorded
        task("t7", HUGO);
        String crashed = outbox.byKey("created:t7:" + HUGO).orElseThrow().id();
        org.lms().sendMessage(HUGO, "Approve training request", "trainflow-n-" + crashed.replace("-", ""));
        outbox.channel(crashed, "lms", "attempted");
        dispatcher().runOnce();
        assertThat(((SampleLms) org.lms()).messagesTo(HUGO))
                .as("asked, not sent again")
                .hasSize(2);
        assertThat(mailsTo(HUGO)).hasSize(2);

        // the same notice again (a retried transaction) is the same notification
        outbox.add(
                "created:t7:" + HUGO,
                "created",
                HUGO,
                "t7",
                "Approve training request",
                "REQ-t7",
                null,
                clock.instant());
        dispatcher().runOnce();
        assertThat(mailsTo(HUGO)).hasSize(2);
    }

    @Test
    void anLmsWithoutClientIdsIsAskedForTheSameTextSinceTheNotificationBeforeSendingAgain() {
        task("t9", HUGO);
        Outbox.Entry crashed = outbox.byKey("created:t9:" + HUGO).orElseThrow();
        outbox.channel(crashed.id(), "lms", "attempted");
        // like Moodle: keeps no client id, but finds the message by recipient, text and time
        List<String> asked = new java.util.ArrayList<>();
        List<String> sent = new java.util.ArrayList<>();
        LmsPort moodleLike = (LmsPort) java.lang.reflect.Proxy.newProxyInstance(
                LmsPort.class.getClassLoader(),
                new Class<?>[] {LmsPort.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "sentMessage" -> {
                        if (args.length == 2) {
                            yield Optional.empty();
                        }
                        asked.add(args[0] + " since " + args[3]);
                        yield args[0].equals(HUGO)
                                        && String.valueOf(args[2]).contains("/tasks/t9")
                                        && crashed.createdAt().equals(args[3])
                                ? Optional.of(new MessageReceipt(41, null, null))
                                : Optional.empty();
                    }
                    case "sendMessage" -> {
                        sent.add((String) args[0]);
                        yield new MessageReceipt(42, (String) args[2], null);
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });

        dispatcher(moodleLike).runOnce();

        assertThat(asked).containsExactly(HUGO + " since " + crashed.createdAt());
        assertThat(sent).as("found in the LMS: not sent again").isEmpty();
        assertThat(outbox.byKey("created:t9:" + HUGO).orElseThrow().lmsState()).isEqualTo("sent");
    }
}
