package io.trainflow.bench.baseline;

import java.util.Collection;

/**
 * The two FEEL built-ins the models use where JUEL has no operator of its own, as the baseline's
 * bean {@code feel}, with FEEL's null rules: {@code count} of anything but a list is null, and
 * {@code +} of anything but two strings is null (JUEL's {@code +} is numeric only).
 */
public final class FeelFunctions {

    /** FEEL {@code count(list)}. */
    public Integer count(Object list) {
        return list instanceof Collection<?> c ? c.size() : null;
    }

    /** FEEL {@code a + b} on strings. */
    public String concat(Object a, Object b) {
        return a instanceof String x && b instanceof String y ? x + y : null;
    }
}
