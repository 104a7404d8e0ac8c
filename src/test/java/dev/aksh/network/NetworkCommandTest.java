package dev.aksh.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aksh.testing.InProcessAksh;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** network dns and network peering as an operator types them, in process: lines and exit codes. */
class NetworkCommandTest {
    static final String OPS = "/subscriptions/0c9e5b7d-2a41-4f36-8d1c-7b2e4f6a9d58/resourceGroups/rg-ops/providers/"
            + "Microsoft.Network/virtualNetworks/";
    InProcessAksh aksh;

    @BeforeEach
    void start() throws Exception {
        aksh = InProcessAksh.sandbox();
        aksh.run("cluster use aks-payments");
    }

    @AfterEach
    void stop() throws Exception {
        aksh.close();
    }

    @Test
    void dnsShowsTheApiServersRecordAndTheLinkedVnets() throws Exception {
        String out = aksh.run("network dns");
        assertThat(out).containsPattern("A +aks-payments-dns-[0-9a-f]+ +10\\.20\\.0\\.4 +API server")
                .containsPattern("LINK +[0-9a-f]{12} +/subscriptions/.*/virtualNetworks/vnet-payments +Completed");
        assertThat(aksh.console().stderr()).containsPattern("zone [0-9a-f-]+\\.privatelink\\.westeurope\\.azmk8s\\.io in "
                + "MC_rg-payments_aks-payments_westeurope");
        JsonNode z = new ObjectMapper().readTree(aksh.run("network dns -o json"));
        assertThat(z.path("apiServerRecord").path("addresses").get(0).asText()).isEqualTo("10.20.0.4");
        aksh.run("network dns --cluster aks-web");
        assertThat(aksh.last().status()).isEqualTo(67);
    }

    @Test
    void peeringCreateDryRunPrintsTheCallsThenCreateIsIdempotent() throws Exception {
        String dry = aksh.run("network peering create --vnet " + OPS + "vnet-ops --dry-run");
        assertThat(aksh.last().status()).isZero();
        assertThat(dry.lines().toList()).hasSize(3).allMatch(l -> l.startsWith("PUT /subscriptions/"));
        assertThat(aksh.console().stderr()).contains("dry run: 3 calls planned, none made");
        assertThat(aksh.run("network peering show")).doesNotContain("aksh-vnet-ops");

        aksh.console().answer(true); // aks-payments is in Contoso Production: a production context asks first
        String made = aksh.run("network peering create --vnet " + OPS + "vnet-ops");
        assertThat(aksh.last().status()).isZero();
        assertThat(made).containsPattern("vnet-payments → vnet-ops +aksh-vnet-ops +Connected")
                .containsPattern("vnet-ops → vnet-payments +aksh-vnet-payments +Connected")
                .containsPattern("DNS link in \\S+ +aksh-vnet-ops +Completed");
        assertThat(aksh.console().stderr().lines().filter(l -> l.startsWith("made: PUT "))).hasSize(3);

        aksh.console().answer(true);
        JsonNode again = new ObjectMapper().readTree(aksh.run("network peering create --vnet " + OPS + "vnet-ops -o json"));
        assertThat(again.path("changed").asBoolean()).isFalse();
        assertThat(again.path("made")).isEmpty();
        assertThat(aksh.console().stderr()).startsWith("nothing to do: vnet-ops and vnet-payments are peered both ways");
        assertThat(aksh.run("network peering show")).containsPattern("aksh-vnet-ops +/subscriptions/\\S+/vnet-ops +Connected "
                + "+linked").containsPattern("peer-vnet-hub +\\S+ +Connected +linked");
    }

    @Test
    void badInputAndReadOnlyChangeNothing() throws Exception {
        aksh.run("network peering create --vnet " + OPS + "vnet-lab");
        assertThat(aksh.last().status()).isEqualTo(67);
        aksh.run("network peering create");
        assertThat(aksh.last().status()).isEqualTo(64);
        try (InProcessAksh ro = InProcessAksh.sandbox("--read-only")) {
            ro.run("cluster use aks-payments");
            ro.run("network peering create --vnet " + OPS + "vnet-ops");
            assertThat(ro.last().status()).isEqualTo(67);
            assertThat(ro.last().error().oneLine()).startsWith("'network peering create' changes state and read-only mode is on");
        }
        assertThat(aksh.run("network peering show")).doesNotContain("aksh-");
    }
}
