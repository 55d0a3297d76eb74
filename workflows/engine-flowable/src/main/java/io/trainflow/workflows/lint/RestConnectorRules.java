package io.trainflow.workflows.lint;

import io.trainflow.workflows.engine.flowable.Zeebe;
import io.trainflow.workflows.feel.Feel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.flowable.bpmn.model.BaseElement;

/**
 * What Camunda's REST connector ({@code io.camunda:http-json:1}) needs from its task, checked before it runs:
 * a method and a url input (as Modeler's template writes them), a method and an authentication type it knows.
 * Values given as FEEL are checked when the task runs.
 */
final class RestConnectorRules {

    static final String TYPE = "io.camunda:http-json:1";
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    private static final Set<String> AUTHENTICATION =
            Set.of("noAuth", "basic", "bearer", "apiKey", "oauth-client-credentials-flow");

    private RestConnectorRules() {}

    static boolean isRestConnector(String type) {
        return type != null && type.startsWith("io.camunda:http-json");
    }

    /** Why the task cannot run; empty when it can. */
    static List<String> check(BaseElement task) {
        Map<String, String> inputs = Zeebe.mappings(task, "input").stream()
                .collect(Collectors.toMap(
                        Zeebe.Mapping::target, m -> m.source() == null ? "" : m.source(), (a, b) -> b));
        List<String> problems = new ArrayList<>();
        for (String required : List.of("method", "url")) {
            if (inputs.getOrDefault(required, "").isBlank()) {
                problems.add("the REST connector needs the input '" + required + "'");
            }
        }
        String method = inputs.get("method");
        if (method != null
                && !method.isBlank()
                && !Feel.isExpression(method)
                && !METHODS.contains(method.strip().toUpperCase(Locale.ROOT))) {
            problems.add("the REST connector's method '" + method + "' is not one of " + METHODS);
        }
        String auth = inputs.get("authentication.type");
        if (auth != null && !Feel.isExpression(auth) && !AUTHENTICATION.contains(auth.strip())) {
            problems.add("the REST connector's authentication.type '" + auth + "' is not one of " + AUTHENTICATION);
        }
        String store = inputs.getOrDefault("storeResponse", "").strip();
        if (store.equals("true") || store.equals("=true")) {
            problems.add("the REST connector's 'Store response' (storeResponse) keeps the response as a document in"
                    + " Camunda's document store, which Trainflow does not have: turn it off and use resultVariable"
                    + " or resultExpression");
        }
        Zeebe.header(task, "retryBackoff").filter(b -> !b.isBlank()).ifPresent(backoff -> {
            try {
                java.time.Duration.parse(backoff.strip());
            } catch (java.time.format.DateTimeParseException e) {
                problems.add("retryBackoff '" + backoff + "' is not an ISO-8601 duration such as PT30S");
            }
        });
        return problems;
    }
}
