package io.trainflow.plugin.notifications;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * E-mail through any SMTP server, configured from the environment (README, Notifications); off when no host is set.
 * Each message carries a Message-ID made from its outbox id: SMTP cannot be asked whether a message went out, so a
 * message resent after a crash mid-call has the same Message-ID, and mail systems see it as the same message.
 */
public final class MailChannel {

    private final JavaMailSenderImpl sender;
    private final String from;
    private final String domain;

    private MailChannel(JavaMailSenderImpl sender, String from) {
        this.sender = sender;
        this.from = from;
        this.domain = from != null && from.contains("@")
                ? from.substring(from.lastIndexOf('@') + 1).replace(">", "").strip()
                : "trainflow";
    }

    public static MailChannel off() {
        return new MailChannel(null, null);
    }

    /**
     * @param starttls upgrade to TLS when the server offers it ({@code required}: refuse to send otherwise)
     */
    public static MailChannel smtp(
            String host, int port, String username, String password, String from, String starttls) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(host.strip());
        sender.setPort(port);
        if (username != null && !username.isBlank()) {
            sender.setUsername(username);
            sender.setPassword(password);
        }
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        Properties properties = sender.getJavaMailProperties();
        properties.put("mail.smtp.auth", String.valueOf(username != null && !username.isBlank()));
        properties.put("mail.smtp.starttls.enable", String.valueOf(!"false".equalsIgnoreCase(starttls)));
        properties.put("mail.smtp.starttls.required", String.valueOf("required".equalsIgnoreCase(starttls)));
        // a slow server holds up one dispatcher run, never an approver's request
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "20000");
        properties.put("mail.smtp.writetimeout", "20000");
        return new MailChannel(sender, from);
    }

    public boolean on() {
        return sender != null;
    }

    /** Sends one message; a failure (server down, address refused) is the caller's to record. */
    public void send(String id, String to, NotificationTemplates.Rendered message) throws MessagingException {
        String messageId = "<notification-" + id + "@" + domain + ">";
        MimeMessage mime = new MimeMessage(sender.getSession()) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        MimeMessageHelper helper = new MimeMessageHelper(mime, message.html() != null, StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(to);
        helper.setSubject(message.subject());
        if (message.html() != null) {
            helper.setText(message.text(), message.html());
        } else {
            helper.setText(message.text());
        }
        sender.send(mime);
    }
}
