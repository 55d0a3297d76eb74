package io.trainflow.connectors.error;

/**
 * An external system answered, and the answer is "no": retrying cannot help. The one error contract of every
 * port: the step invoker turns a {@link Kind#REFUSED refusal} into the BPMN error {@link #bpmnErrorCode()} (an
 * incident when the model does not catch it) and a {@link Kind#CONFIGURATION configuration} failure into an
 * incident at once, naming the system's own error code, so an administrator fixes it and retries; neither is
 * retried, and a person whose request is caught in a configuration failure is never told it was refused.
 */
public class PortBusinessException extends RuntimeException {

    /** Who must act. */
    public enum Kind {
        /** A business "no" about this request (not enrolled, no such course): the process decides. */
        REFUSED,
        /** Trainflow's access or set-up is wrong (a capability, a token, a missing account): the administrator fixes. */
        CONFIGURATION
    }

    private final String system;
    private final String systemCode;
    private final Kind kind;

    public PortBusinessException(String system, String systemCode, Kind kind, String message) {
        super(message);
        this.system = system;
        this.systemCode = systemCode;
        this.kind = kind;
    }

    /** How messages name the system, e.g. "Moodle". */
    public String system() {
        return system;
    }

    /** The system's own error code (Moodle's errorcode, an HTTP status), for the administrator. */
    public String systemCode() {
        return systemCode;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isConfiguration() {
        return kind == Kind.CONFIGURATION;
    }

    /** Stable code for BPMN error events: SYSTEM_CLASS_NAME, e.g. MOODLE_USER_NOT_ENROLLED. */
    public String bpmnErrorCode() {
        return system.toUpperCase().replaceAll("[^A-Z0-9]", "") + "_"
                + getClass()
                        .getSimpleName()
                        .replaceAll("([a-z])([A-Z])", "$1_$2")
                        .toUpperCase();
    }
}
