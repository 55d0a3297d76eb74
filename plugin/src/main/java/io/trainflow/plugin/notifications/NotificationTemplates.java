package io.trainflow.plugin.notifications;

import io.trainflow.workflows.notify.MessageTemplates;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The texts of task notifications, from files a process owner edits ({@code notifications/} beside {@code bpmn/}):
 * first from the configured folder, then from the jar; {@code name_<language>} before {@code name} (English), as
 * message bundles do. A {@code .txt} file's first line {@code Subject: ...} is the e-mail's subject.
 */
public final class NotificationTemplates {

    /** A rendered notification: subject, plain text (Moodle message and e-mail), HTML (e-mail; may be null). */
    public record Rendered(String subject, String text, String html) {}

    private static final String SUBJECT = "Subject:";

    private final Path folder;
    private final String language;

    public NotificationTemplates(Path folder, String language) {
        this.folder = folder;
        this.language = language == null || language.isBlank() ? "en" : language.strip();
    }

    /** Renders template {@code name} ({@code task-created}, {@code digest}, ...) with these values. */
    public Rendered render(String name, Map<String, ?> values) {
        return render(name, values, Map.of());
    }

    /**
     * The same, with parts already rendered per format (the digest's list of tasks: {@code raw} per key, text and HTML),
     * put in after the values were filled in.
     */
    public Rendered render(String name, Map<String, ?> given, Map<String, Rendered> raw) {
        java.util.Map<String, Object> values = new java.util.HashMap<>(given);
        raw.keySet().forEach(key -> values.put(key, token(key)));
        String text = file(name, "txt")
                .orElseThrow(() -> new IllegalStateException(
                        "No notification template " + name + ".txt in " + folder + " nor in the jar"));
        String subject = "";
        if (text.startsWith(SUBJECT)) {
            int end = text.indexOf('\n');
            subject = MessageTemplates.fill(text.substring(SUBJECT.length(), end < 0 ? text.length() : end), values);
            text = end < 0 ? "" : text.substring(end + 1);
        }
        String plain = put(MessageTemplates.fill(text, values), raw, Rendered::text);
        String html = file(name, "html")
                .map(h -> put(MessageTemplates.fill(h, escaped(values)), raw, Rendered::html))
                .orElse(null);
        return new Rendered(subject.strip(), plain, html);
    }

    private static String put(
            String text, Map<String, Rendered> raw, java.util.function.Function<Rendered, String> part) {
        String out = text;
        for (var entry : raw.entrySet()) {
            String value = part.apply(entry.getValue());
            out = out.replace(token(entry.getKey()), value == null ? "" : value);
        }
        return out;
    }

    /** Stands for a raw part while the values are filled in. */
    private static String token(String key) {
        return "@@raw-" + key + "@@";
    }

    private Optional<String> file(String name, String extension) {
        for (String candidate : new String[] {name + "_" + language + "." + extension, name + "." + extension}) {
            Path own = folder == null ? null : folder.resolve(candidate);
            try {
                if (own != null && Files.isRegularFile(own)) {
                    return Optional.of(Files.readString(own, StandardCharsets.UTF_8));
                }
                try (InputStream in = NotificationTemplates.class.getResourceAsStream("/notifications/" + candidate)) {
                    if (in != null) {
                        return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read notification template " + candidate, e);
            }
        }
        return Optional.empty();
    }

    /** Values as HTML text: a name or task title is never markup. */
    static Map<String, String> escaped(Map<String, ?> values) {
        UnaryOperator<String> escape = s -> s.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v == null ? null : escape.apply(String.valueOf(v))));
        return out;
    }
}
