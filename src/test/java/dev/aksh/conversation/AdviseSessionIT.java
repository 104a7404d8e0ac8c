package dev.aksh.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Seed 000 through the built aksh: which way into each sandbox cluster, and peering a jump box's VNet. */
class AdviseSessionIT {
    static final String OPS = "/subscriptions/0c9e5b7d-2a41-4f36-8d1c-7b2e4f6a9d58/resourceGroups/rg-ops/providers/"
            + "Microsoft.Network/virtualNetworks/vnet-ops";
    AkshProcess aksh;

    @BeforeEach
    void start() throws Exception {
        aksh = new AkshProcess();
    }

    @AfterEach
    void stop() throws Exception {
        aksh.close();
    }

    String next(String cluster) throws Exception {
        AkshProcess.Run r = aksh.run(null, "--sandbox", "connect", "advise", cluster);
        assertThat(r.exit()).as(r.both()).isZero();
        assertThat(r.out()).as(cluster).startsWith("WAY ").contains("ready");
        return r.out().lines().filter(l -> l.startsWith("Next: ")).findFirst().orElse("(none)");
    }

    @Test
    void eachClusterGetsItsWayIn() throws Exception {
        assertThat(next("aks-payments")).as("Bastion, run command and the hub's peering all work").isEqualTo(
                "Next: connect bastion");
        assertThat(next("aks-ledger")).as("only Bastion: run command is off").isEqualTo("Next: connect bastion --bastion bas-ledger");
        assertThat(next("aks-batch")).as("only run command: the public FQDN is off").isEqualTo(
                "Next: invoke \"kubectl get pods -A\"");
        assertThat(next("aks-auto")).as("AKS Automatic: run command").isEqualTo("Next: invoke \"kubectl get pods -A\"");
        assertThat(next("aks-web")).as("public with ranges").isEqualTo("Next: invoke \"kubectl get pods -A\"");
        AkshProcess.Run dev = aksh.run(null, "--sandbox", "connect", "advise", "aks-dev");
        assertThat(dev.out()).endsWith("Next: az aks start -g rg-dev -n aks-dev\n");
    }

    @Test
    void checkThenPeerThenAdviseAgain() throws Exception {
        AkshProcess.Run r = aksh.run("""
                cluster use aks-ledger
                connect check
                """, "--sandbox", "--continue-on-error");
        assertThat(r.exit()).as(r.both()).isEqualTo(1);
        assertThat(r.out()).contains("DNS not linked").contains("a private address (10.21.0.4) not routable from here");
        AkshProcess.Run peer = aksh.run("""
                cluster use aks-ledger
                network peering create --vnet %s --dry-run
                network peering create --vnet %s
                network peering create --vnet %s -o json
                connect advise -o json
                """.formatted(OPS, OPS, OPS), "--sandbox", "--yes");
        assertThat(peer.exit()).as(peer.both()).isZero();
        assertThat(peer.err()).as("Contoso Production is a production context; --yes answers its question").doesNotContain("refused");
        assertThat(peer.err()).contains("dry run: 3 calls planned, none made").contains("nothing to do: vnet-ops and "
                + "vnet-ledger are peered both ways");
        assertThat(peer.out()).containsPattern("vnet-ledger → vnet-ops +aksh-vnet-ops +Connected")
                .contains("\"changed\": false").contains("from a machine in vnet-ops: peered (Connected) and linked");
    }
}
