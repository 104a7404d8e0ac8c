package dev.aksh.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * A minimal HTTPS client for benchmarks and tests that talks to a cluster's API server through a
 * local port, the way kubectl does with {@code tls-server-name}: TCP to 127.0.0.1:PORT, TLS
 * verified against the cluster's FQDN.
 */
public final class LoopbackHttps {
    public record Response(int status, String body) {
    }

    private LoopbackHttps() {
    }

    /** One request on a new connection ({@code Connection: close}). */
    public static Response get(int port, String host, SSLContext trust, String path, String bearer) throws IOException {
        try (Socket plain = new Socket(InetAddress.getLoopbackAddress(), port)) {
            plain.setTcpNoDelay(true);
            plain.setSoTimeout(20_000);
            SSLSocket tls = (SSLSocket) trust.getSocketFactory().createSocket(plain, host, 443, true);
            SSLParameters p = tls.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(p);
            tls.startHandshake();
            OutputStream out = tls.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n"
                    + (bearer == null ? "" : "Authorization: Bearer " + bearer + "\r\n") + "Accept: application/json\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = tls.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(9, 12));
            int split = text.indexOf("\r\n\r\n");
            String head = text.substring(0, split);
            String body = text.substring(split + 4);
            if (head.toLowerCase().contains("transfer-encoding: chunked")) {
                body = unchunk(body);
            }
            return new Response(status, body);
        }
    }

    /** A kept-alive connection through the tunnel: several requests, one TCP connection (one Bastion session). */
    public static final class Conn implements AutoCloseable {
        private final SSLSocket tls;
        private final String host;
        private final InputStream in;

        public Conn(int port, String host, SSLContext trust) throws IOException {
            Socket plain = new Socket(InetAddress.getLoopbackAddress(), port);
            plain.setTcpNoDelay(true);
            plain.setSoTimeout(20_000);
            tls = (SSLSocket) trust.getSocketFactory().createSocket(plain, host, 443, true);
            SSLParameters p = tls.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(p);
            tls.startHandshake();
            this.host = host;
            this.in = new java.io.BufferedInputStream(tls.getInputStream());
        }

        public Response get(String path, String bearer) throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            int status = exchange(path, bearer, body);
            return new Response(status, body.toString(StandardCharsets.UTF_8));
        }

        /** A request whose body is counted and dropped: for bulk transfers. */
        public long fetch(String path, String bearer) throws IOException {
            long[] n = {0};
            OutputStream counter = new OutputStream() {
                @Override
                public void write(int b) {
                    n[0]++;
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    n[0] += len;
                }
            };
            int status = exchange(path, bearer, counter);
            if (status != 200) {
                throw new IOException("GET " + path + " answered " + status);
            }
            return n[0];
        }

        private int exchange(String path, String bearer, OutputStream body) throws IOException {
            OutputStream out = tls.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n"
                    + (bearer == null ? "" : "Authorization: Bearer " + bearer + "\r\n") + "Accept: application/json\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = line();
            if (status == null) {
                throw new java.io.EOFException("the connection closed");
            }
            int length = -1;
            boolean chunked = false;
            String h;
            while ((h = line()) != null && !h.isEmpty()) {
                String lower = h.toLowerCase();
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(h.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            if (chunked) {
                while (true) {
                    int n = Integer.parseInt(line().trim(), 16);
                    if (n == 0) {
                        line();
                        break;
                    }
                    copy(n, body);
                    line();
                }
            } else if (length >= 0) {
                copy(length, body);
            }
            return Integer.parseInt(status.substring(9, 12));
        }

        private void copy(long length, OutputStream to) throws IOException {
            byte[] buf = new byte[64 * 1024];
            long left = length;
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    throw new java.io.EOFException("the connection closed mid-body");
                }
                to.write(buf, 0, n);
                left -= n;
            }
        }

        private String line() throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) >= 0 && c != '\n') {
                if (c != '\r') {
                    b.write(c);
                }
            }
            return c < 0 && b.size() == 0 ? null : b.toString(StandardCharsets.US_ASCII);
        }

        @Override
        public void close() throws IOException {
            tls.close();
        }
    }

    private static String unchunk(String s) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            int nl = s.indexOf("\r\n", i);
            int len = Integer.parseInt(s.substring(i, nl).trim(), 16);
            if (len == 0) {
                break;
            }
            out.append(s, nl + 2, nl + 2 + len);
            i = nl + 2 + len + 2;
        }
        return out.toString();
    }
}
