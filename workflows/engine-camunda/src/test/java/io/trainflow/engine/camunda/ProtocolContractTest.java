package io.trainflow.engine.camunda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.protocol.rest.JobActivationRequest;
import io.camunda.client.protocol.rest.ProcessInstanceCreationInstruction;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The gateway's contract check refuses what the client's protocol classes do not allow, so the adapter's tests can fail. */
class ProtocolContractTest {

    @Test
    void aPropertyTheProtocolDoesNotHaveIsRefused() {
        assertThatThrownBy(() -> read(
                        "{\"type\":\"enrol\",\"timeout\":1000,\"maxJobsToActivate\":5,\"lockOwner\":\"x\"}",
                        JobActivationRequest.class))
                .isInstanceOf(ProtocolContract.ContractViolation.class)
                .hasMessageContaining("lockOwner");
    }

    @Test
    void aMissingRequiredPropertyIsRefused() {
        assertThatThrownBy(() -> read("{\"timeout\":1000,\"maxJobsToActivate\":5}", JobActivationRequest.class))
                .isInstanceOf(ProtocolContract.ContractViolation.class)
                .hasMessageContaining("type");
    }

    @Test
    void aOneOfMustBeCompleteAsOneOfItsAlternatives() {
        assertThat(read("{\"processDefinitionId\":\"training-request\"}", ProcessInstanceCreationInstruction.class)
                        .getProcessDefinitionId())
                .isEqualTo("training-request");
        assertThatThrownBy(() -> read("{\"variables\":{}}", ProcessInstanceCreationInstruction.class))
                .isInstanceOf(ProtocolContract.ContractViolation.class)
                .hasMessageContaining("none of");
    }

    private static <T> T read(String json, Class<T> type) {
        return ProtocolContract.read(json.getBytes(StandardCharsets.UTF_8), type);
    }
}
