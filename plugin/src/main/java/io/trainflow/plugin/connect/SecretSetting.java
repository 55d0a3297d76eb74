package io.trainflow.plugin.connect;

import io.trainflow.connectors.secret.Secret;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * A credential of a connection: from its environment variable, else from the file a property names
 * (a mounted secret), never from a property itself, so it cannot show in a configuration dump.
 */
final class SecretSetting {

    private SecretSetting() {}

    /**
     * @param variable     e.g. TRAINFLOW_ORANGEHRM_CLIENT_SECRET
     * @param file         the value of the file property, may be blank
     * @param fileProperty its name, for the error message
     */
    static Secret read(String variable, String file, String fileProperty, Function<String, String> env) {
        String direct = env.apply(variable);
        if (direct != null && !direct.isBlank()) {
            return Secret.fromEnvironment(variable, java.util.Map.of(variable, direct));
        }
        if (file == null || file.isBlank()) {
            throw new IllegalStateException("secret missing: set the environment variable " + variable + " or "
                    + fileProperty + " (" + variable + "_FILE), a file holding it");
        }
        return Secret.fromFile(Path.of(file.trim()));
    }

    static String required(String value, String property, String example) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(property + " is not set; e.g. " + example);
        }
        return value.trim();
    }
}
