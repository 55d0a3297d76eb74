package io.trainflow.plugin.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Answers remembered for a short while, at most {@code maxSize} of them (the least recently used
 * goes first). A failed look-up is not remembered: the next ask tries again. Look-ups run outside
 * the lock, so two threads asking the same new key at once may both look it up.
 */
final class RecentAnswers<K, V> {

    private record Answer<V>(V value, Instant expires) {
    }

    private final Duration ttl;
    private final Clock clock;
    private final Map<K, Answer<V>> answers;

    RecentAnswers(Duration ttl, int maxSize, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
        this.answers = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Answer<V>> eldest) {
                return size() > maxSize;
            }
        };
    }

    V get(K key, Function<K, V> lookUp) {
        Instant now = clock.instant();
        synchronized (answers) {
            Answer<V> known = answers.get(key);
            if (known != null && now.isBefore(known.expires())) {
                return known.value();
            }
        }
        V value = lookUp.apply(key);
        synchronized (answers) {
            answers.put(key, new Answer<>(value, now.plus(ttl)));
        }
        return value;
    }

    int size() {
        synchronized (answers) {
            return answers.size();
        }
    }
}
