package io.trainflow.engine.camunda;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.Variable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A process instance's variables as a step or a task sees them: the instance's, overlaid by one element's own.
 * The cluster stores values as JSON text; a value the search truncated is fetched whole.
 */
final class CamundaVariables {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** Variables one search reads; Trainflow's requests hold a few dozen. */
    private static final int MAX = 1000;

    private final CamundaClient client;

    CamundaVariables(CamundaClient client) {
        this.client = client;
    }

    /** The instance's variables, those of {@code elementInstanceKey} (when not null) winning. */
    Map<String, Object> of(Long processInstanceKey, Long elementInstanceKey) {
        List<Variable> found = CamundaErrors.translated(() -> client.newVariableSearchRequest()
                .filter(f -> f.processInstanceKey(processInstanceKey))
                .page(p -> p.limit(MAX))
                .send()
                .join()
                .items());
        Map<String, Object> instance = new HashMap<>();
        Map<String, Object> local = new HashMap<>();
        for (Variable variable : found) {
            String value = Boolean.TRUE.equals(variable.isTruncated())
                    ? client.newVariableGetRequest(variable.getVariableKey())
                            .send()
                            .join()
                            .getValue()
                    : variable.getValue();
            Object parsed = value == null ? null : JSON.readValue(value, Object.class);
            if (variable.getScopeKey() != null && variable.getScopeKey().equals(elementInstanceKey)) {
                local.put(variable.getName(), parsed);
            } else if (variable.getScopeKey() == null || variable.getScopeKey().equals(processInstanceKey)) {
                instance.put(variable.getName(), parsed);
            }
        }
        instance.putAll(local);
        return instance;
    }
}
