package io.trainflow.plugin.config;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code trainflow.node.*}: this node's identity and how it stops.
 *
 * @param id        carried by every lock this node takes; at start the locks its previous run held are released.
 *                  Stable across restarts; default: the host name and the working directory (where ./data is)
 * @param stopGrace how long running steps may take to finish on SIGTERM before their locks are given back
 */
@ConfigurationProperties(prefix = "trainflow.node")
public record NodeProperties(String id, Duration stopGrace) {

    public NodeProperties {
        id = id == null || id.isBlank() ? derivedId() : id.trim();
        stopGrace = stopGrace == null ? Duration.ofSeconds(10) : stopGrace;
    }

    private static String derivedId() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "localhost";
        }
        String dir = Path.of("").toAbsolutePath().normalize().toString();
        String digest = UUID.nameUUIDFromBytes(dir.getBytes(StandardCharsets.UTF_8))
                .toString()
                .substring(0, 8);
        return "trainflow@" + host + "/" + digest;
    }
}
