package io.trainflow.connectors.ai.provenance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * SHA-256 of a canonical JSON rendering of the inputs. Properties and map keys are sorted so that the
 * same inputs always give the same hash, whatever order a caller built them in.
 */
public final class InputHash {

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private InputHash() {}

    /** Hash of the operation name and its inputs (records, lists, maps, strings, numbers). */
    public static String of(String operation, Object... inputs) {
        StringBuilder canonical = new StringBuilder(operation);
        for (Object input : inputs) {
            canonical.append('\n').append(CANONICAL.writeValueAsString(input));
        }
        return sha256(canonical.toString());
    }

    public static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has SHA-256", e);
        }
    }
}
