package io.trainflow.connectors.orangehrm.error;

import io.trainflow.connectors.error.PortBusinessException;

/**
 * Trainflow could not authenticate to OrangeHRM. Not transient: a person has to act (grant
 * consent again, fix the client secret or the service account's password).
 */
public class OrangeHrmAuthException extends PortBusinessException {

    public OrangeHrmAuthException(String message) {
        super("OrangeHRM", "auth", Kind.CONFIGURATION, message);
    }

    /**
     * HTTP 401 on an API call: the access token (or session) was rejected. The routes renew the
     * credentials once and retry; it reaches the caller only when the renewed one is rejected too.
     */
    public static final class InvalidToken extends OrangeHrmAuthException {
        public InvalidToken(String message) {
            super(message);
        }
    }

    /** No tokens stored yet, or the refresh token was refused: an administrator must consent again. */
    public static final class ConsentRequired extends OrangeHrmAuthException {
        public ConsentRequired(String message) {
            super(message);
        }
    }

    /** The token endpoint or the login form refused the client credentials or the password. */
    public static final class CredentialsRejected extends OrangeHrmAuthException {
        public CredentialsRejected(String message) {
            super(message);
        }
    }
}
