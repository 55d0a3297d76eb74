package io.trainflow.connectors.check;

/**
 * One result of a connector's self-test, for {@code trainflow check-connections} and health.
 *
 * @param system  which system, e.g. "orangehrm http://hr.example/web/index.php"
 * @param check   what was tried, e.g. "reach", "authenticate", "read employees"
 * @param outcome OK or what is wrong, in words an administrator can act on
 * @param detail  the evidence (HTTP status, URL, error message); never a secret or personal data
 */
public record ConnectionFinding(String system, String check, Outcome outcome, String detail) {

    public enum Outcome {
        OK,
        /** Not an absolute http(s) URL, or the server answers but not as this system (wrong path). */
        BAD_URL,
        /** Connection refused, unknown host, timeout, 5xx. */
        UNREACHABLE,
        /** Token or password rejected, expired, or not yet granted. */
        BAD_CREDENTIALS,
        /** Authenticated, but the account may not do what Trainflow needs. */
        MISSING_PERMISSION
    }

    public boolean ok() {
        return outcome == Outcome.OK;
    }
}
