package dev.aksh.sandbox;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** RFC 6455 framing, server side: what the fake Bastion needs to carry a tunnel. */
final class WebSocketFrames {
    static final int CONTINUATION = 0x0;
    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    static final int PONG = 0xA;

    /** A frame read from a client. */
    record Frame(int opcode, boolean fin, byte[] payload) {
    }

    private WebSocketFrames() {
    }

    /** The Sec-WebSocket-Accept answer to a client key. */
    static String accept(String key) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-1").digest(
                    (key.trim() + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads one frame (client frames are masked). Returns null at end of stream. */
    static Frame read(InputStream in) throws IOException {
        int b0 = in.read();
        if (b0 < 0) {
            return null;
        }
        int b1 = readByte(in);
        boolean fin = (b0 & 0x80) != 0;
        int opcode = b0 & 0x0F;
        boolean masked = (b1 & 0x80) != 0;
        long len = b1 & 0x7F;
        if (len == 126) {
            len = (readByte(in) << 8) | readByte(in);
        } else if (len == 127) {
            len = 0;
            for (int i = 0; i < 8; i++) {
                len = (len << 8) | readByte(in);
            }
        }
        if (len > 16 * 1024 * 1024) {
            throw new IOException("websocket frame too large: " + len);
        }
        byte[] mask = new byte[4];
        if (masked) {
            readFully(in, mask);
        }
        byte[] payload = new byte[(int) len];
        readFully(in, payload);
        if (masked) {
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i & 3];
            }
        }
        return new Frame(opcode, fin, payload);
    }

    /** Bytes to leave in front of a payload so {@link #writeBinaryInPlace} can put the header there. */
    static final int HEADER_ROOM = 10;

    /**
     * Writes a binary frame whose payload sits at {@code buf[HEADER_ROOM..HEADER_ROOM+len)}: the
     * header goes just before it, and the frame leaves in one write with no copy.
     */
    static void writeBinaryInPlace(OutputStream out, byte[] buf, int len) throws IOException {
        int start;
        if (len < 126) {
            start = HEADER_ROOM - 2;
            buf[start + 1] = (byte) len;
        } else if (len < 65536) {
            start = HEADER_ROOM - 4;
            buf[start + 1] = 126;
            buf[start + 2] = (byte) (len >>> 8);
            buf[start + 3] = (byte) len;
        } else {
            start = 0;
            buf[1] = 127;
            for (int i = 0; i < 8; i++) {
                buf[2 + i] = (byte) (((long) len) >>> (56 - 8 * i));
            }
        }
        buf[start] = (byte) (0x80 | BINARY);
        out.write(buf, start, HEADER_ROOM - start + len);
        out.flush();
    }

    /** Writes one unmasked (server) frame. Callers serialise writes on {@code out}. */
    static void write(OutputStream out, int opcode, byte[] data, int off, int len) throws IOException {
        byte[] header;
        if (len < 126) {
            header = new byte[] {(byte) (0x80 | opcode), (byte) len};
        } else if (len < 65536) {
            header = new byte[] {(byte) (0x80 | opcode), 126, (byte) (len >>> 8), (byte) len};
        } else {
            header = new byte[10];
            header[0] = (byte) (0x80 | opcode);
            header[1] = 127;
            for (int i = 0; i < 8; i++) {
                header[2 + i] = (byte) (((long) len) >>> (56 - 8 * i));
            }
        }
        // one write per frame: over TLS, a separate write for the header would be a record of its own
        byte[] frame = new byte[header.length + len];
        System.arraycopy(header, 0, frame, 0, header.length);
        System.arraycopy(data, off, frame, header.length, len);
        out.write(frame);
        out.flush();
    }

    private static int readByte(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("websocket stream ended inside a frame");
        }
        return b;
    }

    private static void readFully(InputStream in, byte[] buf) throws IOException {
        int off = 0;
        while (off < buf.length) {
            int n = in.read(buf, off, buf.length - off);
            if (n < 0) {
                throw new EOFException("websocket stream ended inside a frame");
            }
            off += n;
        }
    }
}
