package dev.aksh.tunnel;

import dev.aksh.bench.LoopbackHttps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aksh.sandbox.FakeBastion;
import dev.aksh.testing.SandboxFixture;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The tunnel over the wire: the Bastion protocol, many connections, drops, pings, and no session left behind. */
class BastionTunnelTest {
    static SandboxFixture sandbox;
    static final String PROD = "6f1d3a52-8c4e-4b7a-9e21-3d5f7a9c1b04";
    static final String PLATFORM = "0c9e5b7d-2a41-4f36-8d1c-7b2e4f6a9d58";
    static final String PAYMENTS = "/subscriptions/" + PROD
            + "/resourceGroups/rg-payments/providers/Microsoft.ContainerService/managedClusters/aks-payments";
    static final String BAS_HUB = "/subscriptions/" + PLATFORM + "/resourceGroups/rg-hub/providers/Microsoft.Network/bastionHosts/bas-hub";

    @BeforeAll
    static void start() {
        sandbox = SandboxFixture.defaultWorld();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @AfterEach
    void noSessionLeftBehind() {
        host().dropTunnelsAfter(-1);
        assertThat(sandbox.azure().bastions().liveSessions()).as("live Bastion sessions after the test").isZero();
    }

    static FakeBastion host() {
        return sandbox.azure().bastions().host(BAS_HUB);
    }

    static BastionEndpoint endpoint() {
        String dns = sandbox.azure().state().resource(BAS_HUB).at("/properties/dnsName").asText();
        return new BastionEndpoint(sandbox.clients().plainHttp(), dns, PAYMENTS, 443,
                () -> sandbox.clients().token(sandbox.clients().armScope()).getToken());
    }

    static String fqdn() {
        return sandbox.azure().state().resource(PAYMENTS).at("/properties/fqdn").asText();
    }

    static String clusterToken() {
        return sandbox.clients().token(ConnectService.AKS_AAD_SERVER_APP + "/.default").getToken();
    }

    static LoopbackHttps.Response get(BastionTunnel t, String path) throws IOException {
        return LoopbackHttps.get(t.port(), fqdn(), sandbox.azure().clientTls(), path, clusterToken());
    }

    static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
        for (int i = 0; i < 200 && !condition.getAsBoolean(); i++) {
            Thread.sleep(25);
        }
        assertThat(condition.getAsBoolean()).as(what).isTrue();
    }

    @Test
    void kubernetesAnswersThroughTheTunnelWithTlsVerifiedForTheClustersName() throws Exception {
        try (BastionTunnel t = BastionTunnel.open(endpoint(), 0, BastionTunnel.Options.defaults())) {
            LoopbackHttps.Response version = LoopbackHttps.get(t.port(), fqdn(), sandbox.azure().clientTls(), "/version", null);
            assertThat(version.status()).isEqualTo(200);
            assertThat(version.body()).contains("\"gitVersion\"").contains("v1.32.4");
            LoopbackHttps.Response pods = get(t, "/api/v1/namespaces/payments/pods");
            assertThat(pods.status()).isEqualTo(200);
            assertThat(pods.body()).contains("payments-api-");
            assertThatThrownBy(() -> LoopbackHttps.get(t.port(), "evil.example.com", sandbox.azure().clientTls(), "/version", null))
                    .as("a certificate for another name is refused")
                    .isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
        }
    }

    @Test
    void theListenerIsOnLoopbackOnly() throws Exception {
        try (BastionTunnel t = BastionTunnel.open(endpoint(), 0, BastionTunnel.Options.defaults())) {
            assertThat(t.address().isLoopbackAddress()).isTrue();
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                    if (a.isLoopbackAddress() || a.isLinkLocalAddress()) {
                        continue;
                    }
                    try (Socket s = new Socket()) {
                        assertThatThrownBy(() -> s.connect(new InetSocketAddress(a, t.port()), 2000))
                                .as("connecting on " + a.getHostAddress()).isInstanceOf(IOException.class);
                    }
                }
            }
        }
    }

    @Test
    void fiftyConcurrentConnectionsEachGetTheirOwnSessionAndNoneIsLeftAfterClose() throws Exception {
        int n = 60;
        int issuedBefore = host().sessionsIssued();
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try (BastionTunnel t = BastionTunnel.open(endpoint(), 0, BastionTunnel.Options.defaults())) {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                calls.add(() -> get(t, "/api/v1/namespaces/payments/pods").status());
            }
            for (Future<Integer> f : pool.invokeAll(calls)) {
                assertThat(f.get()).isEqualTo(200);
            }
            assertThat(t.stats().connections()).isEqualTo(n);
            assertThat(host().sessionsIssued() - issuedBefore).isGreaterThanOrEqualTo(n);
            eventually(() -> t.stats().active() == 0, "every connection ended");
        } finally {
            pool.shutdownNow();
        }
        assertThat(sandbox.azure().bastions().liveSessions()).isZero();
    }

    @Test
    void everyWayAConnectionEndsDeletesItsSession() throws Exception {
        try (BastionTunnel t = BastionTunnel.open(endpoint(), 0, BastionTunnel.Options.defaults())) {
            eventually(() -> t.stats().pooled() == 2, "the pool is full");
            // the client closes (Connection: close on our side)
            get(t, "/version");
            // the server closes: the API server ends the keep-alive connection when the tunnel's client goes away
            try (LoopbackHttps.Conn c = new LoopbackHttps.Conn(t.port(), fqdn(), sandbox.azure().clientTls())) {
                c.get("/version", null);
            }
            eventually(() -> t.stats().active() == 0 && t.sessions() == 2, "only the two pooled sessions remain");
            eventually(() -> host().liveSessions() == 2, "Bastion holds only the pooled sessions");
        }
        assertThat(host().liveSessions()).isZero();
    }

    @Test
    void aDroppedWebSocketClosesOnlyItsOwnConnection() throws Exception {
        try (BastionTunnel t = BastionTunnel.open(endpoint(), 0, BastionTunnel.Options.defaults());
                LoopbackHttps.Conn steady = new LoopbackHttps.Conn(t.port(), fqdn(), sandbox.azure().clientTls())) {
            assertThat(steady.get("/api/v1/namespaces/payments/pods", clusterToken()).status()).isEqualTo(200);
            eventually(() -> t.stats().pooled() == 2, "the pool is full");

            host().dropTunnelsAfter(40_000); // only tunnels opened from now on; the pooled ones are already open
            for (int i = 0; i < 2; i++) {
                try (LoopbackHttps.Conn pooled = new LoopbackHttps.Conn(t.port(), fqdn(), sandbox.azure().clientTls())) {
                    pooled.get("/version", null);
                }
            }
            eventually(() -> t.stats().pooled() == 2, "the pool refilled with sessions that will drop");
            assertThatThrownBy(() -> {
                try (LoopbackHttps.Conn doomed = new LoopbackHttps.Conn(t.port(), fqdn(), sandbox.azure().clientTls())) {
                    for (int i = 0; i < 50; i++) {
                        doomed.get("/api/v1/pods", clusterToken());
                    }
                }
            }).isInstanceOf(IOException.class);
            host().dropTunnelsAfter(-1);

            assertThat(steady.get("/api/v1/namespaces/payments/pods", clusterToken()).status())
                    .as("the other connection carries on").isEqualTo(200);
            eventually(() -> t.stats().drops() == 1, "the drop is counted, not silent");
            assertThat(t.stats().lastProblem()).matches("a connection was dropped on the Bastion side after [1-9][0-9]{4} bytes; "
                    + "only that connection was closed");
        }
    }

    @Test
    void newConnectionsStartOnPreWarmedSessions() throws Exception {
        try (BastionTunnel t = BastionTunnel.open(endpoint(), 0, BastionTunnel.Options.defaults())) {
            for (int i = 0; i < 5; i++) {
                eventually(() -> t.stats().pooled() == 2, "the pool is full again");
                assertThat(get(t, "/version").status()).isEqualTo(200);
            }
            assertThat(t.stats().fromPool()).isEqualTo(5);
        }
    }

    @Test
    void idleSessionsArePinged() throws Exception {
        int before = host().pingsReceived();
        BastionTunnel.Options fast = new BastionTunnel.Options(1, Duration.ofMillis(100), Duration.ofMinutes(5));
        try (BastionTunnel t = BastionTunnel.open(endpoint(), 0, fast);
                LoopbackHttps.Conn idle = new LoopbackHttps.Conn(t.port(), fqdn(), sandbox.azure().clientTls())) {
            eventually(() -> host().pingsReceived() - before >= 3, "pings while idle");
            assertThat(idle.get("/version", null).status()).as("the idle connection still works").isEqualTo(200);
        }
    }

    @Test
    void aRefusedSessionIsReportedWithBastionsReason() {
        String ledger = PAYMENTS.replace("rg-payments", "rg-nowhere");
        BastionEndpoint nowhere = new BastionEndpoint(sandbox.clients().plainHttp(),
                sandbox.azure().state().resource(BAS_HUB).at("/properties/dnsName").asText(), ledger, 443,
                () -> sandbox.clients().token(sandbox.clients().armScope()).getToken());
        assertThatThrownBy(() -> BastionTunnel.open(nowhere, 0, BastionTunnel.Options.defaults()))
                .isInstanceOf(BastionEndpoint.Refused.class)
                .hasMessageContaining("was not found");
        BastionEndpoint noToken = new BastionEndpoint(sandbox.clients().plainHttp(),
                sandbox.azure().state().resource(BAS_HUB).at("/properties/dnsName").asText(), PAYMENTS, 443, () -> "forged");
        assertThatThrownBy(() -> BastionTunnel.open(noToken, 0, BastionTunnel.Options.defaults()))
                .isInstanceOfSatisfying(BastionEndpoint.Refused.class, e -> assertThat(e.status()).isEqualTo(401));
    }
}
