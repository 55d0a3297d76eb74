package io.trainflow.connectors.orangehrm.auth;

import java.util.Map;

/**
 * How API calls authenticate: a bearer token (OAuth2 authorization code) or a session cookie
 * (service-account login). The routes ask for the headers of each attempt and, after a 401, for
 * renewed credentials once.
 */
public interface OrangeHrmAuth {

    /** Headers that authenticate the next call (Authorization or Cookie); obtains credentials if needed. */
    Map<String, String> headers();

    /**
     * The credentials sent with {@code rejectedHeaders} were refused: obtain new ones, unless another
     * caller already has (so concurrent 401s refresh once, which rotation requires).
     */
    void renew(Map<String, String> rejectedHeaders);
}
