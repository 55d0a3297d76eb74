package io.trainflow.workflows.connector.rest;

import io.trainflow.workflows.feel.FeelException;
import io.trainflow.workflows.feel.FeelValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.context.FunctionProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValFunction;
import org.camunda.feel.valuemapper.ValueMapper;
import scala.jdk.javaapi.CollectionConverters;

/**
 * FEEL for a connector's result and error expressions, with the two functions Camunda's connectors add:
 * {@code bpmnError(code, message[, variables])} and {@code jobError(message[, variables[, retries[, timeout]]])},
 * each a context naming its {@code errorType}, as Camunda's connector runtime defines them.
 */
final class ConnectorFeel {

    private static final ValueMapper VALUES = ValueMapper.defaultValueMapper();
    private final FeelEngineApi engine = FeelEngineBuilder.forJava()
            .withFunctionProvider(new ErrorFunctions())
            .build();
    private final Map<String, ParsedExpression> parsed = new ConcurrentHashMap<>();

    /** Evaluates a task header's expression (with or without its leading {@code =}) in {@code context}. */
    Object evaluate(String expression, Map<String, Object> context) {
        String text = expression.strip().startsWith("=") ? expression.strip().substring(1) : expression.strip();
        ParsedExpression expr = parsed.computeIfAbsent(text, t -> {
            ParseResult result = engine.parseExpression(t);
            if (!result.isSuccess()) {
                throw new FeelException(t, result.failure().message());
            }
            return result.parsedExpression();
        });
        EvaluationResult result = engine.evaluate(expr, context);
        if (!result.isSuccess()) {
            throw new FeelException(text, result.failure().message());
        }
        return FeelValues.toPlain(result.result());
    }

    private static final class ErrorFunctions implements FunctionProvider {

        private final Map<String, List<ValFunction>> functions = Map.of(
                "bpmnError",
                        List.of(
                                function(
                                        List.of("code", "message"),
                                        a -> error("bpmnError", "code", a.get(0), "message", a.get(1))),
                                function(
                                        List.of("code", "message", "variables"),
                                        a -> error(
                                                "bpmnError",
                                                "code",
                                                a.get(0),
                                                "message",
                                                a.get(1),
                                                "variables",
                                                a.get(2)))),
                "jobError",
                        List.of(
                                function(List.of("message"), a -> error("jobError", "message", a.get(0))),
                                function(
                                        List.of("message", "variables"),
                                        a -> error("jobError", "message", a.get(0), "variables", a.get(1))),
                                function(
                                        List.of("message", "variables", "retries"),
                                        a -> error(
                                                "jobError",
                                                "message",
                                                a.get(0),
                                                "variables",
                                                a.get(1),
                                                "retries",
                                                a.get(2))),
                                function(
                                        List.of("message", "variables", "retries", "timeout"),
                                        a -> error(
                                                "jobError",
                                                "message",
                                                a.get(0),
                                                "variables",
                                                a.get(1),
                                                "retries",
                                                a.get(2),
                                                "timeout",
                                                a.get(3)))));

        @Override
        public scala.collection.immutable.List<ValFunction> getFunctions(String name) {
            return CollectionConverters.asScala(functions.getOrDefault(name, List.of()))
                    .toList();
        }

        @Override
        public scala.collection.Iterable<String> functionNames() {
            return CollectionConverters.asScala(functions.keySet());
        }

        private static ValFunction function(
                List<String> params, java.util.function.Function<List<Object>, Object> body) {
            scala.Function1<scala.collection.immutable.List<Val>, Object> invoke = args -> {
                List<Object> plain = new ArrayList<>();
                CollectionConverters.asJava(args).forEach(v -> plain.add(FeelValues.toPlain(VALUES.unpackVal(v))));
                return VALUES.toVal(body.apply(plain));
            };
            return ValFunction.apply(CollectionConverters.asScala(params).toList(), invoke, false);
        }

        private static Map<String, Object> error(String type, Object... pairs) {
            Map<String, Object> context = new LinkedHashMap<>();
            context.put("errorType", type);
            for (int i = 0; i < pairs.length; i += 2) {
                context.put((String) pairs[i], pairs[i + 1]);
            }
            return context;
        }
    }
}
