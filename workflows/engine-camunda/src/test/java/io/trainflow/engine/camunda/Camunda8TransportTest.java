package io.trainflow.engine.camunda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * REST is the tested transport; gRPC is a configuration choice. Without a broker (its licence is not open source)
 * this checks that {@code TRAINFLOW_CAMUNDA_TRANSPORT=grpc} builds a client that sends commands over gRPC to the
 * configured address and none to the REST gateway.
 */
class Camunda8TransportTest {

    @Test
    void restIsTheDefaultTransport() {
        CamundaSettings settings =
                CamundaSettings.of(Map.of("TRAINFLOW_CAMUNDA_REST_ADDRESS", "http://127.0.0.1:8080"));
        try (CamundaClient client = CamundaClients.build(settings)) {
            assertThat(client.getConfiguration().preferRestOverGrpc()).isTrue();
            assertThat(client.getConfiguration().getRestAddress()).isEqualTo(URI.create("http://127.0.0.1:8080"));
        }
    }

    @Test
    void grpcSelectedSendsCommandsToTheGrpcAddressNotTheRestGateway() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort(); // closed again when the probe is: nothing listens there
        }
        try (ContractGateway gateway = new ContractGateway()) {
            CamundaSettings settings = CamundaSettings.of(Map.of(
                    "TRAINFLOW_CAMUNDA_REST_ADDRESS",
                    gateway.address().toString(),
                    "TRAINFLOW_CAMUNDA_TRANSPORT",
                    "grpc",
                    "TRAINFLOW_CAMUNDA_GRPC_ADDRESS",
                    "http://127.0.0.1:" + closedPort));
            try (CamundaClient client = CamundaClients.build(settings)) {
                assertThat(client.getConfiguration().preferRestOverGrpc()).isFalse();
                assertThat(client.getConfiguration().getGrpcAddress())
                        .isEqualTo(URI.create("http://127.0.0.1:" + closedPort));

                CamundaMessages messages = new CamundaMessages(client, Duration.ofMinutes(1));
                assertThatThrownBy(() -> messages.publish("training-completed", "REQ-GRPC", Map.of()))
                        .as("no broker listens at the gRPC address")
                        .isInstanceOf(RuntimeException.class);
                assertThat(gateway.received())
                        .as("nothing went to the REST gateway")
                        .isEmpty();
            }
        }
    }
}
