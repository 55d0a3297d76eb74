package io.trainflow.workflows.feel;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.feel.FeelEngineClock;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FailedEvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * FEEL, as Camunda 8 evaluates it ({@code org.camunda.feel:feel-engine}). Expressions are
 * parsed once and cached; variables are read lazily from the caller's scope, so an
 * expression touching one variable never loads the others.
 */
public final class Feel {

    private final FeelEngineApi engine;
    private final Map<String, ParsedExpression> parsed = new ConcurrentHashMap<>();

    public Feel(Supplier<ZonedDateTime> now) {
        FeelEngineClock clock = now::get;
        this.engine = FeelEngineBuilder.forJava().withClock(clock).build();
    }

    public Feel() {
        this(() -> ZonedDateTime.now(Clock.systemUTC()));
    }

    /** Strips the leading {@code =} of a Zeebe expression; null when the text is a static value. */
    public static String expressionOf(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        return trimmed.startsWith("=") ? trimmed.substring(1) : null;
    }

    public static boolean isExpression(String text) {
        return expressionOf(text) != null;
    }

    /** Why the expression (without {@code =}) does not parse, or empty when it does. */
    public Optional<String> parseError(String expression) {
        ParseResult result = engine.parseExpression(expression);
        return result.isSuccess()
                ? Optional.empty()
                : Optional.of(result.failure().message());
    }

    /** Evaluates an expression (without {@code =}) against variables looked up by name. */
    public Object evaluate(String expression, VariableLookup variables) {
        ParsedExpression expr = parsed.computeIfAbsent(expression, this::parse);
        EvaluationResult result = engine.evaluate(expr, new LookupContext(variables));
        if (result instanceof FailedEvaluationResult failed) {
            throw new FeelException(expression, failed.failure().message());
        }
        return FeelValues.toPlain(result.result());
    }

    public Object evaluate(String expression, Map<String, Object> variables) {
        return evaluate(expression, VariableLookup.of(variables));
    }

    private ParsedExpression parse(String expression) {
        ParseResult result = engine.parseExpression(expression);
        if (!result.isSuccess()) {
            throw new FeelException(expression, result.failure().message());
        }
        return result.parsedExpression();
    }

    /** Where FEEL finds its variables: a process scope, a job's variables, a map. */
    public interface VariableLookup {
        boolean has(String name);

        Object get(String name);

        Iterable<String> names();

        static VariableLookup of(Map<String, Object> map) {
            return new VariableLookup() {
                public boolean has(String name) {
                    return map.containsKey(name);
                }

                public Object get(String name) {
                    return map.get(name);
                }

                public Iterable<String> names() {
                    return map.keySet();
                }
            };
        }
    }

    private static final class LookupContext extends CustomContext {
        private final VariableProvider provider;

        LookupContext(VariableLookup lookup) {
            this.provider = new VariableProvider() {
                @Override
                public scala.Option<Object> getVariable(String name) {
                    return lookup.has(name) ? new scala.Some<>(lookup.get(name)) : scala.Option.empty();
                }

                @Override
                public scala.collection.Iterable<String> keys() {
                    return scala.jdk.javaapi.CollectionConverters.asScala(lookup.names());
                }
            };
        }

        @Override
        public VariableProvider variableProvider() {
            return provider;
        }
    }
}
