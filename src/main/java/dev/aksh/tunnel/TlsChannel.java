package dev.aksh.tunnel;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/**
 * TLS over a blocking socket channel with an {@link SSLEngine}, for bulk streams: one read system
 * call fetches as many TLS records as the kernel holds (up to 256 kB), all are decrypted in one go,
 * and a write sends all the records of a message in one call. {@code SSLSocket} reads each record
 * with two system calls and writes each with one, which costs a tunnel more than the cryptography
 * does. Reading and writing may happen on two threads at once. The sandbox's Bastion uses it for
 * its side too.
 */
public final class TlsChannel implements AutoCloseable {
    static final int NET_BUFFER = 256 * 1024;

    private final SocketChannel channel;
    private final SSLEngine engine;
    private final ReentrantLock readLock = new ReentrantLock();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ByteBuffer netIn;
    private final ByteBuffer appIn;
    private ByteBuffer netOut;
    private boolean inputClosed;

    private TlsChannel(SocketChannel channel, SSLEngine engine) {
        this.channel = channel;
        this.engine = engine;
        int packet = engine.getSession().getPacketBufferSize();
        int app = engine.getSession().getApplicationBufferSize();
        this.netIn = ByteBuffer.allocate(Math.max(NET_BUFFER, packet));
        this.appIn = ByteBuffer.allocate(Math.max(NET_BUFFER, app) + app);
        this.netOut = ByteBuffer.allocate(Math.max(NET_BUFFER, packet) + packet);
        this.appIn.flip(); // empty, ready to be read from
        this.netIn.flip();
    }

    /** Connects, verifies the server's certificate for {@code host}, and completes the handshake. */
    static TlsChannel connect(String host, int port, SSLContext tls, String[] cipherOrder, Duration timeout)
            throws IOException {
        SocketChannel ch = SocketChannel.open();
        try {
            ch.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
            ch.socket().connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            SSLEngine engine = tls.createSSLEngine(host, port);
            engine.setUseClientMode(true);
            SSLParameters p = engine.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS");
            if (cipherOrder != null) {
                p.setCipherSuites(cipherOrder);
            }
            engine.setSSLParameters(p);
            TlsChannel t = new TlsChannel(ch, engine);
            t.handshake(timeout);
            return t;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    private void handshake(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        engine.beginHandshake();
        while (true) {
            if (System.nanoTime() > deadline) {
                throw new java.net.SocketTimeoutException("the TLS handshake took longer than " + timeout.toSeconds() + " s");
            }
            switch (engine.getHandshakeStatus()) {
                case NEED_WRAP -> {
                    netOut.clear();
                    SSLEngineResult r = engine.wrap(ByteBuffer.allocate(0), netOut);
                    netOut.flip();
                    writeFully(netOut);
                    if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
                        throw new SSLException("the server closed the connection during the TLS handshake");
                    }
                }
                case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                    appIn.compact();
                    SSLEngineResult r;
                    try {
                        r = engine.unwrap(netIn, appIn);
                    } finally {
                        appIn.flip();
                    }
                    if (r.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW) {
                        if (!fill()) {
                            throw new EOFException("the server closed the connection during the TLS handshake");
                        }
                    } else if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
                        throw new SSLException("the server closed the connection during the TLS handshake");
                    }
                }
                case NEED_TASK -> {
                    Runnable task;
                    while ((task = engine.getDelegatedTask()) != null) {
                        task.run();
                    }
                }
                case FINISHED, NOT_HANDSHAKING -> {
                    return;
                }
                default -> throw new SSLException("unexpected TLS handshake state " + engine.getHandshakeStatus());
            }
        }
    }

    /**
     * The server side of an accepted connection: completes the handshake with the context's
     * certificate. Clients' cipher preferences are honoured.
     */
    public static TlsChannel accept(SocketChannel ch, SSLContext tls, Duration timeout) throws IOException {
        try {
            ch.configureBlocking(true);
            ch.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
            SSLEngine engine = tls.createSSLEngine();
            engine.setUseClientMode(false);
            SSLParameters p = engine.getSSLParameters();
            p.setUseCipherSuitesOrder(false);
            engine.setSSLParameters(p);
            TlsChannel t = new TlsChannel(ch, engine);
            t.handshake(timeout);
            return t;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Reads more network bytes; false at end of stream. */
    private boolean fill() throws IOException {
        netIn.compact();
        try {
            int n = channel.read(netIn);
            return n >= 0;
        } finally {
            netIn.flip();
        }
    }

    /**
     * Reads up to {@code len} decrypted bytes into {@code dst}, waiting for at least one.
     *
     * @return the count, or -1 at the end of the stream
     */
    public int read(byte[] dst, int off, int len) throws IOException {
        readLock.lock();
        try {
            while (!appIn.hasRemaining()) {
                if (inputClosed) {
                    return -1;
                }
                decryptWhatIsThere();
                if (appIn.hasRemaining()) {
                    break;
                }
                if (!fill()) {
                    inputClosed = true;
                    return -1;
                }
            }
            int n = Math.min(len, appIn.remaining());
            appIn.get(dst, off, n);
            return n;
        } finally {
            readLock.unlock();
        }
    }

    /** Decrypts every complete record in the network buffer, as far as there is room. */
    private void decryptWhatIsThere() throws IOException {
        appIn.compact();
        try {
            while (netIn.hasRemaining()) {
                SSLEngineResult r = engine.unwrap(netIn, appIn);
                if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
                    inputClosed = true;
                    return;
                }
                if (r.getStatus() != SSLEngineResult.Status.OK) {
                    return; // underflow: a partial record; overflow: the reader must take some first
                }
                if (r.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_TASK) {
                    Runnable task;
                    while ((task = engine.getDelegatedTask()) != null) {
                        task.run();
                    }
                }
                if (engine.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_WRAP) {
                    write(new byte[0], 0, 0); // a post-handshake answer (a key update)
                }
                if (r.bytesConsumed() == 0 && r.bytesProduced() == 0) {
                    return;
                }
            }
        } finally {
            appIn.flip();
        }
    }

    /** Encrypts {@code len} bytes and sends all their records in one go. */
    public void write(byte[] src, int off, int len) throws IOException {
        writeLock.lock();
        try {
            ByteBuffer app = ByteBuffer.wrap(src, off, len);
            netOut.clear();
            do {
                SSLEngineResult r = engine.wrap(app, netOut);
                if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                    netOut.flip();
                    writeFully(netOut);
                    netOut.clear();
                } else if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
                    throw new IOException("the TLS connection is closed");
                }
            } while (app.hasRemaining() || engine.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_WRAP);
            netOut.flip();
            writeFully(netOut);
        } finally {
            writeLock.unlock();
        }
    }

    private void writeFully(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            if (channel.write(b) < 0) {
                throw new EOFException("the connection closed");
            }
        }
    }

    /** The stream view of what arrives, for parsers. */
    public java.io.InputStream input() {
        return new java.io.InputStream() {
            private final byte[] one = new byte[1];

            @Override
            public int read() throws IOException {
                int n = TlsChannel.this.read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return len == 0 ? 0 : TlsChannel.this.read(b, off, len);
            }
        };
    }

    /** The stream view of what leaves: each write goes out whole, in as few system calls as it takes. */
    public java.io.OutputStream output() {
        return new java.io.OutputStream() {
            @Override
            public void write(int b) throws IOException {
                TlsChannel.this.write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                TlsChannel.this.write(b, off, len);
            }
        };
    }

    public boolean isOpen() {
        return channel.isOpen();
    }

    /** Closes at once; a close_notify is sent when the write side is free. */
    @Override
    public void close() {
        if (!channel.isOpen()) {
            return;
        }
        if (writeLock.tryLock()) {
            try {
                engine.closeOutbound();
                netOut.clear();
                engine.wrap(ByteBuffer.allocate(0), netOut);
                netOut.flip();
                channel.write(netOut);
            } catch (IOException | RuntimeException ignored) {
                // closing anyway
            } finally {
                writeLock.unlock();
            }
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // closed anyway
        }
    }
}
