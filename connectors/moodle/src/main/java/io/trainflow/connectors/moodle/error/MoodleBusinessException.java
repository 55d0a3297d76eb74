package io.trainflow.connectors.moodle.error;

import io.trainflow.connectors.error.PortBusinessException;

/**
 * Moodle answered, and the answer is "no": HTTP 200 with {@code exception}/{@code errorcode}, or the
 * 403 of a site with web services disabled. Retrying cannot help, so neither the routes nor the step
 * retry these: a {@link Kind#CONFIGURATION configuration} failure (a capability, the token, the
 * service) becomes an incident naming Moodle's errorcode and what to fix; a {@link Kind#REFUSED refusal}
 * reaches the process as the BPMN error {@link #bpmnErrorCode()}.
 * The subclasses are the error codes recorded from a real Moodle 4.5 (see fixtures INDEX.md).
 */
public class MoodleBusinessException extends PortBusinessException {

    private final String said;

    public MoodleBusinessException(String errorCode, String message) {
        this(errorCode, Kind.REFUSED, message);
    }

    protected MoodleBusinessException(String errorCode, Kind kind, String message) {
        this(errorCode, kind, message, "");
    }

    /** @param hint what the administrator does about it, appended to Moodle's words */
    protected MoodleBusinessException(String errorCode, Kind kind, String said, String hint) {
        super("Moodle", errorCode, kind, said + hint);
        this.said = said;
    }

    /** Moodle's own words (prefixed with the function), without Trainflow's hint. */
    public String said() {
        return said;
    }

    /** Moodle's errorcode (or, for PHP errors without one, the exception class). */
    public String errorCode() {
        return systemCode();
    }

    /** Maps Moodle's errorcode to the typed error; unknown codes stay a plain refusal. */
    public static MoodleBusinessException of(String errorCode, String exception, String message) {
        String code = errorCode != null ? errorCode : String.valueOf(exception);
        return switch (code) {
            case "invalidtoken" -> new InvalidToken(code, message);
            // required_capability_exception; the limited token gets requireloginerror or
            // errorcoursecontextnotvalid for the same lack of rights; wsusercannotassign is
            // enrol_manual_enrol_users without moodle/role:assign or the allowed assignment of the student role
            case "nopermissions", "requireloginerror", "errorcoursecontextnotvalid", "wsusercannotassign" ->
                new MissingCapability(code, message);
            case "accessexception" -> new FunctionNotInService(code, message);
            case "invalidrecord" -> new NoSuchRecord(code, message);
            case "usernotenroled" -> new UserNotEnrolled(code, message);
            case "nocriteriaset" -> new NoCompletionCriteria(code, message);
            case "invalidparameter" -> new InvalidParameter(code, message);
            default -> new MoodleBusinessException(code, message);
        };
    }

    public static final class InvalidToken extends MoodleBusinessException {
        public InvalidToken(String c, String m) {
            super(
                    c,
                    Kind.CONFIGURATION,
                    m + " (check TRAINFLOW_MOODLE_TOKEN: Site administration > Server >"
                            + " Web services > Manage tokens)");
        }
    }

    public static final class MissingCapability extends MoodleBusinessException {
        public MissingCapability(String c, String m) {
            super(c, Kind.CONFIGURATION, m, MoodleCapabilities.hint(m));
        }
    }

    /** The function is not part of the external service the token belongs to. */
    public static final class FunctionNotInService extends MoodleBusinessException {
        public FunctionNotInService(String c, String m) {
            super(
                    c,
                    Kind.CONFIGURATION,
                    m + " (add the function to the Trainflow service: Site administration >"
                            + " Server > Web services > External services > Functions)");
        }
    }

    /** No such course (or other record); Moodle reports unknown ids this way. */
    public static final class NoSuchRecord extends MoodleBusinessException {
        public NoSuchRecord(String c, String m) {
            super(c, m);
        }
    }

    public static final class UserNotEnrolled extends MoodleBusinessException {
        public UserNotEnrolled(String c, String m) {
            super(c, m);
        }
    }

    /** The course has no completion criteria: its set-up, not the learner, is wrong. */
    public static final class NoCompletionCriteria extends MoodleBusinessException {
        public NoCompletionCriteria(String c, String m) {
            super(
                    c,
                    Kind.CONFIGURATION,
                    m + " (turn on completion tracking and add a criterion: the course's"
                            + " Settings > Course completion; README 'Moodle course set-up')");
        }
    }

    /** Moodle rejected a parameter; for enrolment this is also how an unknown course is reported. */
    public static final class InvalidParameter extends MoodleBusinessException {
        public InvalidParameter(String c, String m) {
            super(c, m);
        }
    }

    /** HTTP 403 with an empty body: the site administrator has web services switched off. */
    public static final class WebServicesDisabled extends MoodleBusinessException {
        public WebServicesDisabled() {
            super(
                    "webservicesdisabled",
                    Kind.CONFIGURATION,
                    "Web services are disabled on the Moodle site (Site"
                            + " administration > Advanced features > Enable web services, and enable the REST protocol)");
        }
    }

    /**
     * Moodle returned no user for a username. Either the account does not exist, or the token's role may not
     * see users ({@code core_user_get_users_by_field} answers {@code []} without moodle/user:viewalldetails,
     * recorded live): both are for the administrator, never a refusal to tell the learner.
     */
    public static final class UnknownUser extends MoodleBusinessException {
        public UnknownUser(String message) {
            super("nouser", Kind.CONFIGURATION, message);
        }
    }

    /** Moodle did not deliver an instant message (msgid -1), e.g. the recipient's privacy without readallmessages. */
    public static final class MessageNotDelivered extends MoodleBusinessException {
        public MessageNotDelivered(String message) {
            super(
                    "messagenotsent",
                    Kind.CONFIGURATION,
                    message,
                    message.contains("message preferences") ? MoodleCapabilities.hint(message) : "");
        }
    }
}
