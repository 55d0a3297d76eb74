package io.trainflow.connectors.health;

/**
 * One thing a connection check found, with a detail a person can act on (URL, error code, the
 * function or capability concerned; never a token).
 */
public record Finding(Kind kind, String detail) {

    public enum Kind {
        /** works as needed */
        OK,
        /** the URL is malformed or is not the system's root (wrong path, not the expected API) */
        BAD_URL,
        /** nothing answers at the URL: connection refused, unknown host, timeout, 5xx */
        UNREACHABLE,
        /** the system does not accept the credentials */
        BAD_TOKEN,
        /** the system has its API switched off */
        API_DISABLED,
        /** the credentials' account lacks a permission Trainflow needs */
        MISSING_CAPABILITY,
        /** an API function Trainflow calls is not offered to these credentials */
        FUNCTION_MISSING,
        /** data Trainflow's configuration refers to does not exist in the system */
        MISSING_DATA
    }

    public static Finding ok(String detail) {
        return new Finding(Kind.OK, detail);
    }

    @Override
    public String toString() {
        return kind + ": " + detail;
    }
}
