package dev.aksh.tunnel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Azure Bastion's native-client API, as the Azure CLI's tunnel speaks it: {@code POST /api/tokens}
 * (form: resourceId, protocol=tcptunnel, workloadHostPort, aztoken) answers an auth token, a node id
 * and a WebSocket token; {@code wss://…/webtunnelv2/{websocketToken}?X-Node-Id=…} carries the TCP
 * stream as binary messages; {@code DELETE /api/tokens/{authToken}} ends the session.
 */
public final class BastionEndpoint {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

    /** One Bastion session's tokens. Never printed: they grant access. */
    public record Token(String authToken, String nodeId, String websocketToken) {
        @Override
        public String toString() {
            return "Token[node " + nodeId + "]";
        }
    }

    /** Bastion answered a request with an error status. */
    public static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;
        private final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final HttpClient http;
    private final String dnsName;
    private final String targetResourceId;
    private final int resourcePort;
    private final Supplier<String> armToken;

    /**
     * @param dnsName the Bastion's {@code dnsName} from ARM
     * @param armToken an ARM access token for the operator (Bastion checks it against the target)
     */
    public BastionEndpoint(HttpClient http, String dnsName, String targetResourceId, int resourcePort,
            Supplier<String> armToken) {
        this.http = http;
        this.dnsName = dnsName;
        this.targetResourceId = targetResourceId;
        this.resourcePort = resourcePort;
        this.armToken = armToken;
    }

    public String dnsName() {
        return dnsName;
    }

    /** Asks for a new session. */
    public CompletableFuture<Token> requestToken() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("resourceId", targetResourceId);
        form.put("protocol", "tcptunnel");
        form.put("workloadHostPort", String.valueOf(resourcePort));
        form.put("aztoken", armToken.get());
        form.put("token", "");
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://" + dnsName + "/api/tokens"))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(r -> {
            if (r.statusCode() != 200) {
                throw new java.util.concurrent.CompletionException(new Refused(r.statusCode(), message(r.body())));
            }
            try {
                JsonNode n = JSON.readTree(r.body());
                Token t = new Token(n.path("authToken").asText(null), n.path("nodeId").asText(null),
                        n.path("websocketToken").asText(null));
                if (t.authToken() == null || t.websocketToken() == null || t.nodeId() == null) {
                    throw new IOException("Bastion's token answer lacks authToken, nodeId or websocketToken");
                }
                return t;
            } catch (IOException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
    }

    /** Opens the session's WebSocket (blocking). */
    WebSocketClient connect(Token token) throws IOException {
        URI uri = URI.create("wss://" + dnsName + "/webtunnelv2/" + token.websocketToken() + "?X-Node-Id="
                + enc(token.nodeId()));
        return WebSocketClient.connect(uri, http.sslContext(), Map.of(), REQUEST_TIMEOUT);
    }

    /** Threads the tunnel's blocking work runs on. */
    java.util.concurrent.Executor executor() {
        return http.executor().orElse(java.util.concurrent.ForkJoinPool.commonPool());
    }

    /** Ends a session; a 404 means Bastion already forgot it, which is as good. */
    public CompletableFuture<Void> delete(Token token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://" + dnsName + "/api/tokens/" + enc(token.authToken())))
                .timeout(REQUEST_TIMEOUT)
                .header("X-Node-Id", token.nodeId())
                .DELETE()
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenAccept(r -> {
            if (r.statusCode() >= 300 && r.statusCode() != 404) {
                throw new java.util.concurrent.CompletionException(new Refused(r.statusCode(),
                        "Bastion did not end the session (" + r.statusCode() + ")"));
            }
        });
    }

    private static String message(String body) {
        if (body == null || body.isBlank()) {
            return "no details";
        }
        try {
            JsonNode n = JSON.readTree(body);
            for (String f : new String[] {"message", "error", "Message"}) {
                JsonNode m = n.path(f);
                if (m.isTextual()) {
                    return m.asText();
                }
                if (m.path("message").isTextual()) {
                    return m.path("message").asText();
                }
            }
        } catch (IOException ignored) {
            // not JSON
        }
        String s = body.strip();
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }
}
