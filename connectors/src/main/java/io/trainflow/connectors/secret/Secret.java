package io.trainflow.connectors.secret;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * A credential read from the environment or from a secret file, never from a properties file. The
 * value leaves only through {@link #reveal()}; {@link #toString()} prints where it came from, not
 * what it is, so logging a config record cannot leak it.
 */
public final class Secret {

    private final String value;
    private final String source;

    private Secret(String value, String source) {
        this.value = Objects.requireNonNull(value, source);
        this.source = source;
    }

    /**
     * The variable {@code name}, or the file named by {@code name_FILE} (the Docker/Kubernetes
     * convention for mounted secrets); trailing newlines of the file are dropped.
     *
     * @throws IllegalStateException naming the variable when neither is set
     */
    public static Secret fromEnvironment(String name, Map<String, String> env) {
        String direct = env.get(name);
        if (direct != null && !direct.isBlank()) {
            return new Secret(direct, "environment variable " + name);
        }
        String file = env.get(name + "_FILE");
        if (file != null && !file.isBlank()) {
            return fromFile(Path.of(file));
        }
        throw new IllegalStateException(
                "secret missing: set the environment variable " + name + " or " + name + "_FILE (a file holding it)");
    }

    public static Secret fromFile(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (text.isEmpty()) {
                throw new IllegalStateException("secret file " + file + " is empty");
            }
            return new Secret(text, "file " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read secret file " + file, e);
        }
    }

    public String reveal() {
        return value;
    }

    /** Where the secret came from, for error messages. */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "***(" + source + ")";
    }
}
