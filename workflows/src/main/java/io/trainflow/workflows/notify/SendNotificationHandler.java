package io.trainflow.workflows.notify;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.trainflow.connectors.lms.LmsPort;
import io.trainflow.connectors.lms.MessageReceipt;
import io.trainflow.workflows.api.Doc;
import io.trainflow.workflows.api.StepHandler;
import io.trainflow.workflows.api.TaskType;
import java.util.Map;
import java.util.UUID;

@TaskType(value = "send-notification", name = "Send LMS message",
        description = "Renders a short message from a template and sends it to the person as an LMS instant message."
                + " A message the LMS does not deliver is retried.")
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
        MessageReceipt receipt = lms.sendMessage(input.recipient(), text, "trainflow-" + UUID.randomUUID());
        if (!receipt.sent()) {
            // Moodle reports per-message failure as msgid -1: a technical failure, retried by the engine
            throw new IllegalStateException("The LMS did not deliver the message to " + input.recipient() + ": "
                    + receipt.errorMessage());
        }
        return new Output(String.valueOf(receipt.msgId()));
    }
}
