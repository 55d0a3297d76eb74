package io.trainflow.workflows.engine.flowable;

import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.dmn.DmnEngine;
import org.camunda.dmn.parser.ParsedDmn;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.repository.ProcessDefinition;
import scala.util.Either;

/**
 * DMN decisions deployed beside the processes, parsed once per deployment with the DMN engine
 * Camunda 8 uses. A process evaluates the decision of its own deployment, so editing the
 * table deploys a new version without touching running instances.
 */
class Decisions {

    private final DmnEngine dmn = new DmnEngine.Builder().build();
    private final Map<String, Map<String, ParsedDmn>> byDeployment = new ConcurrentHashMap<>();
    private RepositoryService repository;

    void setRepositoryService(RepositoryService repository) {
        this.repository = repository;
    }

    Object evaluate(String processDefinitionId, String decisionId, Map<String, Object> variables, String elementId) {
        ProcessDefinition definition = repository.getProcessDefinition(processDefinitionId);
        ParsedDmn parsed = load(definition.getDeploymentId()).get(decisionId);
        if (parsed == null) {
            throw new FlowableException("Business rule task '" + elementId + "': decision '" + decisionId
                    + "' is not in the deployment of process '" + definition.getKey() + "'");
        }
        Either<DmnEngine.EvalFailure, DmnEngine.EvalResult> result = dmn.eval(parsed, decisionId, variables);
        if (result.isLeft()) {
            throw new FlowableException("Business rule task '" + elementId + "': decision '" + decisionId
                    + "' failed: " + result.left().get().failure().message());
        }
        DmnEngine.EvalResult value = result.right().get();
        return value.isNil() ? null : value.value();
    }

    private Map<String, ParsedDmn> load(String deploymentId) {
        return byDeployment.computeIfAbsent(deploymentId, id -> {
            Map<String, ParsedDmn> decisions = new ConcurrentHashMap<>();
            for (String resource : repository.getDeploymentResourceNames(id)) {
                if (!resource.endsWith(".dmn")) {
                    continue;
                }
                try (InputStream in = repository.getResourceAsStream(id, resource)) {
                    Either<DmnEngine.Failure, ParsedDmn> parsed = dmn.parse(in);
                    if (parsed.isLeft()) {
                        throw new FlowableException(resource + ": " + parsed.left().get().message());
                    }
                    ParsedDmn dmnModel = parsed.right().get();
                    scala.jdk.javaapi.CollectionConverters.asJava(dmnModel.decisions())
                            .forEach(d -> decisions.put(d.id(), dmnModel));
                } catch (java.io.IOException e) {
                    throw new FlowableException("Cannot read " + resource, e);
                }
            }
            return decisions;
        });
    }
}
