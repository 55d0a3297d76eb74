package io.trainflow.connectors.orangehrm.api;

import tools.jackson.core.type.TypeReference;

/**
 * One OrangeHRM API v2 call as it travels through the Camel routes: method, path below
 * {@code /api/v2}, query, a generated request model (or null) and the generated envelope type the
 * answer is read into. {@link #toString()} leaves the body out: it may hold personal data.
 */
public record ApiCall<T>(String method, String path, String query, Object body, TypeReference<T> resultType) {

    public static <T> ApiCall<T> get(String path, String query, TypeReference<T> type) {
        return new ApiCall<>("GET", path, query, null, type);
    }

    public static <T> ApiCall<T> write(String method, String path, Object body, TypeReference<T> type) {
        return new ApiCall<>(method, path, null, body, type);
    }

    /** For messages: "GET /pim/employees/3/skills". */
    public String describe() {
        return method + " /api/v2" + path;
    }

    @Override
    public String toString() {
        return describe();
    }
}
