package io.trainflow.connectors.moodle.ws;

import io.trainflow.connectors.moodle.error.MoodleBusinessException;
import io.trainflow.connectors.moodle.model.MoodleException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads a Moodle answer. Moodle reports failures as HTTP 200 with {@code exception}/{@code errorcode}
 * (see fixtures), so every body is checked for that shape before it is read into the expected model.
 */
public final class MoodleResponses {

    private MoodleResponses() {}

    public static <T> T read(String function, byte[] body, MoodleCall<T> call) {
        JsonNode tree;
        try {
            tree = MoodleJson.MAPPER.readTree(body);
        } catch (JacksonException e) {
            // HTML or truncated output (e.g. a PHP fatal error page): nothing a retry will fix
            throw new IllegalStateException("Moodle returned an unreadable answer to " + function, e);
        }
        if (tree != null && tree.isObject() && tree.has("exception")) {
            MoodleException ex = MoodleJson.MAPPER.treeToValue(tree, MoodleException.class);
            throw MoodleBusinessException.of(ex.getErrorcode(), ex.getException(), function + ": " + ex.getMessage());
        }
        if (tree == null || tree.isNull() || tree.isMissingNode()) {
            return null; // enrol_manual_enrol_users answers null
        }
        return MoodleJson.MAPPER.convertValue(tree, call.resultType());
    }
}
