package dev.aksh.tunnel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One Bastion session: its tokens and its WebSocket. Made ahead of time (pre-warmed) or on demand,
 * then attached to one local connection: what the target sends goes to the connection's socket;
 * {@link #send} carries the connection's bytes to the target. Ending it closes the WebSocket and
 * deletes the session at Bastion, exactly once, whatever path leads there.
 */
final class BastionSession implements WebSocket.Listener {
    private final BastionEndpoint endpoint;
    private final BastionEndpoint.Token token;
    private final long createdNanos = System.nanoTime();
    private final CompletableFuture<Void> remoteClosed = new CompletableFuture<>();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final AtomicReference<CompletableFuture<Void>> deletion = new AtomicReference<>();
    private final Object sinkLock = new Object();
    private volatile WebSocket socket;
    private OutputStream sink;
    private Runnable onRemoteClose = () -> { };
    private ByteArrayOutputStream early;
    private volatile long lastActivityNanos = System.nanoTime();
    private volatile boolean sending;
    private volatile long received;
    private volatile boolean abrupt;

    BastionSession(BastionEndpoint endpoint, BastionEndpoint.Token token) {
        this.endpoint = endpoint;
        this.token = token;
    }

    /** Opens the WebSocket; completes when it is open. */
    CompletableFuture<BastionSession> open() {
        return endpoint.connect(token, this).thenApply(ws -> {
            socket = ws;
            if (ended.get()) {
                ws.abort(); // ended while the WebSocket was opening
            }
            return this;
        });
    }

    /** Whether the WebSocket is still usable. */
    boolean usable() {
        WebSocket ws = socket;
        return ws != null && !ended.get() && !remoteClosed.isDone() && !ws.isInputClosed() && !ws.isOutputClosed();
    }

    long ageNanos() {
        return System.nanoTime() - createdNanos;
    }

    long idleNanos() {
        return System.nanoTime() - lastActivityNanos;
    }

    long received() {
        return received;
    }

    /** Whether the Bastion side went away without a close message (a drop). */
    boolean droppedByRemote() {
        return abrupt && !ended.get();
    }

    /** Completes when the Bastion side closes or fails. */
    CompletableFuture<Void> remoteClosed() {
        return remoteClosed;
    }

    /** Routes what the target sends to {@code out}; {@code onClose} runs when the Bastion side ends. */
    void attach(OutputStream out, Runnable onClose) throws IOException {
        synchronized (sinkLock) {
            if (early != null) {
                out.write(early.toByteArray());
                out.flush();
                early = null;
            }
            sink = out;
            onRemoteClose = onClose;
        }
        if (remoteClosed.isDone()) {
            onClose.run();
        }
    }

    /** Sends bytes to the target; returns when the WebSocket has taken them. */
    void send(byte[] data, int off, int len) throws IOException {
        WebSocket ws = socket;
        if (ws == null || !usable()) {
            throw new IOException("the Bastion session has ended");
        }
        sending = true;
        try {
            ws.sendBinary(ByteBuffer.wrap(data, off, len), true).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while sending");
        } catch (ExecutionException e) {
            throw new IOException("the Bastion session failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            sending = false;
            lastActivityNanos = System.nanoTime();
        }
    }

    /** Keeps an idle session open through proxies and Bastion's idle timeout. */
    void ping() {
        WebSocket ws = socket;
        if (ws != null && usable() && !sending) {
            try {
                ws.sendPing(ByteBuffer.wrap(new byte[] {'a', 'k', 's', 'h'}));
            } catch (IllegalStateException ignored) {
                // a ping is still outstanding
            }
        }
    }

    /**
     * Ends the session: closes the WebSocket and deletes the session at Bastion. Safe to call from
     * any path, any number of times; the deletion happens once.
     */
    CompletableFuture<Void> end() {
        if (ended.compareAndSet(false, true)) {
            WebSocket ws = socket;
            if (ws != null && !ws.isOutputClosed()) {
                try {
                    ws.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(2, TimeUnit.SECONDS)
                            .whenComplete((w, e) -> ws.abort());
                } catch (RuntimeException e) {
                    ws.abort();
                }
            } else if (ws != null) {
                ws.abort();
            }
            deletion.set(endpoint.delete(token).exceptionally(e -> null));
        }
        CompletableFuture<Void> d = deletion.get();
        return d == null ? CompletableFuture.completedFuture(null) : d;
    }

    // ------------------------------------------------------------------ WebSocket.Listener

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        deliver(data);
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        deliver(StandardCharsets.UTF_8.encode(data.toString()));
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
        lastActivityNanos = System.nanoTime();
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        if (statusCode == 1006) {
            abrupt = true; // the JDK's word for "closed without a Close message": the connection was dropped
        }
        closedByRemote();
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        abrupt = true;
        closedByRemote();
    }

    private void deliver(ByteBuffer data) {
        lastActivityNanos = System.nanoTime();
        int n = data.remaining();
        received += n;
        synchronized (sinkLock) {
            try {
                if (sink == null) {
                    if (early == null) {
                        early = new ByteArrayOutputStream();
                    }
                    byte[] b = new byte[n];
                    data.get(b);
                    early.write(b, 0, n);
                    return;
                }
                if (data.hasArray()) {
                    sink.write(data.array(), data.arrayOffset() + data.position(), n);
                } else {
                    byte[] b = new byte[n];
                    data.get(b);
                    sink.write(b);
                }
                sink.flush();
            } catch (IOException e) {
                // the local connection is gone; its own pump ends the session
            }
        }
    }

    private void closedByRemote() {
        remoteClosed.complete(null);
        Runnable r;
        synchronized (sinkLock) {
            r = onRemoteClose;
        }
        r.run();
    }

    /** Waits for a deletion to finish, at most {@code millis}. */
    static void await(CompletableFuture<?> f, long millis) {
        try {
            f.get(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException ignored) {
            // best effort
        }
    }
}
