package io.trainflow.connectors.health;

import java.util.Objects;

/**
 * One thing a connection check found: what was tried, and a detail a person can act on (URL, HTTP
 * status, error code, the function or permission concerned; never a token or personal data).
 *
 * @param kind   OK or what is wrong
 * @param check  what was tried, e.g. "site info", "consent", "read employees"
 * @param detail the evidence and, when something is wrong, what to do about it
 */
public record Finding(Kind kind, String check, String detail) {

    public enum Kind {
        /** works as needed */
        OK,
        /** the URL is malformed or is not the system's root (wrong path, not the expected API) */
        BAD_URL,
        /** nothing answers at the URL: connection refused, unknown host, timeout, 5xx, 429 */
        UNREACHABLE,
        /** the system does not accept the credentials (token, client secret, password) */
        BAD_CREDENTIALS,
        /** an OAuth grant an administrator must give once has not been given (or was revoked) */
        CONSENT_REQUIRED,
        /** the system has its API switched off */
        API_DISABLED,
        /** the credentials' account lacks a permission (capability, user role, scope) Trainflow needs */
        MISSING_PERMISSION,
        /** an API function Trainflow calls is not offered to these credentials */
        FUNCTION_MISSING,
        /** data Trainflow's configuration refers to does not exist in the system */
        MISSING_DATA,
        /** could not be tried as configured (says what would enable it); not a failure */
        NOT_CHECKED,
        /** worth knowing, nothing broken (e.g. HCM skills the catalogue does not name) */
        NOTE
    }

    public Finding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(detail, "detail");
    }

    public static Finding ok(String check, String detail) {
        return new Finding(Kind.OK, check, detail);
    }

    /** Nothing to fix: works, or was not tried. */
    public boolean ok() {
        return kind == Kind.OK || kind == Kind.NOT_CHECKED || kind == Kind.NOTE;
    }

    @Override
    public String toString() {
        return kind + " " + check + ": " + detail;
    }
}
