package io.trainflow.workflows.connector.rest;

import io.trainflow.workflows.api.BusinessError;
import io.trainflow.workflows.api.StepHandler;
import io.trainflow.workflows.api.TaskType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;

/**
 * Camunda's REST connector as a step: authenticates, calls, then applies the task headers as Camunda's connector
 * runtime does. {@code resultVariable} receives the whole response ({@code status}, {@code headers}, {@code body});
 * {@code resultExpression} (FEEL, sees {@code response}) returns a context whose entries become variables;
 * {@code errorExpression} (FEEL, sees {@code response}, or {@code error} with {@code code} = the HTTP status and
 * {@code variables.response} when the call failed) may return {@code bpmnError(...)} — a BPMN error the model
 * catches — or {@code jobError(...)} — a failed attempt. A call that failed and is not turned into a BPMN error is
 * a failed attempt: retried as the task's {@code retries} allow, then an incident.
 */
@TaskType(
        value = RestConnector.TYPE,
        name = "REST Outbound Connector",
        description = "Calls a REST API (Camunda's REST connector, run through Camel's HTTP component)",
        group = "Connectors",
        retries = 3)
public final class RestConnectorHandler implements StepHandler<RestConnectorInput, Map<String, Object>> {

    private final ProducerTemplate camel;
    private final Secrets secrets;
    private final OAuthTokens tokens;
    private final ConnectorFeel feel = new ConnectorFeel();

    RestConnectorHandler(ProducerTemplate camel, Secrets secrets, OAuthTokens tokens) {
        this.camel = camel;
        this.secrets = secrets;
        this.tokens = tokens;
    }

    @Override
    public Map<String, Object> handle(RestConnectorInput given) throws BusinessError {
        RestConnectorInput in = secrets.resolve(given);
        RestRequest request = Authenticate.apply(in.authentication(), RestRequest.of(in), this::token);
        RestResponse response;
        try {
            response = send(RestRoutes.CALL, request, RestResponse.class);
            if (response.status() == 401) {
                bearer(request).ifPresent(tokens::forget); // a kept token the API no longer takes
            }
            if (response.failed()) {
                throw new RestCallFailed(request.call() + " answered HTTP " + response.status(), response, null);
            }
        } catch (RestCallFailed failed) {
            if (present(in.errorExpression())) {
                raiseIfAsked(in.errorExpression(), Map.of("error", error(failed)));
            }
            throw failed;
        }
        Map<String, Object> variables = results(in, response);
        if (present(in.errorExpression())) {
            raiseIfAsked(in.errorExpression(), withResponse(response));
        }
        return variables;
    }

    private String token(RestRequest tokenRequest) {
        return tokens.token(tokenRequest, request -> send(RestRoutes.TOKEN, request, OAuthTokens.Issued.class));
    }

    private static java.util.Optional<String> bearer(RestRequest request) {
        return java.util.Optional.ofNullable(request.headers().get("Authorization"))
                .filter(value -> value.startsWith("Bearer "))
                .map(value -> value.substring("Bearer ".length()));
    }

    private <T> T send(String route, RestRequest request, Class<T> answer) {
        try {
            return camel.requestBody(route, request, answer);
        } catch (CamelExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private Map<String, Object> results(RestConnectorInput in, RestResponse response) {
        Map<String, Object> variables = new LinkedHashMap<>();
        if (present(in.resultVariable())) {
            variables.put(in.resultVariable().strip(), response.asContext());
        }
        if (present(in.resultExpression())) {
            Object result = feel.evaluate(in.resultExpression(), withResponse(response));
            if (result instanceof Map<?, ?> context) {
                context.forEach((k, v) -> variables.put(String.valueOf(k), v));
            } else if (result != null) {
                throw new BadConnectorInput("resultExpression must return a context (its entries become variables),"
                        + " not " + result.getClass().getSimpleName());
            }
        }
        return variables;
    }

    /** Camunda's connectors let an expression read the response both as {@code response.body} and as {@code body}. */
    private static Map<String, Object> withResponse(RestResponse response) {
        Map<String, Object> context = new LinkedHashMap<>(response.asContext());
        context.put("response", response.asContext());
        return context;
    }

    private static Map<String, Object> error(RestCallFailed failed) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put(
                "code",
                failed.response() == null
                        ? null
                        : String.valueOf(failed.response().status()));
        error.put("message", failed.getMessage());
        error.put("type", "io.camunda.connector.api.error.ConnectorException");
        error.put(
                "variables",
                failed.response() == null
                        ? Map.of()
                        : Map.of("response", failed.response().asContext()));
        return error;
    }

    private void raiseIfAsked(String expression, Map<String, Object> context) throws BusinessError {
        Object result = feel.evaluate(expression, context);
        if (!(result instanceof Map<?, ?> asked) || asked.get("code") == null && asked.get("errorType") == null) {
            return; // null (or anything but an error): no error
        }
        String message = asked.get("message") == null ? null : String.valueOf(asked.get("message"));
        if ("jobError".equals(asked.get("errorType"))) {
            throw new RestCallFailed("errorExpression raised a job error: " + message, null, null);
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        if (asked.get("variables") instanceof Map<?, ?> given) {
            given.forEach((k, v) -> {
                if (v != null) {
                    variables.put(String.valueOf(k), v);
                }
            });
        }
        throw new BusinessError(String.valueOf(asked.get("code")), message, variables);
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
