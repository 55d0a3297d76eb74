package io.trainflow.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.plugin.notifications.MailText;
import io.trainflow.plugin.notifications.NotificationDispatcher;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Notifications with a link, end to end in the running application: Adam asks for training; his manager Isabelle is on
 * leave and Thomas decides in her place (the sample organisation's delegation), so Thomas gets an e-mail (caught by
 * the test's SMTP server) whose link opens the approval for him, and for nobody else; Adam, who asked, is not told
 * about his own approval; the e-mail goes out once, however often the dispatcher runs.
 */
class TaskNotificationsTest extends RunningTrainflow {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>]+/tasks/[A-Za-z0-9-]+");

    @Autowired
    NotificationDispatcher dispatcher;

    @Test
    void theApproverIsEmailedALinkThatOpensTheTaskForHimAlone() throws Exception {
        // a course by name: a campaign's request for Adam may hold his gap's course (one open request per course)
        Api.Response started =
                as("adam.david").post("/api/requests", "{\"employeeId\": \"1030\", \"requestedCourseIds\": [\"112\"]}");
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String request = (String) started.object().get("businessKey");
        String taskId =
                (String) as("thomas.rousseau").awaitTask(request, "approve").get("id");

        MimeMessage mail = awaitMail("thomas.rousseau@acme.example", "/tasks/" + taskId);
        assertThat(mail.getSubject()).contains("Approve training request").contains("Adam David");
        assertThat(mail.getHeader("Message-ID")[0]).startsWith("<notification-");
        Matcher link = LINK.matcher(MailText.of(mail));
        assertThat(link.find()).as("a link in " + MailText.of(mail)).isTrue();
        URI uri = URI.create(link.group());
        assertThat(uri.getPort()).isEqualTo(port);
        assertThat(uri.getPath()).isEqualTo("/tasks/" + taskId);

        // the link opens the task page, and the task on it, for Thomas
        Api thomas = as("thomas.rousseau");
        Api.Response page = thomas.get(uri.getPath());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("/assets/task.js");
        assertThat(thomas.get("/api/tasks/" + taskId).object()).containsEntry("requestId", request);
        // for nobody else: not Adam who asked, not a colleague of Thomas, not Isabelle while Thomas stands in for her
        for (String other : List.of("adam.david", "zoe.vincent", "isabelle.fontaine")) {
            assertThat(as(other).get(uri.getPath()).status())
                    .as(other + "'s page")
                    .isEqualTo(404);
            assertThat(as(other).get("/api/tasks/" + taskId).status()).as(other).isEqualTo(404);
        }
        assertThat(mailsTo("adam.david@acme.example", taskId))
                .as("the requester is not told of his own approval")
                .isEmpty();

        // once: further runs of the dispatcher (and the scheduled ones meanwhile) send nothing again
        dispatcher.runOnce();
        dispatcher.runOnce();
        assertThat(mailsTo("thomas.rousseau@acme.example", taskId)).hasSize(1);

        assertThat(thomas.post(
                                "/api/tasks/" + taskId + "/complete",
                                "{\"variables\": {\"decision\": \"reject\"," + " \"comment\": \"not this quarter\"}}")
                        .status())
                .isEqualTo(204);
    }

    private static MimeMessage awaitMail(String to, String containing) throws Exception {
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            List<MimeMessage> found = mailsTo(to, containing.substring(containing.lastIndexOf('/') + 1));
            if (!found.isEmpty()) {
                return found.get(0);
            }
            MAIL.waitForIncomingEmail(2_000, MAIL.getReceivedMessages().length + 1);
        }
        throw new AssertionError("No e-mail to " + to + " containing " + containing + " within 90 s");
    }

    private static List<MimeMessage> mailsTo(String to, String taskId) throws Exception {
        List<MimeMessage> found = new java.util.ArrayList<>();
        for (MimeMessage message : MAIL.getReceivedMessages()) {
            boolean addressed = Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().contains(to));
            if (addressed && MailText.of(message).contains("/tasks/" + taskId)) {
                found.add(message);
            }
        }
        return found;
    }
}
