package io.trainflow.connectors.moodle.ws;

import java.util.Map;
import tools.jackson.core.type.TypeReference;

/**
 * One web-service function call as it travels through the Camel routes: the function, its
 * parameters (scalars, lists, maps or generated request models, encoded by {@link MoodleForm}) and
 * the generated model type the JSON answer is read into.
 */
public record MoodleCall<T>(String function, Map<String, Object> params, TypeReference<T> resultType) {}
