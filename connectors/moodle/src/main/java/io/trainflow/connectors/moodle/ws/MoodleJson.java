package io.trainflow.connectors.moodle.ws;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one mapper for Moodle JSON. Jackson 3 reads the generated models because they only carry
 * Jackson annotations, which Jackson 3 kept in com.fasterxml.jackson.annotation. Unknown members
 * are ignored: Moodle adds fields between releases and we model only what Trainflow reads.
 */
public final class MoodleJson {

    public static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private MoodleJson() {}
}
