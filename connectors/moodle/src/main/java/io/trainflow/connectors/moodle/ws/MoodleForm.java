package io.trainflow.connectors.moodle.ws;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URLEncoder;
import java.util.Collection;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The single hand-written encoder of this connector, because OpenAPI has no serialisation style
 * for arrays of objects in a form body: it turns a call's parameters into Moodle's PHP-style form,
 * {@code enrolments[0][userid]=5&enrolments[0][courseid]=2}. Lists become {@code [i]}, maps and
 * generated models (via their JSON names, nulls left out) become {@code [name]}, booleans 1/0 as
 * PHP expects. Everything else about the request and the response comes from the generated models.
 */
public final class MoodleForm {

    private MoodleForm() {}

    public static String encode(Map<String, ?> params) {
        StringJoiner form = new StringJoiner("&");
        params.forEach((key, value) -> add(form, key, value));
        return form.toString();
    }

    private static void add(StringJoiner form, String key, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                add(form, key + "[" + i++ + "]", item);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> add(form, key + "[" + k + "]", v));
        } else if (value instanceof Boolean b) {
            form.add(enc(key) + "=" + (b ? "1" : "0"));
        } else if (value instanceof CharSequence || value instanceof Number || value instanceof Enum<?>) {
            form.add(enc(key) + "=" + enc(String.valueOf(value)));
        } else {
            // a generated request model: its JSON view gives Moodle's member names and enum values
            add(form, key, MoodleJson.MAPPER.convertValue(value, Map.class));
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, UTF_8);
    }
}
