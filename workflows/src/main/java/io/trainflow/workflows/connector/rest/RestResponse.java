package io.trainflow.workflows.connector.rest;

import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP answer as the connector's expressions see it: {@code response.status}, {@code .headers}, {@code .body}. */
public record RestResponse(int status, Map<String, String> headers, Object body) {

    public boolean failed() {
        return status >= 400;
    }

    public Map<String, Object> asContext() {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("status", status);
        context.put("headers", headers);
        context.put("body", body);
        return context;
    }
}
