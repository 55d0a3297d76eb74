package io.trainflow.connectors.orangehrm.error;

import io.trainflow.connectors.error.PortBusinessException;

/**
 * OrangeHRM answered, and the answer is "no": not found, a parameter refused, no permission.
 * Retrying cannot help, so neither the routes nor the step retry these; {@link #bpmnErrorCode()} is the
 * code a process can catch; a missing permission is the administrator's (an incident naming it).
 */
public class OrangeHrmBusinessException extends PortBusinessException {

    private final int status;

    public OrangeHrmBusinessException(int status, String message) {
        this(status, Kind.REFUSED, message);
    }

    protected OrangeHrmBusinessException(int status, Kind kind, String message) {
        super("OrangeHRM", "HTTP " + status, kind, message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** 404: no such employee, review or record (or the base URL does not point at OrangeHRM). */
    public static final class NotFound extends OrangeHrmBusinessException {
        public NotFound(String message) {
            super(404, message);
        }
    }

    /** 400/422: OrangeHRM refused a parameter; {@link #field()} names it when OrangeHRM said which. */
    public static final class InvalidParameter extends OrangeHrmBusinessException {
        private final String field;

        public InvalidParameter(int status, String field, String message) {
            super(status, message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** 403: the account Trainflow uses lacks the OrangeHRM role for this call. */
    public static final class MissingPermission extends OrangeHrmBusinessException {
        public MissingPermission(String message) {
            super(403, Kind.CONFIGURATION, message);
        }
    }
}
