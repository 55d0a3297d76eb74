package io.trainflow.workflows.engine.flowable;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowable.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A step's structured output (maps and lists of text, booleans, longs and doubles) is kept as JSON text in the
 * variable's own row, reads back equal, in the run and in the history; anything JSON would not give back as it was
 * keeps Flowable's own type.
 */
class StructuredVariablesTest {

    private final Camunda8Engine c8 = new Camunda8Engine().deploy("user-task");

    @AfterEach
    void close() {
        c8.close();
    }

    @Test
    void aPlainMapAndListAreJsonTextAndReadBackEqualInTheRunAndTheHistory() {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("username", "alice.martin");
        profile.put("grade", 7L);
        profile.put("score", 0.75);
        profile.put("manager", null);
        profile.put("skills", List.of(Map.of("id", "python", "level", 2L), Map.of("id", "sql", "level", 1L)));
        profile.put("active", true);
        List<Object> path = new ArrayList<>(List.of("PY-AUTO", 2700.0, 12_000_000_000L));

        long before = bytearrays();
        ProcessInstance instance = c8.start("unassigned", Map.of("profile", profile, "learningPath", path));

        assertThat(c8.flowable.getRuntimeService().getVariable(instance.getId(), "profile"))
                .isEqualTo(profile);
        assertThat(c8.flowable.getRuntimeService().getVariable(instance.getId(), "learningPath"))
                .isEqualTo(path);
        assertThat(c8.flowable
                        .getRuntimeService()
                        .getVariableInstance(instance.getId(), "profile")
                        .getTypeName())
                .isEqualTo(PlainJsonType.TYPE_NAME);
        assertThat(c8.flowable
                        .getHistoryService()
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(instance.getId())
                        .variableName("profile")
                        .singleResult()
                        .getValue())
                .isEqualTo(profile);
        assertThat(bytearrays())
                .as("byte-array rows: the deployment's only, none for the variables or their history")
                .isEqualTo(before);
    }

    private long bytearrays() {
        return c8.flowable.getManagementService().getTableCount().get("ACT_GE_BYTEARRAY");
    }

    @Test
    void whatJsonWouldNotGiveBackAsItWasKeepsFlowablesOwnType() {
        Map<String, Object> withInteger = new LinkedHashMap<>(Map.of("count", 3));
        Map<String, Object> withDate = new LinkedHashMap<>(Map.of("on", LocalDate.of(2027, 3, 1)));
        Map<String, Object> tooLong = new LinkedHashMap<>(Map.of("text", "x".repeat(PlainJsonType.MAX_LENGTH)));

        ProcessInstance instance =
                c8.start("unassigned", Map.of("withInteger", withInteger, "withDate", withDate, "tooLong", tooLong));

        for (String name : List.of("withInteger", "withDate", "tooLong")) {
            assertThat(c8.flowable
                            .getRuntimeService()
                            .getVariableInstance(instance.getId(), name)
                            .getTypeName())
                    .as(name)
                    .isNotEqualTo(PlainJsonType.TYPE_NAME);
        }
        assertThat(c8.flowable.getRuntimeService().getVariable(instance.getId(), "withInteger"))
                .isEqualTo(withInteger);
        assertThat(c8.flowable.getRuntimeService().getVariable(instance.getId(), "withDate"))
                .isEqualTo(withDate);
    }
}
