package io.trainflow.bench.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainflow.workflows.feel.Feel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowable.common.engine.impl.de.odysseus.el.ExpressionFactoryImpl;
import org.flowable.common.engine.impl.de.odysseus.el.util.SimpleContext;
import org.junit.jupiter.api.Test;

/**
 * The forms the models gained since the last baseline run: each translation is evaluated by
 * Flowable's JUEL and by Trainflow's FEEL on the same variables (nulls included), and must agree.
 */
class FeelToJuelTest {

    private static final Feel FEEL = new Feel();
    private static final ExpressionFactoryImpl JUEL = new ExpressionFactoryImpl();

    @Test
    void ifThenElseBecomesTheTernaryWithFeelsNullRules() {
        String feel = "=if campaign != null then campaign else \"Department campaign \" + department";
        assertThat(FeelToJuel.value(feel))
                .isEqualTo("${execution.getVariable('campaign') != null ? campaign"
                        + " : feel.concat('Department campaign ', department)}");
        agree(feel, FeelToJuel.value(feel), vars("campaign", "Spring safety", "department", "ops"));
        agree(feel, FeelToJuel.value(feel), vars("campaign", null, "department", "ops"));
        agree(feel, FeelToJuel.value(feel), vars("campaign", null, "department", null));
    }

    @Test
    void countInAConditionIsNullUnlessAList() {
        String feel = "=count(learningPath) > 0";
        assertThat(FeelToJuel.condition(feel)).isEqualTo("${feel.count(learningPath) > 0}");
        agree(feel, FeelToJuel.condition(feel), vars("learningPath", List.of("course-1")));
        agree(feel, FeelToJuel.condition(feel), vars("learningPath", List.of()));
        agree(feel, FeelToJuel.condition(feel), vars("learningPath", null));
        assertThat(FeelToJuel.variablesOf(feel)).containsExactly("learningPath");
    }

    @Test
    void aComparisonAsAValueAndAsAConditionAgree() {
        for (String feel : List.of("=signedOff = true", "=withdraw = true", "=employeeBatches != null")) {
            for (Object v : new Object[] {true, false, null}) {
                String name = FeelToJuel.variablesOf(feel).get(0);
                agree(feel, FeelToJuel.value(feel), vars(name, v));
                agree(feel, FeelToJuel.condition(feel), vars(name, v));
            }
        }
        assertThat(FeelToJuel.value("=signedOff = true")).isEqualTo("${signedOff == true}");
    }

    @Test
    void aVariableTestedAgainstNullMayBeAbsent() {
        String feel = "=employeeBatches != null";
        assertThat(FeelToJuel.condition(feel)).isEqualTo("${execution.getVariable('employeeBatches') != null}");
        agree(feel, FeelToJuel.condition(feel), vars());
        agree(feel, FeelToJuel.condition(feel), vars("employeeBatches", List.of(List.of("e1"))));
    }

    @Test
    void formsItCannotTranslateExactlyAreRefused() {
        assertThatThrownBy(() -> FeelToJuel.value("={requestId: requestId}"))
                .hasMessageContaining("value not translated: ={requestId: requestId}");
        assertThatThrownBy(() -> FeelToJuel.condition("=sum(scores) > 0"))
                .hasMessageContaining("condition not translated");
        assertThatThrownBy(() -> FeelToJuel.value("=if a then b + 1 else c"))
                .hasMessageContaining("value not translated");
    }

    private static void agree(String feel, String juel, Map<String, Object> variables) {
        Object expected = FEEL.evaluate(FeelToJuel.body(feel), variables);
        SimpleContext context = new SimpleContext();
        variables.forEach((name, value) -> context.setVariable(name, JUEL.createValueExpression(value, Object.class)));
        context.setVariable("feel", JUEL.createValueExpression(new FeelFunctions(), Object.class));
        context.setVariable("execution", JUEL.createValueExpression(new Execution(variables), Object.class));
        Object actual = JUEL.createValueExpression(context, juel, Object.class).getValue(context);
        assertThat(actual).as("%s with %s", juel, variables).isEqualTo(feelTruth(expected, juel));
    }

    /** A condition's FEEL null takes no flow, as JUEL's false; a value's null stays null. */
    private static Object feelTruth(Object feelResult, String juel) {
        boolean isCondition = !juel.contains("?") && juel.matches(".*(==|!=|>|<).*");
        return isCondition && feelResult == null ? Boolean.FALSE : feelResult;
    }

    /** What Flowable's {@code execution} offers the translation: a variable, null when absent. */
    public record Execution(Map<String, Object> variables) {
        public Object getVariable(String name) {
            return variables.get(name);
        }
    }

    private static Map<String, Object> vars(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
