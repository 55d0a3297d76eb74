package io.trainflow.workflows.notify;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.trainflow.connectors.error.PortBusinessException;
import io.trainflow.connectors.lms.LmsPort;
import io.trainflow.connectors.lms.MessageReceipt;
import io.trainflow.workflows.api.Doc;
import io.trainflow.workflows.api.StepContext;
import io.trainflow.workflows.api.StepHandler;
import io.trainflow.workflows.api.TaskType;
import jakarta.validation.constraints.NotBlank;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@TaskType(
        value = "send-notification",
        name = "Send LMS message",
        description = "Renders a short message from a template and sends it to the person as an LMS instant message."
                + " A message the LMS refuses is an incident for the administrator (not retried). Sent once per step:"
                + " a re-run after a crash does not send it again.")
public final class SendNotificationHandler
        implements StepHandler<SendNotificationHandler.Input, SendNotificationHandler.Output> {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Input(
            @Doc("Username of the person to tell; nothing is sent when empty")
            String recipient,

            @Doc("enrolled, not-enrolled, reminder, escalated, nudge, rejected, changes-requested, deadline-missed,"
                    + " follow-up, report-ready, already-requested, no-session")
            @NotBlank
            String template,

            @Doc(
                    value = "Values the template may use: sessions (named by the titles of a learningPath passed"
                            + " along), courses, trainingDeadline, requestId, learner, reason, comment, inactiveDays, percent,"
                            + " day, programmeId, heldIn",
                    optional = true)
            Map<String, Object> data) {}

    public record Output(
            @Doc(value = "LMS message id; null when there was nobody to send to", optional = true)
            String notificationId) {}

    private final LmsPort lms;

    public SendNotificationHandler(LmsPort lms) {
        this.lms = lms;
    }

    @Override
    public Output handle(Input input) {
        String text = MessageTemplates.render(input.template(), titled(input.data()));
        if (input.recipient() == null || input.recipient().isBlank()) {
            // e.g. a learner without a manager: nobody to tell is not a reason to stop the process
            return new Output(null);
        }
        // the LMS cannot deduplicate messages: the intent is recorded before the call, the message id after it;
        // a re-run with only the intent asks the LMS for this text sent since the intent (Moodle: by listing)
        StepContext step = StepContext.current();
        String msgId = step.once(
                "message",
                key -> lms.sentMessage(
                                input.recipient(),
                                clientMsgId(key),
                                text,
                                step.intentRecordedAt("message").orElse(null))
                        .map(r -> String.valueOf(r.msgId())),
                key -> send(input.recipient(), text, clientMsgId(key)));
        return new Output(msgId);
    }

    private String send(String recipient, String text, String clientMsgId) {
        MessageReceipt receipt = lms.sendMessage(recipient, text, clientMsgId);
        if (!receipt.sent()) {
            // the LMS answered and a resend gets the same answer: the administrator's, not a retry's
            throw new PortBusinessException(
                    "LMS",
                    "messagenotsent",
                    PortBusinessException.Kind.CONFIGURATION,
                    "The LMS did not deliver the message to " + recipient + ": " + receipt.errorMessage());
        }
        return String.valueOf(receipt.msgId());
    }

    /** Moodle's clientmsgid allows letters, digits, '-' and '_': a digest of the step's effect key. */
    static String clientMsgId(String effectKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(effectKey.getBytes(StandardCharsets.UTF_8));
            return "trainflow-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sessions named by their course's title: the process's sessions carry course ids only, so a title is taken
     * from the {@code learningPath} passed along ({@code {sessions}} then reads "Python for Automation, session …").
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> titled(Map<String, Object> data) {
        if (data == null
                || !(data.get("sessions") instanceof List<?> sessions)
                || !(data.get("learningPath") instanceof List<?> path)) {
            return data;
        }
        Map<Object, Object> titles = new HashMap<>();
        path.forEach(c -> {
            if (c instanceof Map<?, ?> course && course.get("courseId") != null && course.get("title") != null) {
                titles.put(String.valueOf(course.get("courseId")), course.get("title"));
            }
        });
        List<Object> named = new ArrayList<>();
        for (Object s : sessions) {
            if (s instanceof Map<?, ?> session
                    && !session.containsKey("title")
                    && titles.containsKey(String.valueOf(session.get("courseId")))) {
                Map<Object, Object> copy = new LinkedHashMap<>((Map<Object, Object>) session);
                copy.put("title", titles.get(String.valueOf(session.get("courseId"))));
                named.add(copy);
            } else {
                named.add(s);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>(data);
        out.put("sessions", named);
        return out;
    }
}
