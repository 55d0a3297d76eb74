package io.trainflow.engine.camunda;

import io.trainflow.workflows.problems.TrainflowProblem;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * Where the Camunda 8 cluster is and how Trainflow signs in to it, read from the environment only (secrets never
 * come from a file). Self-managed: {@code TRAINFLOW_CAMUNDA_REST_ADDRESS} (and {@code _GRPC_ADDRESS} when the
 * transport is gRPC) with {@code TRAINFLOW_CAMUNDA_AUTH} = {@code none}, {@code basic} (user and password) or
 * {@code oauth} (client credentials against a token URL). SaaS: {@code TRAINFLOW_CAMUNDA_AUTH=saas} with the
 * cluster id, region and client credentials. A missing or malformed value is refused naming the variable.
 */
public record CamundaSettings(
        Transport transport,
        URI restAddress,
        URI grpcAddress,
        Auth auth,
        String username,
        String password,
        String clientId,
        String clientSecret,
        String tokenUrl,
        String audience,
        String scope,
        String clusterId,
        String region,
        Duration messageTtl,
        Duration jobTimeout,
        int workerThreads) {

    public static final String PREFIX = "TRAINFLOW_CAMUNDA_";

    /** REST is the tested transport; gRPC is the client's other one, a configuration choice. */
    public enum Transport {
        REST,
        GRPC
    }

    public enum Auth {
        NONE,
        BASIC,
        OAUTH,
        SAAS
    }

    /** The settings from the process environment. */
    public static CamundaSettings fromEnvironment() {
        return from(System.getenv()::get);
    }

    public static CamundaSettings of(Map<String, String> values) {
        return from(values::get);
    }

    /** The settings from a lookup of {@code TRAINFLOW_CAMUNDA_*} names. */
    public static CamundaSettings from(Function<String, String> env) {
        Reader in = new Reader(env);
        Auth auth = in.choice("AUTH", Auth.class, Auth.NONE);
        Transport transport = in.choice("TRANSPORT", Transport.class, Transport.REST);
        URI rest = auth == Auth.SAAS ? in.uri("REST_ADDRESS", false) : in.uri("REST_ADDRESS", true);
        URI grpc = in.uri("GRPC_ADDRESS", transport == Transport.GRPC && auth != Auth.SAAS);
        boolean basic = auth == Auth.BASIC;
        boolean client = auth == Auth.OAUTH || auth == Auth.SAAS;
        return new CamundaSettings(
                transport,
                rest,
                grpc,
                auth,
                in.text("USERNAME", basic),
                in.text("PASSWORD", basic),
                in.text("CLIENT_ID", client),
                in.text("CLIENT_SECRET", client),
                in.text("TOKEN_URL", auth == Auth.OAUTH),
                in.text("AUDIENCE", false),
                in.text("SCOPE", false),
                in.text("CLUSTER_ID", auth == Auth.SAAS),
                in.text("REGION", auth == Auth.SAAS),
                in.duration("MESSAGE_TTL", Duration.ofHours(1)),
                in.duration("JOB_TIMEOUT", Duration.ofMinutes(5)),
                in.number("WORKER_THREADS", 4));
    }

    @Override
    public String toString() {
        // never the secrets
        return "CamundaSettings[" + transport + ", " + auth + ", rest " + restAddress + ", grpc " + grpcAddress
                + (clusterId == null ? "" : ", cluster " + clusterId + " in " + region) + "]";
    }

    private record Reader(Function<String, String> env) {

        String text(String name, boolean required) {
            String value = env.apply(PREFIX + name);
            if (value == null || value.isBlank()) {
                if (required) {
                    throw new TrainflowProblem.InvalidInput(
                            PREFIX + name, "must be set for this Camunda 8 sign-in and transport");
                }
                return null;
            }
            return value.strip();
        }

        URI uri(String name, boolean required) {
            String value = text(name, required);
            if (value == null) {
                return null;
            }
            try {
                URI uri = URI.create(value);
                if (uri.getScheme() == null || uri.getHost() == null) {
                    throw new IllegalArgumentException("no scheme or host");
                }
                return uri;
            } catch (IllegalArgumentException e) {
                throw new TrainflowProblem.InvalidInput(
                        PREFIX + name, "must be an address like http://localhost:8080, was '" + value + "'");
            }
        }

        <E extends Enum<E>> E choice(String name, Class<E> type, E fallback) {
            String value = text(name, false);
            if (value == null) {
                return fallback;
            }
            for (E option : type.getEnumConstants()) {
                if (option.name().equalsIgnoreCase(value)) {
                    return option;
                }
            }
            throw new TrainflowProblem.InvalidInput(
                    PREFIX + name,
                    "must be one of "
                            + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(java.util.Locale.ROOT)
                            + ", was '" + value + "'");
        }

        Duration duration(String name, Duration fallback) {
            String value = text(name, false);
            if (value == null) {
                return fallback;
            }
            try {
                return Duration.parse(value);
            } catch (RuntimeException e) {
                throw new TrainflowProblem.InvalidInput(
                        PREFIX + name, "must be an ISO-8601 duration like PT1H, was '" + value + "'");
            }
        }

        int number(String name, int fallback) {
            String value = text(name, false);
            if (value == null) {
                return fallback;
            }
            try {
                int n = Integer.parseInt(value);
                if (n < 1) {
                    throw new NumberFormatException();
                }
                return n;
            } catch (NumberFormatException e) {
                throw new TrainflowProblem.InvalidInput(
                        PREFIX + name, "must be a whole number above 0, was '" + value + "'");
            }
        }
    }
}
