package dev.aksh.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A cluster's API server and client certificates, as kube-apiserver treats them: the handshake takes
 * any certificate and asks for the cluster CA's; the certificate authenticates only when that CA
 * issued it, and a stranger's gets 401 over a working connection rather than a dropped one (what
 * kubectl reports as "EOF" and nobody can act on).
 */
class ClientCertificateTest {
    static FakeAzure sandbox;
    static int port;

    @BeforeAll
    static void start() {
        sandbox = FakeAzure.start(WorldLoader.defaultWorld());
        port = sandbox.apiServers().of(sandbox.cluster("aks-payments")).port();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static String statusLine(CertificateAuthority.ServerIdentity client) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", sandbox.ca().certificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        if (client != null) {
            keys.setKeyEntry("me", client.key().getPrivate(), "x".toCharArray(), (Certificate[]) client.chain());
        }
        kmf.init(keys, "x".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", port)) {
            s.getOutputStream().write("GET /api/v1/namespaces/payments HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }

    @Test
    void theClusterAdminCertificateIsAdmitted() throws Exception {
        assertThat(statusLine(sandbox.ca().issueClient(KubeApiServers.clientSubject(true)))).isEqualTo("HTTP/1.1 200 OK");
    }

    @Test
    void aCertificateFromAnotherCaWithTheSameSubjectIsUnauthorizedNotDropped() throws Exception {
        CertificateAuthority stranger = CertificateAuthority.generate();
        assertThat(statusLine(stranger.issueClient(KubeApiServers.clientSubject(true)))).isEqualTo("HTTP/1.1 401 Unauthorized");
    }

    @Test
    void noCertificateAndNoTokenIsUnauthorized() throws Exception {
        assertThat(statusLine(null)).isEqualTo("HTTP/1.1 401 Unauthorized");
    }
}
