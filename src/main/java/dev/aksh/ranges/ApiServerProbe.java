package dev.aksh.ranges;

import dev.aksh.render.Progress;
import dev.aksh.shell.Durations;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Does a cluster's public API server answer from here? A TCP connection, a TLS handshake and an
 * anonymous {@code GET /version} (AKS lets anyone read it): any HTTP answer means the firewall let
 * us in. The probe sends no credential, so it does not need the cluster's CA to be safe; it only
 * asks whether packets get through.
 */
public final class ApiServerProbe {
    private final Function<String, InetSocketAddress> addresses;
    private final Clock clock;

    /** @param addresses where a host name's port 443 is (DNS on real Azure; loopback ports in the sandbox) */
    public ApiServerProbe(Function<String, InetSocketAddress> addresses, Clock clock) {
        this.addresses = addresses;
        this.clock = clock;
    }

    /** Whether the API server at {@code host} answers within {@code timeout}. */
    public boolean answers(String host, Duration timeout) {
        InetSocketAddress at = addresses.apply(host);
        if (at == null || at.isUnresolved()) {
            return false;
        }
        try (Socket plain = new Socket()) {
            plain.connect(at, (int) timeout.toMillis());
            plain.setSoTimeout((int) timeout.toMillis());
            SSLSocket tls = (SSLSocket) reachabilityOnly().getSocketFactory().createSocket(plain, host, 443, true);
            tls.startHandshake();
            OutputStream out = tls.getOutputStream();
            out.write(("GET /version HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\nUser-Agent: aksh\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = tls.getInputStream();
            byte[] head = in.readNBytes(12);
            return new String(head, StandardCharsets.US_ASCII).startsWith("HTTP/1.");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Probes every few seconds until the API server answers or {@code limit} passes.
     *
     * @return how long it took, or null if it never answered
     */
    public Duration waitUntilAnswers(String host, Duration limit, Progress progress) {
        return waitFor(true, host, limit, progress);
    }

    /**
     * Probes every few seconds until the API server stops answering (a lockout reached the
     * firewall) or {@code limit} passes.
     *
     * @return how long it took, or null if it still answered
     */
    public Duration waitUntilRefused(String host, Duration limit, Progress progress) {
        return waitFor(false, host, limit, progress);
    }

    private Duration waitFor(boolean answering, String host, Duration limit, Progress progress) {
        Instant start = clock.instant();
        while (true) {
            Duration elapsed = Duration.between(start, clock.instant());
            progress.state("waiting for the API server to " + (answering ? "answer" : "stop answering") + " from here ("
                    + Durations.format(elapsed) + ")");
            if (answers(host, Duration.ofSeconds(5)) == answering) {
                return Duration.between(start, clock.instant());
            }
            if (elapsed.compareTo(limit) >= 0 || Thread.currentThread().isInterrupted()) {
                return null;
            }
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    /** A TLS context for reachability probes only: it trusts any certificate, so nothing may be sent through it. */
    public static SSLContext reachabilityOnly() throws IOException {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                    // not a server
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                    // reachability only: nothing is sent that a wrong server could misuse
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }
}
