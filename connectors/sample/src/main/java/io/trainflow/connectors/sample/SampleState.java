package io.trainflow.connectors.sample;

import java.util.Optional;

/**
 * Where the sample organisation keeps what changed since it was loaded (enrolments, grades,
 * supervisor changes, seat bookings...), as one JSON document per key, so restarting the
 * application loses nothing.
 */
public interface SampleState {

    Optional<String> load(String key);

    void save(String key, String json);

    static SampleState inMemory() {
        return new InMemorySampleState();
    }
}
