package io.trainflow.workflows.engine.flowable;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.dmn.DmnEngine;
import org.camunda.dmn.parser.ParsedDmn;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.repository.Deployment;
import org.flowable.engine.repository.ProcessDefinition;
import scala.util.Either;

/**
 * DMN decisions deployed beside the processes, parsed once per deployment with the DMN engine Camunda 8 uses.
 * Which version a business rule task evaluates is its {@link Binding}: the latest deployed one (Camunda 8's
 * default), the one deployed with the running process, or the latest one tagged with a version tag.
 */
class Decisions {

    private final DmnEngine dmn = new DmnEngine.Builder().build();
    private final Map<String, Map<String, Deployed>> byDeployment = new ConcurrentHashMap<>();
    private RepositoryService repository;

    void setRepositoryService(RepositoryService repository) {
        this.repository = repository;
    }

    Object evaluate(
            String processDefinitionId,
            String decisionId,
            Binding binding,
            Map<String, Object> variables,
            String elementId) {
        ProcessDefinition definition = repository.getProcessDefinition(processDefinitionId);
        ParsedDmn parsed = find(definition.getDeploymentId(), decisionId, binding);
        if (parsed == null) {
            throw new FlowableException("Business rule task '" + elementId + "': decision '" + decisionId + "' "
                    + switch (binding.kind()) {
                        case LATEST -> "is not deployed";
                        case DEPLOYMENT -> "is not in the deployment of process '" + definition.getKey() + "'";
                        case VERSION_TAG -> "has no deployed version tagged '" + binding.versionTag() + "'";
                    });
        }
        Either<DmnEngine.EvalFailure, DmnEngine.EvalResult> result = dmn.eval(parsed, decisionId, variables);
        if (result.isLeft()) {
            throw new FlowableException("Business rule task '" + elementId + "': decision '" + decisionId + "' failed: "
                    + result.left().get().failure().message());
        }
        DmnEngine.EvalResult value = result.right().get();
        return value.isNil() ? null : value.value();
    }

    private ParsedDmn find(String ownDeploymentId, String decisionId, Binding binding) {
        if (binding.kind() == Binding.Kind.DEPLOYMENT) {
            Deployed own = load(ownDeploymentId).get(decisionId);
            return own == null ? null : own.parsed();
        }
        // newest deployment first: the latest version, or the latest one with the tag
        for (Deployment deployment : repository
                .createDeploymentQuery()
                .orderByDeploymentTime()
                .desc()
                .list()) {
            Deployed found = load(deployment.getId()).get(decisionId);
            if (found != null
                    && (binding.kind() == Binding.Kind.LATEST
                            || Objects.equals(binding.versionTag(), found.versionTag()))) {
                return found.parsed();
            }
        }
        return null;
    }

    private Map<String, Deployed> load(String deploymentId) {
        return byDeployment.computeIfAbsent(deploymentId, id -> {
            Map<String, Deployed> decisions = new ConcurrentHashMap<>();
            for (String resource : repository.getDeploymentResourceNames(id)) {
                if (!resource.endsWith(".dmn")) {
                    continue;
                }
                try (InputStream in = repository.getResourceAsStream(id, resource)) {
                    byte[] bytes = in.readAllBytes();
                    Either<DmnEngine.Failure, ParsedDmn> parsed = dmn.parse(new ByteArrayInputStream(bytes));
                    if (parsed.isLeft()) {
                        throw new FlowableException(
                                resource + ": " + parsed.left().get().message());
                    }
                    ParsedDmn dmnModel = parsed.right().get();
                    Map<String, String> tags = DecisionVersionTags.read(bytes);
                    scala.jdk.javaapi.CollectionConverters.asJava(dmnModel.decisions())
                            .forEach(d -> decisions.put(d.id(), new Deployed(dmnModel, tags.get(d.id()))));
                } catch (java.io.IOException e) {
                    throw new FlowableException("Cannot read " + resource, e);
                }
            }
            return decisions;
        });
    }

    /** One decision of one deployment and its version tag (null when untagged). */
    private record Deployed(ParsedDmn parsed, String versionTag) {}
}
