package io.trainflow.workflows.connector.rest;

import io.trainflow.workflows.connector.rest.RestConnectorInput.Authentication;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Camunda's {@code {{secrets.NAME}}} placeholders in connector inputs, read from the environment as Camunda's
 * self-managed connector runtime reads them, so a token never sits in the model or a process variable.
 * A secret that is not set is an incident naming the secret (never a value).
 */
final class Secrets {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*secrets\\.([A-Za-z0-9_.-]+)\\s*}}");
    private final UnaryOperator<String> environment;

    Secrets(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    RestConnectorInput resolve(RestConnectorInput in) {
        Authentication a = in.authentication();
        Authentication auth = a == null
                ? null
                : new Authentication(
                        text(a.type()),
                        text(a.username()),
                        text(a.password()),
                        text(a.token()),
                        text(a.apiKeyLocation()),
                        text(a.name()),
                        text(a.value()),
                        text(a.oauthTokenEndpoint()),
                        text(a.clientId()),
                        text(a.clientSecret()),
                        text(a.scopes()),
                        text(a.audience()),
                        text(a.clientAuthentication()));
        return new RestConnectorInput(
                text(in.method()),
                text(in.url()),
                auth,
                map(in.headers()),
                map(in.queryParameters()),
                any(in.body()),
                in.connectionTimeoutInSeconds(),
                in.readTimeoutInSeconds(),
                in.resultVariable(),
                in.resultExpression(),
                in.errorExpression());
    }

    private String text(String value) {
        if (value == null || !value.contains("{{")) {
            return value;
        }
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String secret = environment.apply(m.group(1));
            if (secret == null) {
                throw new BadConnectorInput("the secret '" + m.group(1) + "' is not set in the environment");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(secret));
        }
        m.appendTail(out);
        return out.toString();
    }

    private Map<String, Object> map(Map<String, Object> values) {
        if (values == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, any(v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private Object any(Object value) {
        if (value instanceof String s) {
            return text(s);
        }
        if (value instanceof Map<?, ?> m) {
            return map((Map<String, Object>) m);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(any(v)));
            return out;
        }
        return value;
    }
}
