package io.trainflow.plugin.security;

import io.trainflow.workflows.problems.TrainflowProblem;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** What an API key may do. {@code admin} includes every other scope. */
public enum ApiKeyScope {
    TASKS_READ("tasks:read"),
    TASKS_DECIDE("tasks:decide"),
    REQUESTS_READ("requests:read"),
    REQUESTS_WRITE("requests:write"),
    ADMIN("admin");

    private final String value;

    ApiKeyScope(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    static Optional<ApiKeyScope> of(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
    }

    /** The scope a call needs, or empty when any valid key may make it (who am I). */
    static Optional<ApiKeyScope> neededFor(String method, String path) {
        boolean read = "GET".equals(method.toUpperCase(Locale.ROOT)) || "HEAD".equals(method.toUpperCase(Locale.ROOT));
        if (path.equals("/api/me")) {
            return Optional.empty();
        }
        if (path.startsWith("/api/admin/")
                || path.startsWith("/api/incidents")
                || path.startsWith("/api/sample/")
                || path.startsWith("/actuator")
                || path.startsWith("/api/groups")) {
            return Optional.of(ADMIN);
        }
        // a key that changes prices, budgets or the catalogue (a nightly import) is an admin's key
        if (path.startsWith("/api/catalogue")) {
            return Optional.of(read ? REQUESTS_READ : ADMIN);
        }
        if (path.startsWith("/api/tasks")) {
            return Optional.of(read ? TASKS_READ : TASKS_DECIDE);
        }
        return Optional.of(read ? REQUESTS_READ : REQUESTS_WRITE);
    }

    /**
     * The scopes named in a request (REST or CLI), refusing none, too many and unknown ones, naming the field
     * ({@code field[i]} for an entry).
     */
    public static Set<ApiKeyScope> parse(List<String> values, String field) {
        if (values == null || values.isEmpty() || values.size() > values().length) {
            throw new TrainflowProblem.InvalidInput(field, "give 1 to " + values().length + " of " + all());
        }
        Set<ApiKeyScope> scopes = EnumSet.noneOf(ApiKeyScope.class);
        for (int i = 0; i < values.size(); i++) {
            int at = i;
            scopes.add(of(values.get(i))
                    .orElseThrow(() -> new TrainflowProblem.InvalidInput(
                            field + "[" + at + "]", "'" + values.get(at) + "' is not a scope; use " + all())));
        }
        return scopes;
    }

    static String all() {
        return String.join(", ", Arrays.stream(values()).map(ApiKeyScope::value).toList());
    }
}
