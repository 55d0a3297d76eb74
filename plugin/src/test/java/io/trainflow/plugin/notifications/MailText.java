package io.trainflow.plugin.notifications;

import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** The plain-text part of an e-mail, decoded. */
public final class MailText {

    private MailText() {}

    public static String of(Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof String s) {
            return part.isMimeType("text/plain") ? s : "";
        }
        StringBuilder text = new StringBuilder();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(of(multipart.getBodyPart(i)));
            }
        }
        return text.toString();
    }
}
