package io.trainflow.workflows.feel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The shortcut answers as the FEEL engine does, for every expression and value it takes, and leaves it the rest. */
class FeelShortcutTest {

    private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-03-02T09:00:00Z");

    private final Feel fast = new Feel(() -> NOW, true);
    private final Feel engine = new Feel(() -> NOW, false);

    private static Map<String, Object> variables() {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("username", "a.lopez");
        profile.put("department", "Engineering");
        profile.put("grade", 7);
        profile.put("manager", null);
        profile.put("skills", List.of("java", "sql"));
        profile.put("nested", Map.of("level", 3L, "flag", true));
        Map<String, Object> v = new HashMap<>();
        v.put("employeeId", "E-1001");
        v.put("decision", "approve");
        v.put("withdraw", true);
        v.put("signedOff", false);
        v.put("pathCost", 1250L);
        v.put("gapCount", 2);
        v.put("profile", profile);
        v.put("linkNote", null);
        v.put("courseIds", Arrays.asList("C-1", null, "C-3"));
        v.put("score", 2.0);
        v.put("ratio", 0.25);
        v.put("costs", List.of(1.5, 2L));
        v.put("startDate", LocalDate.of(2026, 4, 1));
        v.put("record", new Object() {
            @SuppressWarnings("unused")
            public String getName() {
                return "x";
            }
        });
        v.put("and", "not a variable name in FEEL");
        return v;
    }

    @Test
    void answersAsTheEngineDoes() {
        List<String> expressions = List.of(
                "employeeId",
                "decision",
                "withdraw",
                "pathCost",
                "gapCount",
                "profile",
                "profile.username",
                "profile.grade",
                "profile.manager",
                "profile.skills",
                "profile.nested",
                "profile.nested.level",
                "profile.missing",
                "profile.username.first",
                "linkNote",
                "linkNote.text",
                "courseIds",
                "missing",
                "missing.field",
                "score",
                "ratio",
                "costs",
                "startDate",
                "record.name",
                "\"rejected\"",
                "\"\"",
                "true",
                "false",
                "null",
                "decision = \"approve\"",
                "decision = \"changes\"",
                "decision=\"approve\"",
                "withdraw = true",
                "signedOff = true",
                "signedOff = false",
                "profile.department = \"Engineering\"",
                "pathCost = \"1250\"",
                "linkNote = \"x\"",
                "missing = true",
                "gapCount > 0",
                "{requestId: employeeId, day: 30}",
                "{day: 90, behaviourScore: gapCount, observation: decision}",
                "{a: profile.username, b: \"x, y\", c: true, d: -4, e: profile.manager}",
                "{a: missing}",
                "{a: score}",
                "{a: employeeId,}",
                "{a: employeeId, a: decision}",
                "{}",
                "{ }",
                "{a: null}",
                "programmeId + \"-\" + employeeId");
        Map<String, Object> values = variables();
        for (String expression : expressions) {
            Object expected = outcome(engine, expression, values);
            assertThat(outcome(fast, expression, values)).as(expression).isEqualTo(expected);
        }
    }

    @Test
    void takesVariablesTextAndComparisonsButNothingElse() {
        assertThat(FeelShortcut.of("employeeId")).isNotNull();
        assertThat(FeelShortcut.of("profile.username")).isNotNull();
        assertThat(FeelShortcut.of("\"rejected\"")).isNotNull();
        assertThat(FeelShortcut.of("decision = \"approve\"")).isNotNull();
        assertThat(FeelShortcut.of("withdraw = true")).isNotNull();
        assertThat(FeelShortcut.of("null")).isNull();
        assertThat(FeelShortcut.of("and")).isNull();
        assertThat(FeelShortcut.of("gapCount > 0")).isNull();
        assertThat(FeelShortcut.of("\"a\\\"b\"")).isNull();
        assertThat(FeelShortcut.of("count(learningPath) > 0")).isNull();
        assertThat(FeelShortcut.of("{requestId: requestId, day: 30}")).isNotNull();
        assertThat(FeelShortcut.of("{requestId: requestId, day: 30 + 1}")).isNull();
        assertThat(FeelShortcut.of("{requestId: requestId,}")).isNull();
    }

    @Test
    void readsOnlyTheVariablesItNames() {
        AtomicInteger reads = new AtomicInteger();
        Map<String, Object> values = variables();
        Feel.VariableLookup counting = new Feel.VariableLookup() {
            public boolean has(String name) {
                return values.containsKey(name);
            }

            public Object get(String name) {
                reads.incrementAndGet();
                return values.get(name);
            }

            public Iterable<String> names() {
                throw new AssertionError("a shortcut never lists the scope");
            }
        };
        assertThat(fast.evaluate("profile.department", counting)).isEqualTo("Engineering");
        assertThat(reads).hasValue(1);
    }

    @Test
    void aWrongExpressionIsStillTheEnginesError() {
        assertThatThrownBy(() -> fast.evaluate("decision = ", Map.of("decision", "approve")))
                .isInstanceOf(FeelException.class)
                .hasMessageContaining("decision = ");
    }

    /** The value, or the error's class, so a failure is compared too. */
    private static Object outcome(Feel feel, String expression, Map<String, Object> variables) {
        try {
            Object value = feel.evaluate(expression, variables);
            return value instanceof Map<?, ?> map ? new HashMap<>(map) : value == null ? "<null>" : value;
        } catch (RuntimeException e) {
            return e.getClass();
        }
    }
}
