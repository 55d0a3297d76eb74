package io.trainflow.plugin.notifications;

import io.trainflow.connectors.error.PortBusinessException;
import io.trainflow.connectors.error.PortUnavailableException;
import io.trainflow.connectors.hcm.Employee;
import io.trainflow.connectors.hcm.HcmPort;
import io.trainflow.connectors.jdbc.Jdbc;
import io.trainflow.connectors.lms.LmsPort;
import io.trainflow.connectors.lms.MessageReceipt;
import io.trainflow.workflows.notify.tasks.OpenTasks;
import io.trainflow.workflows.notify.tasks.Outbox;
import io.trainflow.workflows.notify.tasks.TaskNotice;
import io.trainflow.workflows.notify.tasks.TaskNotifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the outbox holds, each notification once: per channel it records "attempted" before the call and the
 * outcome after it, so a run after a crash asks the LMS whether the message went out (and resends an e-mail with the
 * same Message-ID) instead of sending blindly. Also finds tasks whose due date passed (one "due" notification per
 * task and person, by the outbox's key) and, once a day at the digest time, gathers the notifications held for
 * people with many open tasks into one digest each. Logs outbox ids and counts, never a person.
 */
public final class NotificationDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationDispatcher.class);

    /** How far back the first due-date scan looks (later ones from the previous scan on). */
    static final Duration FIRST_DUE_SCAN = Duration.ofDays(7);

    private static final int BATCH = 200;

    /** At most this many new tasks announced in one round (a backlog after an outage); the outbox keeps each once. */
    private static final int CREATED_BACKLOG = 10_000;

    /**
     * @param digestThreshold people with at least this many open tasks get a daily digest instead
     * @param digestTime      when the daily digest goes out, in {@code zone}
     */
    public record Settings(int digestThreshold, LocalTime digestTime, ZoneId zone) {}

    private final Outbox outbox;
    private final Jdbc jdbc;
    private final TaskNotifier notifier;
    private final OpenTasks tasks;
    private final LmsPort lms;
    private final HcmPort hcm;
    private final MailChannel mail;
    private final NotificationTemplates templates;
    private final Clock clock;
    private final Settings settings;
    private final Supplier<String> publicUrl;
    private Instant dueScannedUpTo;
    private Instant createdScannedUpTo;

    public NotificationDispatcher(
            Outbox outbox,
            DataSource dataSource,
            TaskNotifier notifier,
            OpenTasks tasks,
            LmsPort lms,
            HcmPort hcm,
            MailChannel mail,
            NotificationTemplates templates,
            Clock clock,
            Settings settings,
            Supplier<String> publicUrl) {
        this.outbox = outbox;
        this.jdbc = new Jdbc(dataSource);
        this.notifier = notifier;
        this.tasks = tasks;
        this.lms = lms;
        this.hcm = hcm;
        this.mail = mail;
        this.templates = templates;
        this.clock = clock;
        this.settings = settings;
        this.publicUrl = publicUrl;
    }

    /** One round: new tasks an external engine created, due dates, the daily digest, then sending. */
    public synchronized void runOnce() {
        scanCreated();
        scanDue();
        gatherDigests();
        int sent = 0;
        for (Outbox.Entry entry : outbox.inState(Outbox.PENDING, BATCH)) {
            if (dispatch(entry)) {
                sent++;
            }
        }
        if (sent > 0) {
            LOG.info("Sent {} notification(s)", sent);
        }
    }

    /** An external engine's new tasks only (notifications off: its notifier tells nobody, the tasks are routed). */
    public synchronized void takeInNewTasks() {
        scanCreated();
    }

    /** An external engine's new tasks (the embedded engine announced its own as it created them): once each. */
    private void scanCreated() {
        createdScannedUpTo = scan(createdScannedUpTo, (from, to) -> tasks.takeInNew(from, to, CREATED_BACKLOG));
    }

    private void scanDue() {
        dueScannedUpTo = scan(dueScannedUpTo, (from, to) -> tasks.dueBetween(from, to, BATCH));
    }

    /**
     * Puts what the engine reports for the window since the last scan (a minute of overlap; after a restart, the
     * last week) into the outbox, which keeps one per task, kind and person; returns where this scan ended.
     */
    private Instant scan(Instant scannedUpTo, java.util.function.BiFunction<Instant, Instant, List<TaskNotice>> found) {
        Instant now = clock.instant();
        Instant from = scannedUpTo == null ? now.minus(FIRST_DUE_SCAN) : scannedUpTo.minusSeconds(60);
        for (TaskNotice notice : found.apply(from, now)) {
            jdbc.inTransaction(c -> {
                notifier.notice(notice, c);
                return null;
            });
        }
        return now;
    }

    private void gatherDigests() {
        ZonedDateTime now = clock.instant().atZone(settings.zone());
        LocalDate day = now.toLocalDate();
        if (now.toLocalTime().isBefore(settings.digestTime())) {
            return;
        }
        for (String person : outbox.holding()) {
            // one digest per person and day: what is held after today's went out waits for tomorrow's
            outbox.gather(person, Outbox.DIGEST + ":" + person + ":" + day, clock.instant());
        }
    }

    /** @return whether the notification went out now */
    private boolean dispatch(Outbox.Entry entry) {
        Optional<NotificationTemplates.Rendered> message;
        if (Outbox.DIGEST.equals(entry.kind())) {
            message = digest(entry);
        } else {
            if (!tasks.open(entry.taskId())) {
                outbox.state(entry.id(), Outbox.SKIPPED, null);
                return false;
            }
            if (entry.lmsState() == null
                    && entry.mailState() == null
                    && tasks.countFor(entry.recipient()) >= settings.digestThreshold()) {
                outbox.state(entry.id(), Outbox.HELD, null);
                return false;
            }
            message = Optional.of(templates.render("task-" + entry.kind(), values(entry)));
        }
        if (message.isEmpty()) {
            outbox.state(entry.id(), Outbox.SKIPPED, null);
            return false;
        }
        String lmsState = entry.lmsState();
        if (lmsState == null || lmsState.equals("attempted")) {
            lmsState = moodle(entry, message.get().text());
        }
        String mailState = entry.mailState();
        if (mailState == null || mailState.equals("attempted")) {
            mailState = email(entry, message.get());
        }
        if (settled(lmsState) && settled(mailState)) {
            outbox.state(entry.id(), Outbox.SENT, clock.instant());
            return true;
        }
        return false;
    }

    private static boolean settled(String state) {
        return state != null && !state.equals("attempted");
    }

    /** The digest's message listing the tasks it gathered that are still open; empty when none is. */
    private Optional<NotificationTemplates.Rendered> digest(Outbox.Entry digest) {
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        int count = 0;
        for (Outbox.Entry item : outbox.ofDigest(digest.id())) {
            if (!tasks.open(item.taskId())) {
                continue;
            }
            Map<String, Object> values = values(item);
            values.put("reason", item.kind());
            NotificationTemplates.Rendered line = templates.render("digest-item", values);
            text.append(line.text()).append('\n');
            html.append(line.html() == null ? "" : line.html()).append('\n');
            count++;
        }
        if (count == 0) {
            return Optional.empty();
        }
        Map<String, Object> values = new HashMap<>();
        values.put("count", count);
        values.put("inbox", base() + "/inbox");
        return Optional.of(templates.render(
                "digest",
                values,
                Map.of(
                        "tasks",
                        new NotificationTemplates.Rendered(
                                "", text.toString().strip(), html.toString().strip()))));
    }

    private Map<String, Object> values(Outbox.Entry entry) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("taskName", entry.taskName());
        values.put("learner", entry.learner());
        values.put("requestId", entry.requestId());
        values.put("link", base() + "/tasks/" + entry.taskId());
        values.put("inbox", base() + "/inbox");
        return values;
    }

    private String base() {
        String url = publicUrl.get();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /**
     * The Moodle message, asked about first when an earlier run was stopped during the call: by client id (the sample
     * LMS), or, for an LMS that keeps none (Moodle), by the same text to the same person since the notification was
     * written (asking by client id alone, a crash during the call sent a Moodle message twice).
     */
    private String moodle(Outbox.Entry entry, String text) {
        String clientMsgId = "trainflow-n-" + entry.id().replace("-", "");
        try {
            if ("attempted".equals(entry.lmsState())) {
                Optional<MessageReceipt> earlier =
                        lms.sentMessage(entry.recipient(), clientMsgId, text, entry.createdAt());
                if (earlier.isPresent()) {
                    outbox.channel(entry.id(), "lms", "sent");
                    return "sent";
                }
            }
            outbox.channel(entry.id(), "lms", "attempted");
            MessageReceipt receipt = lms.sendMessage(entry.recipient(), text, clientMsgId);
            String state = receipt.sent() ? "sent" : "refused";
            if (!receipt.sent()) {
                LOG.warn("The LMS did not deliver notification {} (the person may have no LMS account)", entry.id());
            }
            outbox.channel(entry.id(), "lms", state);
            return state;
        } catch (PortBusinessException refused) {
            LOG.warn("The LMS refused notification {}: {}", entry.id(), refused.systemCode());
            outbox.channel(entry.id(), "lms", "refused");
            return "refused";
        } catch (PortUnavailableException down) {
            LOG.info("LMS unavailable; notification {} is sent on a later run", entry.id());
            return "attempted";
        }
    }

    /** The e-mail, to the address the HCM holds; off without a mail server or an address. */
    private String email(Outbox.Entry entry, NotificationTemplates.Rendered message) {
        Optional<String> address = mail.on() ? address(entry.recipient()) : Optional.empty();
        if (address.isEmpty()) {
            outbox.channel(entry.id(), "mail", "off");
            return "off";
        }
        outbox.channel(entry.id(), "mail", "attempted");
        try {
            mail.send(entry.id(), address.get(), message);
            outbox.channel(entry.id(), "mail", "sent");
            return "sent";
        } catch (jakarta.mail.MessagingException | org.springframework.mail.MailException failed) {
            // the server or the network: sent again, with the same Message-ID, on a later run
            LOG.info(
                    "E-mail of notification {} not sent yet: {}",
                    entry.id(),
                    failed.getClass().getSimpleName());
            return "attempted";
        }
    }

    private Optional<String> address(String username) {
        try {
            return hcm.employeeByUsername(username).map(Employee::email).filter(e -> !e.isBlank());
        } catch (PortBusinessException | PortUnavailableException unknown) {
            return Optional.empty();
        }
    }
}
