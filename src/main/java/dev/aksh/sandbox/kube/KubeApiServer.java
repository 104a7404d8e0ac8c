package dev.aksh.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * A Kubernetes API server over one fake cluster's state, enough for a real kubectl: legacy
 * discovery ({@code /api}, {@code /apis}, resource lists), {@code /version}, list/get with
 * server-side Table output (the columns of {@link KubeTables}), create, replace, merge and JSON
 * patches, delete, {@code pods/log}, {@code deployments/scale}, and watch (enough for
 * {@code rollout status}). It checks credentials as AKS does: a bearer token for the AKS AAD server
 * app, or the cluster admin's client certificate.
 */
public final class KubeApiServer implements AutoCloseable {
    /** What an authenticator's answer starts with when the caller is known but not allowed (403). */
    public static final String FORBIDDEN = "forbidden:";
    /** Who may call: the token or certificate the request carries. */
    public interface Authenticator {
        /** @return null when allowed, the reason to answer 401, or {@link #FORBIDDEN} and a reason for 403 */
        String check(String bearerToken, X509Certificate clientCertificate);
    }

    private final KubeCluster cluster;
    private final SSLContext tls;
    private final Authenticator auth;
    private HttpsServer server;
    private ExecutorService executor;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile RequestListener listener = (method, path, userAgent, status) -> { };

    /** Told of every request once it is answered. */
    public interface RequestListener {
        void answered(String method, String path, String userAgent, int status);
    }

    /** Who is told of every request answered (set before {@link #start}). */
    public KubeApiServer onRequest(RequestListener l) {
        this.listener = l;
        return this;
    }

    public KubeApiServer(KubeCluster cluster, SSLContext tls, Authenticator auth) {
        this.cluster = cluster;
        this.tls = tls;
        this.auth = auth;
    }

    /** Binds 127.0.0.1 on an ephemeral port. */
    public KubeApiServer start() throws IOException {
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        server.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters params) {
                var p = tls.getDefaultSSLParameters();
                p.setWantClientAuth(true);
                params.setSSLParameters(p);
            }
        });
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-kube-" + cluster.name() + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

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

    // ------------------------------------------------------------------ dispatch

    private record Request(String method, String path, Map<String, String> query, String accept, String contentType,
            byte[] body) {
        boolean table() {
            return accept != null && accept.contains("as=Table");
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        try {
            answer(ex);
        } finally {
            if (ex.getAttribute(REPORTED) == null) {
                report(ex, ex.getResponseCode());
            }
        }
    }

    private static final String REPORTED = "aksh.reported";

    /** Tells the listener first, then answers: whoever reads the answer may look for the request at once. */
    private void sendHeaders(HttpExchange ex, int status, long length) throws IOException {
        report(ex, status);
        ex.sendResponseHeaders(status, length);
    }

    private void report(HttpExchange ex, int status) {
        ex.setAttribute(REPORTED, Boolean.TRUE);
        listener.answered(ex.getRequestMethod(), ex.getRequestURI().getPath(),
                String.valueOf(ex.getRequestHeaders().getFirst("User-Agent")), status);
    }

    private void answer(HttpExchange ex) throws IOException {
        try {
            String bearer = null;
            String authz = ex.getRequestHeaders().getFirst("Authorization");
            if (authz != null && authz.regionMatches(true, 0, "Bearer ", 0, 7)) {
                bearer = authz.substring(7).trim();
            }
            X509Certificate cert = null;
            if (ex instanceof HttpsExchange hx) {
                try {
                    Certificate[] peer = hx.getSSLSession().getPeerCertificates();
                    if (peer.length > 0 && peer[0] instanceof X509Certificate x) {
                        cert = x;
                    }
                } catch (SSLPeerUnverifiedException ignored) {
                    // no client certificate
                }
            }
            String denied = auth.check(bearer, cert);
            String path = ex.getRequestURI().getPath();
            boolean anonymousPublicInfo = bearer == null && cert == null
                    && (path.equals("/version") || path.equals("/healthz") || path.equals("/livez") || path.equals("/readyz"));
            if (denied != null && denied.startsWith(FORBIDDEN) && !anonymousPublicInfo) {
                status(ex, 403, "Forbidden", denied.substring(FORBIDDEN.length()), null);
                return;
            }
            if (denied != null && !anonymousPublicInfo) {
                // as on AKS, anonymous requests may read only what system:public-info-viewer allows
                status(ex, 401, "Unauthorized", "Unauthorized", null);
                return;
            }
            Request r = read(ex);
            route(ex, r);
        } catch (KubeError e) {
            status(ex, e.code() == 0 ? 400 : e.code(), e.reason(), e.getMessage(), null);
        } catch (RuntimeException e) {
            status(ex, 500, "InternalError", "the sandbox API server failed: " + e, null);
        }
    }

    private void route(HttpExchange ex, Request r) throws IOException {
        List<String> seg = new ArrayList<>();
        for (String s : r.path().split("/")) {
            if (!s.isEmpty()) {
                seg.add(s);
            }
        }
        if (seg.isEmpty()) {
            json(ex, 200, pathsDocument());
            return;
        }
        switch (seg.get(0)) {
            case "version" -> {
                json(ex, 200, version());
                return;
            }
            case "healthz", "livez", "readyz" -> {
                text(ex, 200, "ok");
                return;
            }
            case "openapi" -> {
                if (seg.size() == 2 && seg.get(1).equals("v3")) {
                    json(ex, 200, openApiIndex());
                } else if (seg.size() >= 3 && seg.get(1).equals("v3")) {
                    ObjectNode doc = openApiGroupVersion(String.join("/", seg.subList(2, seg.size())));
                    if (doc == null) {
                        status(ex, 404, "NotFound", "the server could not find the requested resource", null);
                    } else {
                        json(ex, 200, doc);
                    }
                } else {
                    status(ex, 404, "NotFound", "the sandbox API server publishes OpenAPI v3 only", null);
                }
                return;
            }
            case "api" -> {
                if (seg.size() == 1) {
                    ObjectNode v = KubeCluster.JSON.createObjectNode().put("kind", "APIVersions");
                    v.putArray("versions").add("v1");
                    v.putArray("serverAddressByClientCIDRs").addObject().put("clientCIDR", "0.0.0.0/0")
                            .put("serverAddress", cluster.apiServerHost() + ":443");
                    json(ex, 200, v);
                    return;
                }
                if (seg.size() == 2) {
                    json(ex, 200, resourceList("", seg.get(1)));
                    return;
                }
                resource(ex, r, "", seg.get(1), seg.subList(2, seg.size()));
                return;
            }
            case "apis" -> {
                if (seg.size() == 1) {
                    json(ex, 200, groupList());
                    return;
                }
                if (seg.size() == 2) {
                    ObjectNode g = group(seg.get(1));
                    if (g == null) {
                        status(ex, 404, "NotFound", "the server could not find the requested resource", null);
                    } else {
                        json(ex, 200, g);
                    }
                    return;
                }
                if (seg.size() == 3) {
                    json(ex, 200, resourceList(seg.get(1), seg.get(2)));
                    return;
                }
                resource(ex, r, seg.get(1), seg.get(2), seg.subList(3, seg.size()));
                return;
            }
            default -> status(ex, 404, "NotFound", "the server could not find the requested resource", null);
        }
    }

    /** {@code [namespaces/NS/]PLURAL[/NAME[/SUB]]} under a group/version. */
    private void resource(HttpExchange ex, Request r, String group, String version, List<String> rest) throws IOException {
        String ns = null;
        List<String> p = rest;
        if (p.size() >= 3 && p.get(0).equals("namespaces")) {
            ns = p.get(1);
            p = p.subList(2, p.size());
        }
        String plural = p.get(0);
        if (ns == null && plural.equals("namespaces") && p.size() == 1 && rest.size() >= 2 && rest.get(0).equals("namespaces")) {
            // /api/v1/namespaces/NAME is handled below as a cluster-scoped get
        }
        KubeKind kind = byPlural(group, version, plural);
        if (kind == null) {
            status(ex, 404, "NotFound", "the server could not find the requested resource", null);
            return;
        }
        String name = p.size() > 1 ? p.get(1) : null;
        String sub = p.size() > 2 ? p.get(2) : null;
        synchronized (cluster) {
            if (name == null) {
                collection(ex, r, kind, ns);
            } else if (sub == null) {
                object(ex, r, kind, kind.namespaced() ? ns : null, name);
            } else {
                subresource(ex, r, kind, ns, name, sub);
            }
        }
    }

    private void collection(HttpExchange ex, Request r, KubeKind kind, String ns) throws IOException {
        switch (r.method()) {
            case "GET" -> {
                Labels selector = Labels.parse(r.query().get("labelSelector"));
                Predicate<JsonNode> fields = fieldSelector(r.query().get("fieldSelector"));
                List<ObjectNode> items = new ArrayList<>();
                for (ObjectNode o : cluster.list(kind, kind.namespaced() ? ns : null, selector)) {
                    if (fields.test(o)) {
                        items.add(o);
                    }
                }
                if ("true".equals(r.query().get("watch")) || "1".equals(r.query().get("watch"))) {
                    watch(ex, items, r.query().get("timeoutSeconds"));
                    return;
                }
                if (r.table()) {
                    json(ex, 200, table(kind, items));
                } else {
                    ObjectNode list = KubeCluster.JSON.createObjectNode();
                    list.put("kind", kind.kind() + "List");
                    list.put("apiVersion", kind.apiVersion());
                    list.putObject("metadata").put("resourceVersion", resourceVersion());
                    ArrayNode arr = list.putArray("items");
                    items.forEach(arr::add);
                    json(ex, 200, list);
                }
            }
            case "POST" -> {
                ObjectNode body = body(r);
                ObjectNode created = cluster.create(kind, ns, body);
                json(ex, 201, created);
            }
            default -> status(ex, 405, "MethodNotAllowed", "the server does not allow this method on the requested resource", null);
        }
    }

    private void object(HttpExchange ex, Request r, KubeKind kind, String ns, String name) throws IOException {
        switch (r.method()) {
            case "GET" -> {
                ObjectNode o = cluster.require(kind, ns, name);
                json(ex, 200, r.table() ? table(kind, List.of(o)) : o);
            }
            case "PUT" -> json(ex, 200, cluster.replace(kind, ns, name, body(r)));
            case "PATCH" -> {
                ObjectNode current = cluster.get(kind, ns, name);
                String type = r.contentType() == null ? "" : r.contentType();
                if (current == null) {
                    if (type.contains("apply-patch")) {
                        json(ex, 201, cluster.create(kind, ns, body(r)));
                        return;
                    }
                    throw KubeError.notFound(kind, name);
                }
                json(ex, 200, cluster.replace(kind, ns, name, Patches.apply(current, r.body(), type)));
            }
            case "DELETE" -> {
                ObjectNode o = cluster.require(kind, ns, name);
                cluster.delete(kind, ns, name);
                if (kind.equals(KubeKinds.POD) || kind.equals(KubeKinds.NAMESPACE)) {
                    json(ex, 200, o);
                } else {
                    ObjectNode s = statusDocument(200, "Success", null, null);
                    s.putObject("details").put("name", name).put("group", kind.group()).put("kind", kind.plural())
                            .put("uid", o.path("metadata").path("uid").asText());
                    json(ex, 200, s);
                }
            }
            default -> status(ex, 405, "MethodNotAllowed", "the server does not allow this method on the requested resource", null);
        }
    }

    private void subresource(HttpExchange ex, Request r, KubeKind kind, String ns, String name, String sub) throws IOException {
        ObjectNode o = cluster.require(kind, ns, name);
        if (kind.equals(KubeKinds.POD) && sub.equals("log")) {
            String image = o.path("spec").path("containers").path(0).path("image").asText("app");
            List<String> lines = PodLogs.lines(name, image,
                    Instant.parse(o.path("status").path("startTime").asText(cluster.now().toString())), cluster.now());
            String tail = r.query().get("tailLines");
            if (tail != null) {
                int n = Integer.parseInt(tail);
                lines = lines.subList(Math.max(0, lines.size() - n), lines.size());
            }
            text(ex, 200, String.join("\n", lines) + (lines.isEmpty() ? "" : "\n"));
            return;
        }
        if (sub.equals("scale") && List.of("Deployment", "ReplicaSet", "StatefulSet").contains(kind.kind())) {
            if (!r.method().equals("GET")) {
                ObjectNode scale = r.method().equals("PATCH") ? Patches.apply(scale(kind, o), r.body(),
                        r.contentType() == null ? "" : r.contentType()) : body(r);
                cluster.scale(kind, ns, name, scale.path("spec").path("replicas").asInt());
                o = cluster.require(kind, ns, name);
            }
            json(ex, 200, scale(kind, o));
            return;
        }
        if (sub.equals("status")) {
            json(ex, 200, o);
            return;
        }
        status(ex, 404, "NotFound", "the server could not find the requested resource", null);
    }

    private static ObjectNode scale(KubeKind kind, ObjectNode o) {
        ObjectNode s = KubeCluster.JSON.createObjectNode();
        s.put("kind", "Scale");
        s.put("apiVersion", "autoscaling/v1");
        ObjectNode meta = s.putObject("metadata");
        meta.put("name", KubeCluster.nameOf(o));
        meta.put("namespace", KubeCluster.namespaceOf(o));
        meta.put("uid", o.path("metadata").path("uid").asText());
        meta.put("resourceVersion", o.path("metadata").path("resourceVersion").asText());
        meta.put("creationTimestamp", o.path("metadata").path("creationTimestamp").asText());
        s.putObject("spec").put("replicas", o.path("spec").path("replicas").asInt(1));
        List<String> sel = new ArrayList<>();
        o.path("spec").path("selector").path("matchLabels").fields()
                .forEachRemaining(e -> sel.add(e.getKey() + "=" + e.getValue().asText()));
        s.putObject("status").put("replicas", o.path("status").path("replicas").asInt(0)).put("selector", String.join(",", sel));
        return s;
    }

    /** Sends the current objects as ADDED events and keeps the stream open until the timeout or the client leaves. */
    private void watch(HttpExchange ex, List<ObjectNode> items, String timeoutSeconds) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.getResponseHeaders().set("Transfer-Encoding", "chunked");
        sendHeaders(ex, 200, 0);
        long until = System.currentTimeMillis() + 1000L * (timeoutSeconds == null ? 30 : Math.min(60, Long.parseLong(timeoutSeconds)));
        try (OutputStream out = ex.getResponseBody()) {
            for (ObjectNode o : items) {
                ObjectNode ev = KubeCluster.JSON.createObjectNode().put("type", "ADDED");
                ev.set("object", o);
                out.write((KubeCluster.JSON.writeValueAsString(ev) + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            while (System.currentTimeMillis() < until) {
                Thread.sleep(200);
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away: the watch ends
        }
    }

    // ------------------------------------------------------------------ documents

    private ObjectNode version() {
        String[] v = cluster.version().split("\\.");
        ObjectNode n = KubeCluster.JSON.createObjectNode();
        n.put("major", v[0]);
        n.put("minor", v.length > 1 ? v[1] : "0");
        n.put("gitVersion", "v" + cluster.version());
        n.put("gitCommit", "0000000000000000000000000000000000000000");
        n.put("gitTreeState", "clean");
        n.put("buildDate", "2026-04-01T00:00:00Z");
        n.put("goVersion", "go1.23.8");
        n.put("compiler", "gc");
        n.put("platform", "linux/amd64");
        return n;
    }

    private ObjectNode pathsDocument() {
        ObjectNode n = KubeCluster.JSON.createObjectNode();
        ArrayNode paths = n.putArray("paths");
        paths.add("/api").add("/api/v1").add("/apis").add("/healthz").add("/version");
        for (String g : groups()) {
            paths.add("/apis/" + g);
        }
        return n;
    }

    /** {@code /openapi/v3}: one entry per group-version. */
    private ObjectNode openApiIndex() {
        ObjectNode n = KubeCluster.JSON.createObjectNode();
        ObjectNode paths = n.putObject("paths");
        Set<String> gvs = new LinkedHashSet<>();
        for (KubeKind k : cluster.kinds().all()) {
            gvs.add(k.group().isEmpty() ? "api/" + k.version() : "apis/" + k.group() + "/" + k.version());
        }
        for (String gv : gvs) {
            paths.putObject(gv).put("serverRelativeURL", "/openapi/v3/" + gv + "?hash=" + Integer.toHexString(gv.hashCode()));
        }
        return n;
    }

    /**
     * The OpenAPI v3 document of a group-version, as far as kubectl reads it: each kind's PATCH
     * operation, with its group-version-kind and the {@code fieldValidation} parameter, so kubectl
     * validates on the server (which accepts what the sandbox knows) instead of downloading schemas.
     */
    private ObjectNode openApiGroupVersion(String gv) {
        ObjectNode doc = KubeCluster.JSON.createObjectNode();
        doc.put("openapi", "3.0.0");
        doc.putObject("info").put("title", "Kubernetes").put("version", "v" + cluster.version());
        ObjectNode paths = doc.putObject("paths");
        boolean any = false;
        for (KubeKind k : cluster.kinds().all()) {
            String kgv = k.group().isEmpty() ? "api/" + k.version() : "apis/" + k.group() + "/" + k.version();
            if (!kgv.equals(gv)) {
                continue;
            }
            any = true;
            String path = "/" + gv + (k.namespaced() ? "/namespaces/{namespace}/" : "/") + k.plural() + "/{name}";
            ObjectNode patch = paths.putObject(path).putObject("patch");
            patch.put("operationId", "patch" + k.kind());
            patch.putObject("x-kubernetes-group-version-kind").put("group", k.group()).put("version", k.version())
                    .put("kind", k.kind());
            ArrayNode params = patch.putArray("parameters");
            for (String q : List.of("dryRun", "fieldManager", "fieldValidation", "force")) {
                params.addObject().put("name", q).put("in", "query").putObject("schema").put("type", "string");
            }
            patch.putObject("responses").putObject("200").put("description", "OK");
        }
        doc.putObject("components").putObject("schemas");
        return any ? doc : null;
    }

    private Set<String> groups() {
        Set<String> out = new LinkedHashSet<>();
        for (KubeKind k : cluster.kinds().all()) {
            if (!k.group().isEmpty()) {
                out.add(k.group());
            }
        }
        return out;
    }

    private ObjectNode groupList() {
        ObjectNode n = KubeCluster.JSON.createObjectNode();
        n.put("kind", "APIGroupList");
        n.put("apiVersion", "v1");
        ArrayNode arr = n.putArray("groups");
        for (String g : groups()) {
            arr.add(group(g));
        }
        return n;
    }

    private ObjectNode group(String g) {
        String version = null;
        for (KubeKind k : cluster.kinds().all()) {
            if (k.group().equals(g)) {
                version = k.version();
            }
        }
        if (version == null) {
            return null;
        }
        ObjectNode n = KubeCluster.JSON.createObjectNode();
        n.put("kind", "APIGroup");
        n.put("apiVersion", "v1");
        n.put("name", g);
        ObjectNode gv = KubeCluster.JSON.createObjectNode().put("groupVersion", g + "/" + version).put("version", version);
        n.putArray("versions").add(gv);
        n.set("preferredVersion", gv.deepCopy());
        return n;
    }

    private ObjectNode resourceList(String group, String version) {
        ObjectNode n = KubeCluster.JSON.createObjectNode();
        n.put("kind", "APIResourceList");
        n.put("apiVersion", "v1");
        n.put("groupVersion", group.isEmpty() ? version : group + "/" + version);
        ArrayNode arr = n.putArray("resources");
        for (KubeKind k : cluster.kinds().all()) {
            if (!k.group().equals(group) || !k.version().equals(version)) {
                continue;
            }
            ObjectNode r = arr.addObject();
            r.put("name", k.plural());
            r.put("singularName", k.singular());
            r.put("namespaced", k.namespaced());
            r.put("kind", k.kind());
            ArrayNode verbs = r.putArray("verbs");
            for (String v : List.of("create", "delete", "get", "list", "patch", "update", "watch")) {
                verbs.add(v);
            }
            if (!k.shortNames().isEmpty()) {
                ArrayNode sn = r.putArray("shortNames");
                k.shortNames().forEach(sn::add);
            }
            if (k.equals(KubeKinds.POD) || k.equals(KubeKinds.DEPLOYMENT) || k.equals(KubeKinds.SERVICE)) {
                r.putArray("categories").add("all");
            }
            if (k.equals(KubeKinds.POD)) {
                arr.addObject().put("name", "pods/log").put("singularName", "").put("namespaced", true).put("kind", "Pod")
                        .putArray("verbs").add("get");
            }
            if (List.of("Deployment", "ReplicaSet", "StatefulSet").contains(k.kind())) {
                ObjectNode scale = arr.addObject().put("name", k.plural() + "/scale").put("singularName", "")
                        .put("namespaced", true).put("group", "autoscaling").put("version", "v1").put("kind", "Scale");
                scale.putArray("verbs").add("get").add("patch").add("update");
            }
        }
        return n;
    }

    private ObjectNode table(KubeKind kind, List<ObjectNode> items) {
        Instant now = cluster.now();
        ObjectNode t = KubeCluster.JSON.createObjectNode();
        t.put("kind", "Table");
        t.put("apiVersion", "meta.k8s.io/v1");
        t.putObject("metadata").put("resourceVersion", resourceVersion());
        ArrayNode defs = t.putArray("columnDefinitions");
        List<KubeTables.Column> cols = KubeTables.columns(kind);
        for (KubeTables.Column c : cols) {
            defs.addObject().put("name", title(c.header())).put("type", "string")
                    .put("format", c.header().equals("NAME") ? "name" : "").put("description", title(c.header()))
                    .put("priority", c.wide() ? 1 : 0);
        }
        ArrayNode rows = t.putArray("rows");
        for (ObjectNode o : items) {
            ObjectNode row = rows.addObject();
            ArrayNode cells = row.putArray("cells");
            for (KubeTables.Column c : cols) {
                cells.add(c.cell().apply(o, now));
            }
            ObjectNode meta = KubeCluster.JSON.createObjectNode();
            meta.put("kind", "PartialObjectMetadata");
            meta.put("apiVersion", "meta.k8s.io/v1");
            meta.set("metadata", o.get("metadata").deepCopy());
            row.set("object", meta);
        }
        return t;
    }

    private static String title(String header) {
        StringBuilder sb = new StringBuilder();
        for (String w : header.toLowerCase(Locale.ROOT).split(" ")) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
        return sb.toString();
    }

    private String resourceVersion() {
        return String.valueOf(System.nanoTime() / 1000);
    }

    private KubeKind byPlural(String group, String version, String plural) {
        for (KubeKind k : cluster.kinds().all()) {
            if (k.group().equals(group) && k.version().equals(version) && k.plural().equals(plural)) {
                return k;
            }
        }
        return null;
    }

    private static Predicate<JsonNode> fieldSelector(String selector) {
        if (selector == null || selector.isBlank()) {
            return o -> true;
        }
        List<Predicate<JsonNode>> terms = new ArrayList<>();
        for (String t : selector.split(",")) {
            boolean negate = t.contains("!=");
            String[] kv = t.split(negate ? "!=" : "==?", 2);
            String path = "/" + kv[0].trim().replace('.', '/');
            String value = kv.length > 1 ? kv[1].trim() : "";
            terms.add(o -> o.at(path).asText("").equals(value) != negate);
        }
        return o -> terms.stream().allMatch(p -> p.test(o));
    }

    // ------------------------------------------------------------------ wire

    private static Request read(HttpExchange ex) throws IOException {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String kv : raw.split("&")) {
                int eq = kv.indexOf('=');
                query.put(URLDecoder.decode(eq < 0 ? kv : kv.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readAllBytes();
        }
        return new Request(ex.getRequestMethod().toUpperCase(Locale.ROOT), ex.getRequestURI().getPath(), query,
                ex.getRequestHeaders().getFirst("Accept"), ex.getRequestHeaders().getFirst("Content-Type"), body);
    }

    private static ObjectNode body(Request r) {
        if (r.contentType() != null && r.contentType().contains("protobuf")) {
            throw new KubeError(415, "UnsupportedMediaType", "the sandbox API server speaks JSON, not protobuf: use "
                    + "'kubectl apply -f' or 'kubectl create -f' with a manifest instead of 'kubectl create KIND'");
        }
        try {
            JsonNode n = r.contentType() != null && r.contentType().contains("yaml")
                    ? FakeKubectl.YAML_READER.readTree(r.body()) : KubeCluster.JSON.readTree(r.body());
            if (n == null || !n.isObject()) {
                throw new KubeError(400, "BadRequest", "the request body is not a Kubernetes object");
            }
            return (ObjectNode) n;
        } catch (IOException e) {
            throw new KubeError(400, "BadRequest", "the request body cannot be read: " + e.getMessage());
        }
    }

    private void json(HttpExchange ex, int status, JsonNode body) throws IOException {
        byte[] bytes = KubeCluster.JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.getResponseHeaders().set("Cache-Control", "no-cache, private");
        sendHeaders(ex, status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void text(HttpExchange ex, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/plain");
        sendHeaders(ex, status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
        ex.close();
    }

    private static ObjectNode statusDocument(int code, String status, String reason, String message) {
        ObjectNode s = KubeCluster.JSON.createObjectNode();
        s.put("kind", "Status");
        s.put("apiVersion", "v1");
        s.putObject("metadata");
        s.put("status", status);
        if (message != null) {
            s.put("message", message);
        }
        if (reason != null) {
            s.put("reason", reason);
        }
        s.put("code", code);
        return s;
    }

    private void status(HttpExchange ex, int code, String reason, String message, String name) throws IOException {
        json(ex, code, statusDocument(code, "Failure", reason, message));
    }
}
