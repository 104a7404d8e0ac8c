package dev.aksh.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A fake Azure Resource Manager over HTTPS on 127.0.0.1. It behaves like ARM where clients can
 * tell: bearer tokens required (401 bodies otherwise), {@code api-version} required, case-insensitive
 * paths, subscriptions and resource groups checked before resources (404 codes
 * {@code SubscriptionNotFound}, {@code ResourceGroupNotFound}, {@code ResourceNotFound}), lists paged
 * with {@code nextLink}, errors as {@code {"error":{"code","message"}}}.
 *
 * <p>Resource types plug in as {@link ResourceKind}s; {@link Interceptor}s see every request first
 * (faults, counters).
 */
public final class FakeArm implements AutoCloseable {

    /** Sees each request before it is served; returns a response to answer instead, or null. */
    @FunctionalInterface
    public interface Interceptor {
        ArmResponse before(ArmRequest request);
    }

    /** What a kind's handler works with: the state, the request, and paging. */
    public final class Call {
        private final ArmRequest request;

        Call(ArmRequest request) {
            this.request = request;
        }

        public ArmState state() {
            return state;
        }

        public ArmRequest request() {
            return request;
        }

        public FakeArm arm() {
            return FakeArm.this;
        }

        /** A page of {@code items} as {@code {value, nextLink}}, honouring {@code $skipToken}. */
        public ArmResponse page(List<ObjectNode> items) {
            int size = state.world().arm().pageSize();
            int skip = 0;
            String token = request.query().get("$skipToken");
            if (token != null) {
                try {
                    skip = Integer.parseInt(token);
                } catch (NumberFormatException e) {
                    throw new ArmError(400, "InvalidSkipToken", "The skip token '" + token + "' is invalid.");
                }
            }
            World.Principal who = state.world().identity();
            items = items.stream().filter(i -> !i.has("id") || !who.denied(i.get("id").asText())).toList();
            ObjectNode out = ArmState.JSON.createObjectNode();
            ArrayNode value = out.putArray("value");
            for (int i = skip; i < Math.min(items.size(), skip + size); i++) {
                value.add(ArmState.copy(items.get(i)));
            }
            if (skip + size < items.size()) {
                out.put("nextLink", request.link(request.path(), Map.of("$skipToken", String.valueOf(skip + size))));
            }
            return ArmResponse.ok(out);
        }
    }

    private final ArmState state;
    private final SSLContext tls;
    private final TokenVerifier tokens;
    private final Map<String, ResourceKind> kinds = new HashMap<>();
    private final List<Interceptor> interceptors = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private HttpsServer server;
    private ExecutorService executor;
    private String baseUrl;

    public FakeArm(ArmState state, SSLContext tls, TokenVerifier tokens) {
        this.state = state;
        this.tls = tls;
        this.tokens = tokens;
    }

    public void addKind(ResourceKind kind) {
        kinds.put(kind.type().toLowerCase(Locale.ROOT), kind);
    }

    public void addInterceptor(Interceptor interceptor) {
        interceptors.add(interceptor);
    }

    public ArmState state() {
        return state;
    }

    /** Binds 127.0.0.1 on {@code port} (0 for an ephemeral one) and starts serving. */
    public FakeArm start(int port) throws IOException {
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-arm-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.createContext(MY_IP_PATH, this::myIp);
        server.createContext(SignIn.PATH, new SignIn(state, this::url)::handle);
        server.start();
        baseUrl = "https://127.0.0.1:" + server.getAddress().getPort();
        return this;
    }

    /**
     * Where the sandbox's "what is my IP" echo service answers, as api.ipify.org does on the
     * internet: the world's {@code myIp} as plain text.
     */
    public static final String MY_IP_PATH = "/sandbox/myip";

    private void myIp(HttpExchange ex) throws IOException {
        byte[] body = (state.world().myIp() + "\n").getBytes(StandardCharsets.US_ASCII);
        ex.getResponseHeaders().set("Content-Type", "text/plain");
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    /** {@code https://127.0.0.1:PORT/} */
    public String url() {
        return baseUrl + "/";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** How many requests have been served (for tests and benchmarks). */
    public int requestCount() {
        return requests.get();
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        ArmResponse response;
        try {
            int latency = state.world().arm().latencyMs();
            if (latency > 0) {
                Thread.sleep(latency);
            }
            ArmRequest request = read(ex);
            response = serve(request);
        } catch (ArmError e) {
            response = ArmResponse.error(e);
        } catch (RuntimeException e) {
            response = ArmResponse.error(new ArmError(500, "InternalServerError",
                    "The sandbox failed to serve the request: " + e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ex.close();
            return;
        }
        write(ex, response);
    }

    ArmResponse serve(ArmRequest r) {
        for (Interceptor i : interceptors) {
            ArmResponse early = i.before(r);
            if (early != null) {
                return early;
            }
        }
        tokens.verify(r.header("authorization"));
        if (r.apiVersion() == null || r.apiVersion().isBlank()) {
            throw new ArmError(400, "MissingApiVersionParameter",
                    "The api-version query parameter (?api-version=) is required for all requests.");
        }
        List<String> seg = segments(r.path());
        Call call = new Call(r);
        int roles = r.path().toLowerCase(Locale.ROOT).indexOf("/providers/microsoft.authorization/roleassignments");
        if (roles >= 0 && r.path().toLowerCase(Locale.ROOT).endsWith("/roleassignments")) {
            requireGet(r);
            String scope = r.path().substring(0, roles);
            synchronized (state) {
                if (scope.isEmpty() || state.world().identity().denied(scope)) {
                    authorize(scope.isEmpty() ? "/" : scope, "Microsoft.Authorization/roleAssignments/read");
                }
                return RoleDocuments.assignments(call, scope);
            }
        }
        if (seg.isEmpty()) {
            throw new ArmError(404, "NotFound", "No route for " + r.path());
        }
        if (is(seg.get(0), "tenants") && seg.size() == 1) {
            return tenants(call);
        }
        if (!is(seg.get(0), "subscriptions")) {
            throw new ArmError(404, "NotFound", "No route for " + r.path());
        }
        synchronized (state) {
            if (seg.size() == 1) {
                requireGet(r);
                return call.page(state.subscriptions());
            }
            String sub = seg.get(1);
            ObjectNode subDoc = state.subscription(sub);
            if (subDoc == null) {
                throw new ArmError(404, "SubscriptionNotFound", "The subscription '" + sub + "' could not be found.");
            }
            if (seg.size() == 2) {
                requireGet(r);
                return ArmResponse.ok(ArmState.copy(subDoc));
            }
            String scope = "/subscriptions/" + sub;
            if (is(seg.get(2), "resourceGroups")) {
                if (seg.size() == 3) {
                    requireGet(r);
                    return call.page(state.resourceGroups(sub));
                }
                String rg = seg.get(3);
                ObjectNode rgDoc = state.resourceGroup(sub, rg);
                if (rgDoc == null) {
                    throw new ArmError(404, "ResourceGroupNotFound", "Resource group '" + rg + "' could not be found.");
                }
                if (seg.size() == 4) {
                    requireGet(r);
                    return ArmResponse.ok(ArmState.copy(rgDoc));
                }
                if (!is(seg.get(4), "providers") || seg.size() < 7) {
                    throw new ArmError(404, "NotFound", "No route for " + r.path());
                }
                return provider(call, sub, rg, scope + "/resourceGroups/" + rg, seg.subList(5, seg.size()));
            }
            if (is(seg.get(2), "providers") && seg.size() >= 5) {
                return provider(call, sub, null, scope, seg.subList(3, seg.size()));
            }
            throw new ArmError(404, "NotFound", "No route for " + r.path());
        }
    }

    private ArmResponse provider(Call call, String sub, String rg, String scope, List<String> rest) {
        ArmRequest r = call.request();
        String ns = rest.get(0);
        List<String> pairs = rest.subList(1, rest.size());
        StringBuilder type = new StringBuilder(ns);
        StringBuilder id = new StringBuilder(scope).append("/providers/").append(ns);
        int full = pairs.size() / 2 * 2;
        for (int i = 0; i < full; i += 2) {
            type.append('/').append(pairs.get(i));
            id.append('/').append(pairs.get(i)).append('/').append(pairs.get(i + 1));
        }
        boolean odd = pairs.size() % 2 == 1;
        String last = odd ? pairs.get(pairs.size() - 1) : null;
        if (odd && !r.method().equals("POST")) {
            // a collection: list children of type+last under id
            String listType = type + "/" + last;
            ResourceKind k = kind(listType, r);
            requireGet(r);
            String listScope = full == 0 ? scope : id.toString();
            authorize(listScope, listType + "/read");
            return k.list(call, listScope);
        }
        if (full == 0) {
            throw new ArmError(405, "MethodNotAllowed", "The method " + r.method() + " is not allowed here.");
        }
        ResourceKind k = kind(type.toString(), r);
        ResourceId rid = new ResourceId(id.toString(), sub, rg, k.type(), pairs.get(full - 1));
        authorize(rid.id(), k.type() + (odd ? "/" + last + "/action" : switch (r.method()) {
            case "PUT" -> "/write";
            case "DELETE" -> "/delete";
            default -> "/read";
        }));
        if (odd) {
            return k.action(call, rid, last, r.body());
        }
        return switch (r.method()) {
            case "GET" -> k.get(call, rid);
            case "PUT" -> {
                if (r.body() == null || !r.body().isObject()) {
                    throw new ArmError(400, "InvalidRequestContent", "The request content was invalid and could not be deserialized.");
                }
                yield k.put(call, rid, (ObjectNode) r.body());
            }
            case "DELETE" -> k.delete(call, rid);
            default -> throw new ArmError(405, "MethodNotAllowed", "The method " + r.method() + " is not allowed here.");
        };
    }

    /** ARM's answer where the identity has no role: 403 AuthorizationFailed, naming the action and scope. */
    private void authorize(String scope, String action) {
        World.Principal who = state.world().identity();
        if (who.denied(scope)) {
            throw new ArmError(403, "AuthorizationFailed", "The client '" + who.user() + "' with object id '"
                    + who.objectId() + "' does not have authorization to perform action '" + action + "' over scope '"
                    + scope + "' or the scope is invalid. If access was recently granted, please refresh your credentials.");
        }
    }

    private ResourceKind kind(String type, ArmRequest r) {
        ResourceKind k = kinds.get(type.toLowerCase(Locale.ROOT));
        if (k == null) {
            int slash = type.indexOf('/');
            throw new ArmError(404, "InvalidResourceType", "The resource type '" + type.substring(slash + 1)
                    + "' could not be found in the namespace '" + (slash < 0 ? type : type.substring(0, slash))
                    + "' for api version '" + r.apiVersion() + "'.");
        }
        return k;
    }

    private ArmResponse tenants(Call call) {
        ObjectNode t = ArmState.JSON.createObjectNode();
        World.Tenant tenant = state.world().tenant();
        t.put("id", "/tenants/" + tenant.id());
        t.put("tenantId", tenant.id());
        t.put("tenantCategory", "Home");
        t.put("displayName", tenant.name());
        t.put("defaultDomain", "contoso.example");
        return call.page(List.of(t));
    }

    private static void requireGet(ArmRequest r) {
        if (!r.method().equals("GET")) {
            throw new ArmError(405, "MethodNotAllowed", "The method " + r.method() + " is not allowed here.");
        }
    }

    private static boolean is(String s, String word) {
        return s.equalsIgnoreCase(word);
    }

    private static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    private ArmRequest read(HttpExchange ex) throws IOException {
        String rawPath = ex.getRequestURI().getRawPath();
        String path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        Map<String, String> query = new LinkedHashMap<>();
        String rawQuery = ex.getRequestURI().getRawQuery();
        if (rawQuery != null) {
            for (String kv : rawQuery.split("&")) {
                if (kv.isEmpty()) {
                    continue;
                }
                int eq = kv.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? kv : kv.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
                query.put(k, v);
            }
        }
        Map<String, List<String>> headers = new HashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
        JsonNode body = null;
        try (InputStream in = ex.getRequestBody()) {
            byte[] bytes = in.readAllBytes();
            if (bytes.length > 0) {
                try {
                    body = ArmState.JSON.readTree(bytes);
                } catch (JsonProcessingException e) {
                    throw new ArmError(400, "InvalidRequestContent",
                            "The request content was invalid and could not be deserialized: " + e.getOriginalMessage());
                }
            }
        }
        return new ArmRequest(ex.getRequestMethod().toUpperCase(Locale.ROOT), path, query, headers, body, baseUrl);
    }

    private static void write(HttpExchange ex, ArmResponse response) throws IOException {
        String requestId = UUID.randomUUID().toString();
        ex.getResponseHeaders().set("x-ms-request-id", requestId);
        ex.getResponseHeaders().set("x-ms-correlation-request-id", requestId);
        String clientId = ex.getRequestHeaders().getFirst("x-ms-client-request-id");
        if (clientId != null) {
            ex.getResponseHeaders().set("x-ms-client-request-id", clientId);
        }
        response.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        if (response.status() == 401 && !response.headers().containsKey("WWW-Authenticate")) {
            ex.getResponseHeaders().set("WWW-Authenticate", "Bearer authorization_uri=\"https://login.windows.net/\", "
                    + "error=\"invalid_token\", error_description=\"The authentication failed.\"");
        }
        byte[] bytes = response.body() == null ? null
                : ArmState.JSON.writeValueAsBytes(response.body());
        if (bytes != null) {
            ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        }
        ex.sendResponseHeaders(response.status(), bytes == null ? -1 : bytes.length);
        if (bytes != null) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
        ex.close();
    }
}
