package dev.aksh.tunnel;

import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A local listener on 127.0.0.1 whose every accepted TCP connection rides its own Bastion session to
 * the target. A small pool of sessions is opened ahead of time (token and WebSocket), so a new
 * connection starts pumping at once; the pool refills in the background. Each connection has one
 * thread reading the local socket (64 KB buffer); the WebSocket's listener writes the other way.
 * Idle sessions are pinged. Whatever ends a connection (either side closing, a drop, the tunnel
 * closing) ends its session at Bastion.
 */
public final class BastionTunnel implements AutoCloseable {
    static final int BUFFER = 64 * 1024;

    /**
     * @param poolSize sessions kept ready for new connections
     * @param pingEvery how long a session may be idle before it is pinged
     * @param maxPooledAge pooled sessions older than this are replaced (Bastion may expire them)
     */
    public record Options(int poolSize, Duration pingEvery, Duration maxPooledAge) {
        public static Options defaults() {
            return new Options(2, Duration.ofSeconds(20), Duration.ofMinutes(5));
        }
    }

    /** The counters {@code tunnel list} shows. */
    /**
     * @param fromPool connections that started on a pre-warmed session (the rest waited for one)
     */
    public record Stats(int active, long connections, long fromPool, long bytesToCluster, long bytesFromCluster, long drops,
            long failures, int pooled, String lastProblem) {
    }

    private final BastionEndpoint endpoint;
    private final Options options;
    private final ServerSocket server;
    private final ExecutorService threads;
    private final ScheduledExecutorService timer;
    private final LinkedBlockingDeque<BastionSession> pool = new LinkedBlockingDeque<>();
    private final Set<BastionSession> sessions = ConcurrentHashMap.newKeySet();
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final Set<CompletableFuture<BastionSession>> opening = ConcurrentHashMap.newKeySet();
    private final AtomicInteger warming = new AtomicInteger();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong fromPool = new AtomicLong();
    private final AtomicLong toCluster = new AtomicLong();
    private final AtomicLong fromCluster = new AtomicLong();
    private final AtomicLong drops = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicReference<String> lastProblem = new AtomicReference<>();
    private final Instant started = Instant.now();
    private volatile boolean closed;
    private final Object lifecycle = new Object();

    private BastionTunnel(BastionEndpoint endpoint, Options options, ServerSocket server) {
        this.endpoint = endpoint;
        this.options = options;
        this.server = server;
        int port = server.getLocalPort();
        this.threads = Executors.newCachedThreadPool(threadFactory("tunnel-" + port + "-"));
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tunnel-" + port + "-timer");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Binds 127.0.0.1:{@code port} (0: any free port) and keeps that socket: no probe-then-release
     * race. Opens the first session before returning, so a refusal by Bastion shows here.
     *
     * @throws BindException when the port is taken
     */
    public static BastionTunnel open(BastionEndpoint endpoint, int port, Options options) throws IOException {
        ServerSocket server = new ServerSocket();
        try {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        } catch (IOException e) {
            server.close();
            throw e;
        }
        BastionTunnel t = new BastionTunnel(endpoint, options, server);
        try {
            BastionSession first = t.newSession().join();
            t.pool.add(first);
        } catch (RuntimeException e) {
            t.close();
            Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause.getMessage(), cause);
        }
        t.threads.execute(t::acceptLoop);
        t.fillPool();
        long ping = Math.max(1, options.pingEvery().toMillis() / 2);
        t.timer.scheduleWithFixedDelay(t::maintain, ping, ping, TimeUnit.MILLISECONDS);
        return t;
    }

    public int port() {
        return server.getLocalPort();
    }

    public InetAddress address() {
        return server.getInetAddress();
    }

    public Instant started() {
        return started;
    }

    public boolean isClosed() {
        return closed;
    }

    public Stats stats() {
        long live = 0;
        for (Connection c : connections) {
            live += c.session.received();
        }
        return new Stats(connections.size(), accepted.get(), fromPool.get(), toCluster.get(), fromCluster.get() + live, drops.get(),
                failures.get(), pool.size(), lastProblem.get());
    }

    /** Bastion sessions this tunnel holds now (pooled and in use). */
    public int sessions() {
        return sessions.size();
    }

    /** Closes the listener, every connection and every session; waits (briefly) for Bastion to confirm the deletions. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true; // from here no new session starts, so the ones opening now are all there is
        }
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        timer.shutdownNow();
        // sessions still being opened end up in 'sessions' (or fail): wait for them, so none escapes the cleanup
        BastionSession.await(CompletableFuture.allOf(opening.toArray(CompletableFuture[]::new)), 5000);
        List<CompletableFuture<Void>> deletions = new ArrayList<>();
        for (Connection c : connections) {
            c.closeSocket();
        }
        BastionSession s;
        while ((s = pool.poll()) != null) {
            deletions.add(s.end());
        }
        for (BastionSession open : sessions) {
            deletions.add(open.end());
        }
        BastionSession.await(CompletableFuture.allOf(deletions.toArray(CompletableFuture[]::new)), 5000);
        sessions.clear();
        threads.shutdownNow();
    }

    // ------------------------------------------------------------------ sessions

    private CompletableFuture<BastionSession> newSession() {
        synchronized (lifecycle) {
            if (closed) {
                return CompletableFuture.failedFuture(new IOException("the tunnel is closed"));
            }
            return startSession();
        }
    }

    /** Starts opening a session; registered in {@code opening} before anything can complete it. */
    private CompletableFuture<BastionSession> startSession() {
        CompletableFuture<BastionSession> f = endpoint.requestToken().thenApplyAsync(token -> {
            BastionSession s = new BastionSession(endpoint, token);
            sessions.add(s);
            try {
                return s.open(threads);
            } catch (IOException e) {
                s.end().whenComplete((v, x) -> sessions.remove(s));
                throw new java.util.concurrent.CompletionException(e);
            }
        }, threads);
        opening.add(f);
        f.whenComplete((s, e) -> opening.remove(f));
        return f;
    }

    /** Starts opening sessions until the pool (with those under way) is full. */
    private void fillPool() {
        while (!closed && pool.size() + warming.get() < options.poolSize()) {
            warming.incrementAndGet();
            newSession().whenComplete((s, e) -> {
                warming.decrementAndGet();
                if (e != null) {
                    failures.incrementAndGet();
                    lastProblem.set("opening a session: " + rootMessage(e));
                } else if (closed) {
                    retire(s);
                } else {
                    pool.add(s);
                }
            });
        }
    }

    private BastionSession takeSession() {
        BastionSession s;
        while ((s = pool.poll()) != null) {
            if (s.usable()) {
                fromPool.incrementAndGet();
                return s;
            }
            retire(s);
        }
        return newSession().join();
    }

    private void retire(BastionSession s) {
        s.end().whenComplete((v, e) -> sessions.remove(s));
    }

    /** Pings idle sessions; replaces dead or old pooled ones; refills the pool. */
    private void maintain() {
        long idleLimit = options.pingEvery().toNanos();
        for (BastionSession s : sessions) {
            if (s.idleNanos() >= idleLimit) {
                s.ping();
            }
        }
        long maxAge = options.maxPooledAge().toNanos();
        for (BastionSession s : pool) {
            if (!s.usable() || s.ageNanos() > maxAge) {
                if (pool.remove(s)) {
                    retire(s);
                }
            }
        }
        fillPool();
    }

    // ------------------------------------------------------------------ connections

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                return;
            }
            accepted.incrementAndGet();
            threads.execute(() -> serve(socket));
        }
    }

    private void serve(Socket socket) {
        BastionSession session;
        try {
            socket.setTcpNoDelay(true);
            session = takeSession();
        } catch (RuntimeException | IOException e) {
            failures.incrementAndGet();
            lastProblem.set("connection " + accepted.get() + ": no Bastion session: " + rootMessage(e));
            closeQuietly(socket);
            return;
        }
        threads.execute(this::fillPool);
        Connection c = new Connection(socket, session);
        connections.add(c);
        try {
            c.pump();
        } finally {
            session.end().whenComplete((v, e) -> sessions.remove(session));
        }
    }

    /** One local connection and its session. */
    private final class Connection {
        private final Socket socket;
        private final BastionSession session;

        Connection(Socket socket, BastionSession session) {
            this.socket = socket;
            this.session = session;
        }

        void pump() {
            try {
                session.attach(socket.getOutputStream(), this::remoteEnded);
                InputStream in = socket.getInputStream();
                byte[] buf = new byte[BUFFER];
                int n;
                while ((n = in.read(buf)) > 0) {
                    session.send(buf, 0, n);
                    toCluster.addAndGet(n);
                }
            } catch (IOException e) {
                // the local side or the session ended; which one is told below
            } finally {
                if (session.droppedByRemote() && !closed) {
                    drops.incrementAndGet();
                    lastProblem.set("a connection was dropped on the Bastion side after " + session.received()
                            + " bytes; only that connection was closed");
                }
                fromCluster.addAndGet(session.received());
                connections.remove(this);
                closeSocket();
            }
        }

        /** The Bastion side ended: close the local socket, so the client sees it at once. */
        private void remoteEnded() {
            closeSocket();
        }

        void closeSocket() {
            closeQuietly(socket);
        }
    }

    /**
     * Virtual threads where the JDK has them (21+), so a blocked pump costs next to nothing; daemon
     * platform threads on 17.
     */
    static java.util.concurrent.ThreadFactory threadFactory(String prefix) {
        try {
            Class<?> builder = Class.forName("java.lang.Thread$Builder");
            Object b = Thread.class.getMethod("ofVirtual").invoke(null);
            b = builder.getMethod("name", String.class, long.class).invoke(b, prefix, 1L);
            return (java.util.concurrent.ThreadFactory) builder.getMethod("factory").invoke(b);
        } catch (ReflectiveOperationException | RuntimeException e) {
            AtomicInteger n = new AtomicInteger();
            return r -> {
                Thread t = new Thread(r, prefix + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while ((t instanceof java.util.concurrent.CompletionException || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
