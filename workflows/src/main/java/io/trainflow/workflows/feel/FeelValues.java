package io.trainflow.workflows.feel;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Turns what FEEL (and Scala) hand back into the plain values a process variable holds:
 * maps, lists, strings, longs, doubles, booleans. Dates and durations become ISO-8601
 * strings so timers, JSON and both engines read them the same way.
 */
public final class FeelValues {

    private FeelValues() {}

    public static Object toPlain(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof scala.Option<?> option) {
            return option.isEmpty() ? null : toPlain(option.get());
        }
        if (value instanceof scala.math.BigDecimal big) {
            return toPlain(big.bigDecimal());
        }
        if (value instanceof BigDecimal big) {
            return numberOf(big);
        }
        if (value instanceof BigInteger big) {
            return big.longValue();
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof Number) {
            return value;
        }
        if (value instanceof TemporalAmount || value instanceof TemporalAccessor) {
            return value.toString();
        }
        if (value instanceof scala.collection.Map<?, ?> map) {
            return toPlain(CollectionConverters.asJava(map));
        }
        if (value instanceof scala.collection.Iterable<?> iterable) {
            return toPlain(CollectionConverters.asJava(iterable));
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> plain = new LinkedHashMap<>();
            map.forEach((k, v) -> plain.put(String.valueOf(k), toPlain(v)));
            return plain;
        }
        if (value instanceof Iterable<?> iterable) {
            List<Object> plain = new ArrayList<>();
            iterable.forEach(v -> plain.add(toPlain(v)));
            return plain;
        }
        if (value instanceof Object[] array) {
            return toPlain(List.of(array));
        }
        return value;
    }

    static Object numberOf(BigDecimal big) {
        if (big.signum() == 0 || big.scale() <= 0 || big.stripTrailingZeros().scale() <= 0) {
            try {
                return big.longValueExact();
            } catch (ArithmeticException tooLarge) {
                return big.doubleValue();
            }
        }
        return big.doubleValue();
    }

    /** True when the value is a list FEEL may return for a candidate-group style expression. */
    public static boolean isCollection(Object value) {
        return value instanceof Collection<?>;
    }
}
