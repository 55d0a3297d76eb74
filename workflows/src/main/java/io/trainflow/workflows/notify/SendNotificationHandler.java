package io.trainflow.workflows.notify;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.trainflow.connectors.lms.LmsPort;
import io.trainflow.connectors.lms.MessageReceipt;
import io.trainflow.workflows.api.Doc;
import io.trainflow.workflows.api.StepHandler;
import io.trainflow.workflows.api.TaskType;
import io.trainflow.connectors.error.PortBusinessException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@TaskType(value = "send-notification", name = "Send LMS message",
        description = "Renders a short message from a template and sends it to the person as an LMS instant message."
                + " A message the LMS refuses is an incident for the administrator (not retried).")
public final class SendNotificationHandler
        implements StepHandler<SendNotificationHandler.Input, SendNotificationHandler.Output> {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Input(
            @Doc("Username of the person to tell; nothing is sent when empty") String recipient,
            @Doc("enrolled, not-enrolled, reminder, escalated, nudge, rejected, changes-requested, deadline-missed,"
                    + " follow-up, report-ready") String template,
            @Doc(value = "Values the template may use: sessions (named by the titles of a learningPath passed"
                    + " along), courses, trainingDeadline, requestId, learner, reason, comment, inactiveDays, percent,"
                    + " day, programmeId", optional = true) Map<String, Object> data) {
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
        String text = MessageTemplates.render(input.template(), titled(input.data()));
        if (input.recipient() == null || input.recipient().isBlank()) {
            // e.g. a learner without a manager: nobody to tell is not a reason to stop the process
            return new Output(null);
        }
        MessageReceipt receipt = lms.sendMessage(input.recipient(), text, "trainflow-" + UUID.randomUUID());
        if (!receipt.sent()) {
            // the LMS answered and a resend gets the same answer: the administrator's, not a retry's
            throw new PortBusinessException("LMS", "messagenotsent", PortBusinessException.Kind.CONFIGURATION,
                    "The LMS did not deliver the message to " + input.recipient() + ": " + receipt.errorMessage());
        }
        return new Output(String.valueOf(receipt.msgId()));
    }

    /**
     * Sessions named by their course's title: the process's sessions carry course ids only, so a title is taken
     * from the {@code learningPath} passed along ({@code {sessions}} then reads "Python for Automation, session …").
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> titled(Map<String, Object> data) {
        if (data == null || !(data.get("sessions") instanceof List<?> sessions) || !(data.get("learningPath") instanceof List<?> path)) {
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
            if (s instanceof Map<?, ?> session && !session.containsKey("title")
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
