package dev.aksh.tunnel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aksh.testing.SandboxFixture;
import java.net.http.HttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BastionTunnelTest {
    static SandboxFixture sandbox;
    static final String PROD = "6f1d3a52-8c4e-4b7a-9e21-3d5f7a9c1b04";
    static final String PLATFORM = "0c9e5b7d-2a41-4f36-8d1c-7b2e4f6a9d58";
    static final String PAYMENTS = "/subscriptions/" + PROD + "/resourceGroups/rg-payments/providers/Microsoft.ContainerService/managedClusters/aks-payments";
    static final String BAS_HUB = "/subscriptions/" + PLATFORM + "/resourceGroups/rg-hub/providers/Microsoft.Network/bastionHosts/bas-hub";

    @BeforeAll
    static void start() {
        sandbox = SandboxFixture.defaultWorld();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    BastionEndpoint endpoint(String bastionId, String target) {
        String dns = sandbox.azure().state().resource(bastionId).at("/properties/dnsName").asText();
        HttpClient http = sandbox.clients().plainHttp();
        return new BastionEndpoint(http, dns, target, 443,
                () -> sandbox.clients().token(sandbox.clients().armScope()).getToken());
    }

    String fqdn(String clusterId) {
        return sandbox.azure().state().resource(clusterId).at("/properties/fqdn").asText();
    }

    @Test
    void versionThroughTheTunnel() throws Exception {
        try (BastionTunnel t = BastionTunnel.open(endpoint(BAS_HUB, PAYMENTS), 0, BastionTunnel.Options.defaults())) {
            TunnelHttp.Response r = TunnelHttp.get(t.port(), fqdn(PAYMENTS), sandbox.azure().clientTls(), "/version", null);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).contains("v1.32.4");
        }
        assertThat(sandbox.azure().bastions().liveSessions()).isZero();
    }
}
