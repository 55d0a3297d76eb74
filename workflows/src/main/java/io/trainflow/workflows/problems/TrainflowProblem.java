package io.trainflow.workflows.problems;

import java.util.Map;

/**
 * A refusal Trainflow explains to the caller: what is wrong and where (a field, a value), never an
 * internal class. The REST face turns each kind into one HTTP status in one place; anything else that
 * escapes is a programming error.
 */
public abstract class TrainflowProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Map<String, String> fields;

    protected TrainflowProblem(String message, Map<String, String> fields) {
        super(message, null, false, false); // a refusal, not a failure: no stack trace to log or leak
        this.fields = fields == null ? Map.of() : Map.copyOf(fields);
    }

    /** What is wrong with each field, by its name in the request (JSON field, form key); may be empty. */
    public Map<String, String> fields() {
        return fields;
    }

    /** The caller may not do this, and may know that the thing exists. */
    public static final class Forbidden extends TrainflowProblem {
        private static final long serialVersionUID = 1L;

        public Forbidden(String message) {
            super(message, Map.of());
        }
    }

    /** No such thing for this caller: unknown, or one they may not see (the two answers are the same). */
    public static final class NotFound extends TrainflowProblem {
        private static final long serialVersionUID = 1L;

        public NotFound(String message) {
            super(message, Map.of());
        }
    }

    /** The input is wrong; {@link #fields()} names each wrong field. */
    public static class InvalidInput extends TrainflowProblem {
        private static final long serialVersionUID = 1L;

        public InvalidInput(String field, String problem) {
            super(field + ": " + problem, Map.of(field, problem));
        }

        public InvalidInput(String message, Map<String, String> fields) {
            super(message, fields);
        }
    }

    /** Someone else changed it first (e.g. completed the task a moment ago). */
    public static final class Conflict extends TrainflowProblem {
        private static final long serialVersionUID = 1L;

        public Conflict(String message) {
            super(message, Map.of());
        }

        /** A conflict with what is there already, named per field (e.g. a course another open request holds). */
        public Conflict(String message, Map<String, String> fields) {
            super(message, fields);
        }
    }

    /** Something the request needs cannot answer now (e.g. a task listener failed): nothing changed, try again later. */
    public static final class Unavailable extends TrainflowProblem {
        private static final long serialVersionUID = 1L;

        public Unavailable(String message) {
            super(message, Map.of());
        }
    }
}
