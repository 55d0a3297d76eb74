package io.trainflow.connectors.orangehrm.auth;

import java.util.Map;

/**
 * The HTTP calls authentication makes outside the API (token endpoint, login form), sent through
 * the auth route: transient failures are retried there; every other status comes back here,
 * because for a login a 302 or a 400 is an answer, not an error.
 */
public interface AuthHttp {

    /**
     * @param path  below the base URL, e.g. "/oauth2/token"
     * @param cookie the session cookie to send, or null
     * @param form  form fields for a POST, null for a GET
     */
    Answer send(String method, String path, String cookie, Map<String, String> form);

    record Answer(int status, String body, String location, String sessionCookie) {
        @Override
        public String toString() {
            return "Answer[HTTP " + status + ", location=" + location + "]"; // body and cookie stay out of logs
        }
    }
}
