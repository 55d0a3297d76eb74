package io.trainflow.workflows.notify;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.trainflow.connectors.lms.LmsPort;
import io.trainflow.connectors.lms.MessageReceipt;
import io.trainflow.workflows.api.Doc;
import io.trainflow.workflows.api.StepHandler;
import io.trainflow.workflows.api.TaskType;
import io.trainflow.workflows.api.StepContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

@TaskType(value = "send-notification", name = "Send LMS message",
        description = "Renders a short message from a template and sends it to the person as an LMS instant message."
                + " A message the LMS does not deliver is retried. Sent once per step: a re-run after a crash does not"
                + " send it again.")
public final class SendNotificationHandler
        implements StepHandler<SendNotificationHandler.Input, SendNotificationHandler.Output> {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Input(
            @Doc("Username of the person to tell; nothing is sent when empty") String recipient,
            @Doc("enrolled, reminder, escalated, nudge, rejected, changes-requested, deadline-missed, follow-up,"
                    + " report-ready") String template,
            @Doc(value = "Values the template may use: courses, trainingDeadline, requestId, learner, comment,"
                    + " inactiveDays, percent, day, programmeId", optional = true) Map<String, Object> data) {
    }

    public record Output(
            @Doc(value = "LMS message id; null when there was nobody to send to", optional = true) String notificationId) {
    }

    private final LmsPort lms;

    public SendNotificationHandler(LmsPort lms) {
        this.lms = lms;
    }

    @Override
    public Output handle(Input input) {
        String text = MessageTemplates.render(input.template(), input.data());
        if (input.recipient() == null || input.recipient().isBlank()) {
            // e.g. a learner without a manager: nobody to tell is not a reason to stop the process
            return new Output(null);
        }
        // the LMS cannot deduplicate messages: the intent is recorded before the call, the message id after it
        String msgId = StepContext.current().once("message",
                key -> lms.sentMessage(input.recipient(), clientMsgId(key)).map(r -> String.valueOf(r.msgId())),
                key -> send(input.recipient(), text, clientMsgId(key)));
        return new Output(msgId);
    }

    private String send(String recipient, String text, String clientMsgId) {
        MessageReceipt receipt = lms.sendMessage(recipient, text, clientMsgId);
        if (!receipt.sent()) {
            // Moodle reports per-message failure as msgid -1: a technical failure, retried by the engine
            throw new IllegalStateException("The LMS did not deliver the message to " + recipient + ": "
                    + receipt.errorMessage());
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
}
