package io.trainflow.connectors.orangehrm.api;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one mapper for OrangeHRM JSON, reading the generated models. OrangeHRM writes an empty
 * {@code meta} as {@code []} and an object otherwise, so an empty array is accepted as a null
 * object. Unknown members are ignored: we model only what Trainflow reads. Nulls are written,
 * as OrangeHRM's own client does ({@code "expiryDate": null}, fixture 30).
 */
public final class OrangeHrmJson {

    public static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_EMPTY_ARRAY_AS_NULL_OBJECT)
            .build();

    private OrangeHrmJson() {}
}
