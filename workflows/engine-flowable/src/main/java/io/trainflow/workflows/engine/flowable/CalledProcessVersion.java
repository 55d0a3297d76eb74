package io.trainflow.workflows.engine.flowable;

import org.flowable.common.engine.api.FlowableException;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.impl.util.ProcessDefinitionUtil;
import org.flowable.engine.repository.ProcessDefinition;

/** The version of a called process a call activity's {@link Binding} chooses (an incident when there is none). */
final class CalledProcessVersion {

    private CalledProcessVersion() {}

    static ProcessDefinition resolve(
            RepositoryService repository,
            String processId,
            Binding binding,
            String callerDefinitionId,
            String elementId) {
        return switch (binding.kind()) {
            case LATEST ->
                first(
                        repository
                                .createProcessDefinitionQuery()
                                .processDefinitionKey(processId)
                                .latestVersion()
                                .singleResult(),
                        processId,
                        "is not deployed",
                        elementId);
            case DEPLOYMENT -> {
                String deploymentId =
                        repository.getProcessDefinition(callerDefinitionId).getDeploymentId();
                yield first(
                        repository
                                .createProcessDefinitionQuery()
                                .processDefinitionKey(processId)
                                .deploymentId(deploymentId)
                                .singleResult(),
                        processId,
                        "was not deployed together with the calling process",
                        elementId);
            }
            case VERSION_TAG ->
                first(
                        repository
                                .createProcessDefinitionQuery()
                                .processDefinitionKey(processId)
                                .orderByProcessDefinitionVersion()
                                .desc()
                                .list()
                                .stream()
                                .filter(d -> Binding.tagOf(ProcessDefinitionUtil.getProcess(d.getId()))
                                        .filter(binding.versionTag()::equals)
                                        .isPresent())
                                .findFirst()
                                .orElse(null),
                        processId,
                        "has no deployed version tagged '" + binding.versionTag() + "'",
                        elementId);
        };
    }

    private static ProcessDefinition first(
            ProcessDefinition found, String processId, String problem, String elementId) {
        if (found == null) {
            throw new FlowableException("Call activity '" + elementId + "': process '" + processId + "' " + problem);
        }
        return found;
    }
}
