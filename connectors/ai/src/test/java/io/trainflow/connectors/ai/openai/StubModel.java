package io.trainflow.connectors.ai.openai;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * An OpenAI-compatible endpoint on loopback (JDK HttpServer): records every request it receives and
 * answers from a queue of scripted replies, or from a function of the request when the queue is empty.
 */
public final class StubModel implements AutoCloseable {

    /** One request, with when it arrived ({@link System#nanoTime()}). */
    public record Received(String method, String path, Map<String, List<String>> headers, String body, long atNanos) {
        public JsonNode json() {
            return OpenAiWire.JSON.readTree(body);
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }

        /** The data the request carried (the user message's JSON "data" member). */
        public JsonNode data() {
            return OpenAiWire.JSON
                    .readTree(json().get("messages").get(1).get("content").asString())
                    .get("data");
        }
    }

    public record Reply(int status, String body, long delayMillis, Map<String, String> headers) {}

    private final HttpServer server;
    private final java.util.concurrent.ExecutorService executor = Executors.newCachedThreadPool();
    public final List<Received> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    private volatile Function<Received, Reply> fallback = r -> new Reply(500, "{}", 0, Map.of());

    public StubModel() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Received r = new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().toString(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    body,
                    System.nanoTime());
            received.add(r);
            Reply reply = script.poll();
            if (reply == null) {
                reply = fallback.apply(r);
            }
            try {
                Thread.sleep(reply.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            reply.headers().forEach(exchange.getResponseHeaders()::add);
            try {
                exchange.sendResponseHeaders(reply.status(), bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            } catch (IOException clientGone) {
                // the client timed out and closed the connection: nothing to answer
            }
        });
        server.start();
    }

    public String baseUrl() {
        return "http://" + server.getAddress().getHostString() + ":"
                + server.getAddress().getPort() + "/v1";
    }

    public StubModel then(int status, String body) {
        return then(status, body, Map.of());
    }

    /** A scripted reply with response headers, e.g. a 429's Retry-After. */
    public StubModel then(int status, String body, Map<String, String> headers) {
        script.add(new Reply(status, body, 0, headers));
        return this;
    }

    public StubModel thenSlow(long delayMillis, String body) {
        script.add(new Reply(200, body, delayMillis, Map.of()));
        return this;
    }

    /** Answers every request not scripted with a chat completion whose content {@code f} computes. */
    public StubModel answering(Function<Received, String> content) {
        fallback = r -> new Reply(200, completion(content.apply(r)), 0, Map.of());
        return this;
    }

    /** A chat-completions response whose message content is {@code content}. */
    public static String completion(String content) {
        var root = OpenAiWire.JSON.createObjectNode();
        root.put("id", "chatcmpl-stub").put("object", "chat.completion").put("model", "stub");
        var choice = root.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        return OpenAiWire.JSON.writeValueAsString(root);
    }

    public String allBodies() {
        return String.join("\n", received.stream().map(Received::body).toList());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
