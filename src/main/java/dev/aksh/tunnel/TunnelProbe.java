package dev.aksh.tunnel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * Proves a tunnel works before anyone relies on it: through the local port, a TLS handshake that
 * verifies the API server's certificate against the cluster's CA and FQDN (as kubectl will with
 * {@code tls-server-name}), then {@code GET /version}, which AKS answers without credentials.
 */
public final class TunnelProbe {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The probe failed; the message says at which step. */
    public static final class Failed extends IOException {
        private static final long serialVersionUID = 1L;

        Failed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private TunnelProbe() {
    }

    /**
     * @param caData base64 PEM of the cluster CA (kubeconfig {@code certificate-authority-data}); null: the JDK's trust
     * @return the Kubernetes version the API server reports (e.g. {@code v1.32.4}), or null if it did not say
     */
    public static String check(int port, String host, String caData, Duration timeout) throws Failed {
        SSLContext tls = trust(caData);
        try (Socket plain = new Socket(InetAddress.getLoopbackAddress(), port)) {
            plain.setSoTimeout((int) timeout.toMillis());
            SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(plain, host, 443, true);
            SSLParameters p = s.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS");
            s.setSSLParameters(p);
            try {
                s.startHandshake();
            } catch (SocketTimeoutException e) {
                throw new Failed("the API server did not answer through the tunnel within " + timeout.toSeconds() + " s", e);
            } catch (SSLHandshakeException e) {
                if (e.getCause() instanceof java.io.EOFException || String.valueOf(e.getMessage()).contains("terminated the handshake")) {
                    throw new Failed("the connection through the tunnel closed before TLS completed (nothing answered "
                            + "on the cluster's side)", e);
                }
                throw new Failed("TLS with the API server failed, so it is not the server the kubeconfig names: "
                        + e.getMessage(), e);
            } catch (IOException e) {
                throw new Failed("the connection through the tunnel closed before TLS completed (" + e.getMessage()
                        + ")", e);
            }
            OutputStream out = s.getOutputStream();
            out.write(("GET /version HTTP/1.1\r\nHost: " + host + "\r\nAccept: application/json\r\nConnection: close\r\n"
                    + "User-Agent: aksh\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0 && all.size() < 64 * 1024) {
                all.write(buf, 0, n);
            }
            String text = all.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            if (!text.startsWith("HTTP/1.1 200") || split < 0) {
                return null;
            }
            String body = text.substring(split + 4);
            int brace = body.indexOf('{');
            JsonNode v = brace < 0 ? null : JSON.readTree(body.substring(brace, body.lastIndexOf('}') + 1));
            return v == null ? null : v.path("gitVersion").asText(null);
        } catch (Failed e) {
            throw e;
        } catch (IOException e) {
            throw new Failed("the tunnel did not carry a request to the API server: " + e.getMessage(), e);
        }
    }

    static SSLContext trust(String caData) throws Failed {
        try {
            if (caData == null || caData.isBlank()) {
                return SSLContext.getDefault();
            }
            byte[] pem = Base64.getDecoder().decode(caData.trim());
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem))) {
                ks.setCertificateEntry("ca-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
            throw new Failed("the cluster's CA certificate in its kubeconfig is unreadable: " + e.getMessage(), e);
        }
    }
}
