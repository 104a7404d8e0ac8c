package dev.aksh.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;

/**
 * One Azure Bastion host's native-client endpoint, on 127.0.0.1 over TLS, speaking what the Azure
 * CLI's tunnel speaks: {@code POST /api/tokens} (form fields resourceId, protocol=tcptunnel,
 * workloadHostPort, aztoken) answers {@code {authToken, nodeId, websocketToken}};
 * {@code GET /webtunnelv2/{websocketToken}?X-Node-Id=…} upgrades to a WebSocket whose binary frames
 * carry the TCP stream to the target cluster's API server; {@code DELETE /api/tokens/{authToken}}
 * ends the session. It counts live sessions, so tests can prove that none leak, and can drop a
 * tunnel after N bytes (fault injection).
 */
public final class FakeBastion implements AutoCloseable {

    /** What a session is for. */
    record Session(String authToken, String nodeId, String websocketToken, ObjectNode cluster, AutoCloseable[] websocket) {
    }

    /** Decides whether the Bastion may reach a target, as the network would. */
    interface Policy {
        /** Returns the cluster document the session may reach, or throws {@link BastionRefusal}. */
        ObjectNode authorize(String resourceId, String protocol, String port, String armToken);

        /** Whether the cluster's API server accepts connections from this Bastion (authorized IP ranges). */
        boolean apiServerAccepts(ObjectNode cluster);

        /** The API server port of a cluster (started on first use). */
        int apiServerPort(ObjectNode cluster);
    }

    /** A refused token request: the status and the message Bastion sends. */
    static final class BastionRefusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        BastionRefusal(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private final SSLContext tls;
    private final Policy policy;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Session> byWebsocketToken = new ConcurrentHashMap<>();
    private final Set<AutoCloseable> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger openTunnels = new AtomicInteger();
    private final AtomicInteger sessionsIssued = new AtomicInteger();
    private final AtomicInteger pings = new AtomicInteger();
    private final AtomicLong dropAfterBytes = new AtomicLong(-1);
    private final ExecutorService threads;
    private java.nio.channels.ServerSocketChannel server;

    FakeBastion(String name, SSLContext tls, Policy policy) {
        this.tls = tls;
        this.policy = policy;
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-bastion-" + name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    FakeBastion start() throws IOException {
        server = java.nio.channels.ServerSocketChannel.open();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        threads.execute(this::acceptLoop);
        return this;
    }

    /** {@code 127.0.0.1:PORT}: the dnsName clients connect to. */
    String endpoint() {
        return "127.0.0.1:" + server.socket().getLocalPort();
    }

    /** Sessions issued and not yet deleted. */
    public int liveSessions() {
        return sessions.size();
    }

    /** WebSocket tunnels open now. */
    public int openTunnels() {
        return openTunnels.get();
    }

    /** Sessions issued since the start. */
    public int sessionsIssued() {
        return sessionsIssued.get();
    }

    /** WebSocket pings received from clients. */
    public int pingsReceived() {
        return pings.get();
    }

    /** Tunnels opened from now on drop after carrying this many bytes from the cluster (-1: never). */
    public void dropTunnelsAfter(long bytes) {
        dropAfterBytes.set(bytes);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (AutoCloseable s : open) {
            closeQuietly(s);
        }
        threads.shutdownNow();
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                java.nio.channels.SocketChannel ch = server.accept();
                threads.execute(() -> {
                    dev.aksh.tunnel.TlsChannel s;
                    try {
                        s = dev.aksh.tunnel.TlsChannel.accept(ch, tls, java.time.Duration.ofSeconds(20));
                    } catch (IOException e) {
                        return; // a failed handshake: the client has been told
                    }
                    open.add(s);
                    serve(s);
                });
            } catch (IOException e) {
                return;
            }
        }
    }

    // ------------------------------------------------------------------ HTTP

    private record Request(String method, String target, Map<String, String> headers, byte[] body) {
        String path() {
            int q = target.indexOf('?');
            return q < 0 ? target : target.substring(0, q);
        }

        Map<String, String> query() {
            int q = target.indexOf('?');
            return q < 0 ? Map.of() : form(target.substring(q + 1));
        }
    }

    private void serve(dev.aksh.tunnel.TlsChannel s) {
        try (s) {
            InputStream in = new BufferedInputStream(s.input(), 64 * 1024);
            OutputStream out = s.output();
            while (true) {
                Request r = readRequest(in);
                if (r == null) {
                    return;
                }
                if (r.method().equals("GET") && r.path().startsWith("/webtunnelv2/")) {
                    tunnel(s, in, out, r);
                    return;
                }
                if (r.method().equals("POST") && r.path().equals("/api/tokens")) {
                    tokens(out, r);
                } else if (r.method().equals("DELETE") && r.path().startsWith("/api/tokens/")) {
                    delete(out, r.path().substring("/api/tokens/".length()));
                } else {
                    respond(out, 404, "{\"message\":\"Not found\"}");
                }
                if ("close".equalsIgnoreCase(r.headers().get("connection"))) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away
        } finally {
            open.remove(s);
        }
    }

    private void tokens(OutputStream out, Request r) throws IOException {
        Map<String, String> f = form(new String(r.body(), StandardCharsets.UTF_8));
        ObjectNode cluster;
        try {
            cluster = policy.authorize(f.get("resourceId"), f.get("protocol"), f.get("workloadHostPort"), f.get("aztoken"));
        } catch (BastionRefusal e) {
            respond(out, e.status, ArmState.JSON.createObjectNode().put("message", e.getMessage()).toString());
            return;
        }
        String previous = f.get("token");
        if (previous != null && sessions.containsKey(previous)) {
            end(previous); // the CLI sends its last token: that session is over
        }
        Session session = new Session(ArmState.newId() + ArmState.newId(), "node-" + ArmState.newId().substring(0, 8),
                ArmState.newId(), cluster, new AutoCloseable[1]);
        sessions.put(session.authToken(), session);
        byWebsocketToken.put(session.websocketToken(), session);
        sessionsIssued.incrementAndGet();
        ObjectNode body = ArmState.JSON.createObjectNode();
        body.put("authToken", session.authToken());
        body.put("nodeId", session.nodeId());
        body.put("websocketToken", session.websocketToken());
        respond(out, 200, body.toString());
    }

    private void delete(OutputStream out, String authToken) throws IOException {
        if (end(authToken)) {
            respond(out, 204, null);
        } else {
            respond(out, 404, "{\"message\":\"Session not found\"}");
        }
    }

    private boolean end(String authToken) {
        Session s = sessions.remove(authToken);
        if (s == null) {
            return false;
        }
        byWebsocketToken.remove(s.websocketToken());
        AutoCloseable ws = s.websocket()[0];
        if (ws != null) {
            closeQuietly(ws);
        }
        return true;
    }

    // ------------------------------------------------------------------ WebSocket tunnel

    private void tunnel(AutoCloseable s, InputStream in, OutputStream out, Request r) throws IOException {
        String token = r.path().substring("/webtunnelv2/".length());
        Session session = byWebsocketToken.get(token);
        String key = r.headers().get("sec-websocket-key");
        if (session == null || key == null || !"websocket".equalsIgnoreCase(r.headers().get("upgrade"))
                || !session.nodeId().equals(r.query().get("X-Node-Id"))) {
            respond(out, session == null ? 404 : 400, "{\"message\":\"Unknown or expired websocket token\"}");
            return;
        }
        synchronized (session) {
            if (session.websocket()[0] != null) {
                respond(out, 409, "{\"message\":\"The session is already in use\"}");
                return;
            }
            session.websocket()[0] = s;
        }
        out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + WebSocketFrames.accept(key) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        openTunnels.incrementAndGet();
        try {
            if (!policy.apiServerAccepts(session.cluster())) {
                return; // authorized IP ranges leave the Bastion out: the API server never answers
            }
            try (Socket api = new Socket()) {
                api.setTcpNoDelay(true);
                api.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), policy.apiServerPort(session.cluster())));
                open.add(api);
                long dropAfter = dropAfterBytes.get();
                threads.execute(() -> clusterToClient(api, out, s, dropAfter));
                clientToCluster(in, out, api);
            }
        } finally {
            openTunnels.decrementAndGet();
        }
    }

    /** WebSocket frames from the client into the cluster's TCP stream. */
    private void clientToCluster(InputStream in, OutputStream out, Socket api) throws IOException {
        OutputStream toApi = api.getOutputStream();
        try {
            while (true) {
                WebSocketFrames.Frame f = WebSocketFrames.read(in);
                if (f == null || f.opcode() == WebSocketFrames.CLOSE) {
                    if (f != null) {
                        synchronized (out) {
                            WebSocketFrames.write(out, WebSocketFrames.CLOSE, f.payload(), 0, Math.min(2, f.payload().length));
                        }
                    }
                    return;
                }
                switch (f.opcode()) {
                    case WebSocketFrames.BINARY, WebSocketFrames.CONTINUATION, WebSocketFrames.TEXT -> toApi.write(f.payload());
                    case WebSocketFrames.PING -> {
                        pings.incrementAndGet();
                        synchronized (out) {
                            WebSocketFrames.write(out, WebSocketFrames.PONG, f.payload(), 0, f.payload().length);
                        }
                    }
                    default -> {
                        // pongs need no answer
                    }
                }
            }
        } finally {
            open.remove(api);
            closeQuietly(api);
        }
    }

    /** The cluster's TCP stream into binary frames for the client. */
    private void clusterToClient(Socket api, OutputStream out, AutoCloseable client, long limit) {
        byte[] buf = new byte[WebSocketFrames.HEADER_ROOM + 64 * 1024];
        long carried = 0;
        try {
            InputStream fromApi = api.getInputStream();
            int n;
            while ((n = fromApi.read(buf, WebSocketFrames.HEADER_ROOM, buf.length - WebSocketFrames.HEADER_ROOM)) > 0) {
                if (limit >= 0 && carried + n > limit) {
                    closeQuietly(client); // a silent drop, as a failing Bastion node would
                    return;
                }
                carried += n;
                synchronized (out) {
                    WebSocketFrames.writeBinaryInPlace(out, buf, n);
                }
            }
            synchronized (out) {
                WebSocketFrames.write(out, WebSocketFrames.CLOSE, new byte[] {0x03, (byte) 0xE8}, 0, 2);
            }
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    // ------------------------------------------------------------------ wire

    private static Request readRequest(InputStream in) throws IOException {
        String line = readLine(in);
        if (line == null || line.isEmpty()) {
            return null;
        }
        String[] parts = line.split(" ");
        if (parts.length < 3) {
            return null;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        String h;
        while ((h = readLine(in)) != null && !h.isEmpty()) {
            int colon = h.indexOf(':');
            if (colon > 0) {
                headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
            }
        }
        int len = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(len);
        return new Request(parts[0], parts[1], headers, body);
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                break;
            }
            if (c != '\r') {
                b.write(c);
            }
            if (b.size() > 16 * 1024) {
                throw new IOException("header line too long");
            }
        }
        if (c < 0 && b.size() == 0) {
            return null;
        }
        return b.toString(StandardCharsets.US_ASCII);
    }

    private static void respond(OutputStream out, int status, String json) throws IOException {
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        String reason = switch (status) {
            case 200 -> "OK";
            case 204 -> "No Content";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            default -> "Error";
        };
        StringBuilder head = new StringBuilder("HTTP/1.1 " + status + " " + reason + "\r\n");
        if (json != null) {
            head.append("Content-Type: application/json; charset=utf-8\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String kv : body.split("&")) {
            if (kv.isEmpty()) {
                continue;
            }
            int eq = kv.indexOf('=');
            out.put(URLDecoder.decode(eq < 0 ? kv : kv.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static void closeQuietly(AutoCloseable s) {
        try {
            s.close();
        } catch (Exception ignored) {
            // already closed
        }
    }
}
