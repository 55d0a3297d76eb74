package io.trainflow.connectors.moodle.error;

/**
 * Moodle answered, and the answer is "no": HTTP 200 with {@code exception}/{@code errorcode}, or the
 * 403 of a site with web services disabled. Retrying cannot help, so the routes never retry these;
 * the engine surfaces {@link #bpmnErrorCode()} to the process as a BPMN error.
 * The subclasses are the error codes recorded from a real Moodle 4.5 (see fixtures INDEX.md).
 */
public class MoodleBusinessException extends RuntimeException {

    private final String errorCode;

    public MoodleBusinessException(String errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    /** Moodle's errorcode (or, for PHP errors without one, the exception class). */
    public String errorCode() {
        return errorCode;
    }

    /** Stable code for BPMN error boundary events. */
    public String bpmnErrorCode() {
        return "MOODLE_" + getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase();
    }

    /** Maps Moodle's errorcode to the typed error; unknown codes stay a plain business error. */
    public static MoodleBusinessException of(String errorCode, String exception, String message) {
        String code = errorCode != null ? errorCode : String.valueOf(exception);
        return switch (code) {
            case "invalidtoken" -> new InvalidToken(code, message);
            // required_capability_exception; the limited token gets requireloginerror or
            // errorcoursecontextnotvalid for the same lack of rights
            case "nopermissions", "requireloginerror", "errorcoursecontextnotvalid" -> new MissingCapability(code, message);
            case "accessexception" -> new FunctionNotInService(code, message);
            case "invalidrecord" -> new NoSuchRecord(code, message);
            case "usernotenroled" -> new UserNotEnrolled(code, message);
            case "nocriteriaset" -> new NoCompletionCriteria(code, message);
            case "invalidparameter" -> new InvalidParameter(code, message);
            default -> new MoodleBusinessException(code, message);
        };
    }

    public static final class InvalidToken extends MoodleBusinessException {
        public InvalidToken(String c, String m) { super(c, m); }
    }

    public static final class MissingCapability extends MoodleBusinessException {
        public MissingCapability(String c, String m) { super(c, m); }
    }

    /** The function is not part of the external service the token belongs to. */
    public static final class FunctionNotInService extends MoodleBusinessException {
        public FunctionNotInService(String c, String m) { super(c, m); }
    }

    /** No such course (or other record); Moodle reports unknown ids this way. */
    public static final class NoSuchRecord extends MoodleBusinessException {
        public NoSuchRecord(String c, String m) { super(c, m); }
    }

    public static final class UserNotEnrolled extends MoodleBusinessException {
        public UserNotEnrolled(String c, String m) { super(c, m); }
    }

    public static final class NoCompletionCriteria extends MoodleBusinessException {
        public NoCompletionCriteria(String c, String m) { super(c, m); }
    }

    /** Moodle rejected a parameter; for enrolment this is also how an unknown course is reported. */
    public static final class InvalidParameter extends MoodleBusinessException {
        public InvalidParameter(String c, String m) { super(c, m); }
    }

    /** HTTP 403 with an empty body: the site administrator has web services switched off. */
    public static final class WebServicesDisabled extends MoodleBusinessException {
        public WebServicesDisabled() { super("webservicesdisabled", "Web services are disabled on the Moodle site"); }
    }
}
