package io.trainflow.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Bad input is a 400 whose message says what is wrong. */
class BadRequestTest extends RunningTrainflow {

    @Test
    void unknownEmployeeIdIsNamed() {
        Api.Response response = as("alice.martin").post("/api/requests", "{\"employeeId\": \"9999\"}");

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.message()).contains("employeeId: '9999' is not an employee");
        assertThat(response.object().get("fields"))
                .isEqualTo(java.util.Map.of("employeeId", "'9999' is not an employee in the HCM"));
    }

    @Test
    void missingEmployeeIdIsNamed() {
        Api.Response response = as("alice.martin").post("/api/requests", "{\"justification\": \"no learner\"}");

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.message()).contains("employeeId");
    }

    @Test
    void malformedJson() {
        Api.Response response = as("alice.martin").post("/api/requests", "{\"employeeId\": ");

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.message()).isEqualTo("The request body is not valid JSON");
        assertThat(response.header("Content-Type")).hasValue("application/problem+json");
    }
}
