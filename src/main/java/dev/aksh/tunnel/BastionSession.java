package dev.aksh.tunnel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One Bastion session: its tokens and its WebSocket. Made ahead of time (pre-warmed) or on demand,
 * then attached to one local connection: a reader copies what the target sends to the
 * connection's socket; {@link #send} carries the connection's bytes to the target. Ending it closes
 * the WebSocket and deletes the session at Bastion, exactly once, whatever path leads there.
 */
final class BastionSession {
    private final BastionEndpoint endpoint;
    private final BastionEndpoint.Token token;
    private final long createdNanos = System.nanoTime();
    private final CompletableFuture<Void> remoteClosed = new CompletableFuture<>();
    private final AtomicBoolean ended = new AtomicBoolean();
    /** Completes when the DELETE that ended this session has been answered (or failed). */
    private final CompletableFuture<Void> deletion = new CompletableFuture<>();
    private final java.util.concurrent.locks.ReentrantLock sinkLock = new java.util.concurrent.locks.ReentrantLock();
    private volatile WebSocketClient socket;
    private OutputStream sink;
    private Runnable onRemoteClose = () -> { };
    private ByteArrayOutputStream early;
    private volatile long lastActivityNanos = System.nanoTime();
    private volatile long received;
    private volatile boolean abrupt;

    BastionSession(BastionEndpoint endpoint, BastionEndpoint.Token token) {
        this.endpoint = endpoint;
        this.token = token;
    }

    /** Opens the WebSocket and starts reading from it on {@code threads}. */
    BastionSession open(Executor threads) throws IOException {
        WebSocketClient ws = endpoint.connect(token);
        socket = ws;
        if (ended.get()) {
            ws.close(); // ended while the WebSocket was opening
            throw new IOException("the session ended while it was opening");
        }
        threads.execute(this::readLoop);
        return this;
    }

    /** Whether the WebSocket is still usable. */
    boolean usable() {
        WebSocketClient ws = socket;
        return ws != null && !ended.get() && !remoteClosed.isDone() && !ws.isClosed();
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
        sinkLock.lock();
        try {
            if (early != null) {
                out.write(early.toByteArray());
                out.flush();
                early = null;
            }
            sink = out;
            onRemoteClose = onClose;
        } finally {
            sinkLock.unlock();
        }
        if (remoteClosed.isDone()) {
            onClose.run();
        }
    }

    /** Sends bytes to the target; returns when the socket has taken them. */
    void send(byte[] data, int off, int len) throws IOException {
        WebSocketClient ws = socket;
        if (ws == null || !usable()) {
            throw new IOException("the Bastion session has ended");
        }
        ws.sendBinary(data, off, len);
        lastActivityNanos = System.nanoTime();
    }

    /** Keeps an idle session open through proxies and Bastion's idle timeout. */
    void ping() {
        WebSocketClient ws = socket;
        if (ws != null && usable()) {
            try {
                ws.ping();
                lastActivityNanos = System.nanoTime();
            } catch (IOException e) {
                // the reader sees the failure and ends the connection
            }
        }
    }

    /**
     * Ends the session: closes the WebSocket and deletes the session at Bastion. Safe to call from
     * any path, any number of times; the deletion happens once.
     */
    CompletableFuture<Void> end() {
        if (ended.compareAndSet(false, true)) {
            WebSocketClient ws = socket;
            if (ws != null) {
                try {
                    ws.sendClose();
                } catch (IOException ignored) {
                    // closing anyway
                }
                ws.close();
            }
            try {
                endpoint.delete(token).whenComplete((v, e) -> deletion.complete(null));
            } catch (RuntimeException e) {
                deletion.complete(null); // nothing more to wait for
            }
        }
        // every caller waits for the same DELETE, also one that arrives while the first is still closing the socket
        return deletion;
    }

    /** Copies what the target sends to the attached connection (or holds it until one attaches). */
    private void readLoop() {
        byte[] buf = new byte[BastionTunnel.BUFFER];
        WebSocketClient ws = socket;
        try {
            while (true) {
                WebSocketClient.Read r = ws.read(buf);
                if (r.closed()) {
                    abrupt = !r.clean();
                    break;
                }
                deliver(buf, r.length());
            }
        } catch (IOException e) {
            abrupt = true;
        } finally {
            ws.close();
            remoteClosed.complete(null);
            Runnable r;
            sinkLock.lock();
            try {
                r = onRemoteClose;
            } finally {
                sinkLock.unlock();
            }
            r.run();
        }
    }

    private void deliver(byte[] data, int n) {
        lastActivityNanos = System.nanoTime();
        received += n;
        sinkLock.lock();
        try {
            try {
                if (sink == null) {
                    if (early == null) {
                        early = new ByteArrayOutputStream();
                    }
                    early.write(data, 0, n);
                    return;
                }
                sink.write(data, 0, n);
            } catch (IOException e) {
                // the local connection is gone; its own pump ends the session
            }
        } finally {
            sinkLock.unlock();
        }
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
