package io.trainflow.engine.camunda;

import io.camunda.client.CamundaClient;
import io.camunda.client.CamundaClientBuilder;
import io.camunda.client.CredentialsProvider;

/** Builds the Camunda 8 client from {@link CamundaSettings}: self-managed (none, basic, OAuth) or SaaS. */
public final class CamundaClients {

    private CamundaClients() {}

    public static CamundaClient build(CamundaSettings settings) {
        CamundaClientBuilder builder;
        if (settings.auth() == CamundaSettings.Auth.SAAS) {
            builder = CamundaClient.newCloudClientBuilder()
                    .withClusterId(settings.clusterId())
                    .withClientId(settings.clientId())
                    .withClientSecret(settings.clientSecret())
                    .withRegion(settings.region());
        } else {
            builder = CamundaClient.newClientBuilder().restAddress(settings.restAddress());
            if (settings.grpcAddress() != null) {
                builder.grpcAddress(settings.grpcAddress());
            }
            credentials(settings, builder);
        }
        return builder
                // the environment is read once, above, by name; the client's own variables must not override it
                .applyEnvironmentVariableOverrides(false)
                .preferRestOverGrpc(settings.transport() == CamundaSettings.Transport.REST)
                .defaultMessageTimeToLive(settings.messageTtl())
                .defaultJobTimeout(settings.jobTimeout())
                .numJobWorkerExecutionThreads(settings.workerThreads())
                .defaultJobWorkerName("trainflow")
                .build();
    }

    private static void credentials(CamundaSettings settings, CamundaClientBuilder builder) {
        switch (settings.auth()) {
            case BASIC ->
                builder.credentialsProvider(CredentialsProvider.newBasicAuthCredentialsProviderBuilder()
                        .username(settings.username())
                        .password(settings.password())
                        .applyEnvironmentOverrides(false)
                        .build());
            case OAUTH ->
                builder.credentialsProvider(CredentialsProvider.newCredentialsProviderBuilder()
                        .clientId(settings.clientId())
                        .clientSecret(settings.clientSecret())
                        .authorizationServerUrl(settings.tokenUrl())
                        .audience(settings.audience())
                        .scope(settings.scope())
                        .applyEnvironmentOverrides(false)
                        .build());
            default -> builder.credentialsProvider(new io.camunda.client.impl.NoopCredentialsProvider());
        }
    }
}
