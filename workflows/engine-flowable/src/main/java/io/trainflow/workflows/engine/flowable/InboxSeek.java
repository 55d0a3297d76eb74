package io.trainflow.workflows.engine.flowable;

import io.trainflow.workflows.problems.TrainflowProblem;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;

/**
 * Where a page of the inbox ends, as the inbox order sees a task: due date (none last), priority (highest first),
 * creation time, id. The next page starts after it ({@link InboxQuery}), so tasks created or completed between two
 * pages neither shift a task onto a page already read nor push one past the reader. Given to clients as an opaque
 * cursor ({@link #cursor}); a changed or foreign cursor is refused with the parameter named.
 */
record InboxSeek(Instant due, int priority, Instant created, String id) {

    private static final String VERSION = "1";

    static InboxSeek of(Timestamp due, int priority, Timestamp created, String id) {
        return new InboxSeek(
                due == null ? null : due.toInstant(),
                priority,
                created == null ? Instant.EPOCH : created.toInstant(),
                id);
    }

    String cursor() {
        String text = String.join(
                "|", VERSION, due == null ? "" : due.toString(), String.valueOf(priority), created.toString(), id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static InboxSeek parse(String cursor, String parameter) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 5);
            if (parts.length != 5 || !VERSION.equals(parts[0]) || parts[4].isEmpty()) {
                throw new IllegalArgumentException("not a cursor of this inbox");
            }
            return new InboxSeek(
                    parts[1].isEmpty() ? null : Instant.parse(parts[1]),
                    Integer.parseInt(parts[2]),
                    Instant.parse(parts[3]),
                    parts[4]);
        } catch (RuntimeException e) {
            throw new TrainflowProblem.InvalidInput(
                    parameter, "is not a cursor this inbox gave out (use the Link header's next page as it is)");
        }
    }
}
