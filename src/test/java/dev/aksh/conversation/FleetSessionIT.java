package dev.aksh.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aksh.testing.InProcessAksh;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Seed 002 through the built aksh: the fleet, its private hub through Bastion, the installed kubectl. */
class FleetSessionIT {
    static final String OPS = "44444444-4444-4444-8444-444444444444";
    AkshProcess aksh;

    @BeforeEach
    void start() throws Exception {
        aksh = new AkshProcess();
    }

    @AfterEach
    void stop() throws Exception {
        aksh.close();
    }

    @Test
    void seed002TheMemberClustersOfAPrivateHubThroughBastion() throws Exception {
        assumeTrue(AkshProcess.kubectlInstalled(), "kubectl is not installed here");
        AkshProcess.Run r = aksh.run("""
                fleet list
                fleet use fleet-prod
                fleet members
                fleet hub
                connect bastion --fleet
                invoke --fleet-hub "kubectl get memberclusters"
                """, "--sandbox");
        assertThat(r.exit()).as(r.both()).isZero();
        assertThat(r.out()).contains("Your Fleet roles: Azure Kubernetes Fleet Manager RBAC Cluster Admin")
                .containsPattern("Tunnel: +1: hub on 127\\.0\\.0\\.1:\\d+")
                .containsPattern("API server: +fleet-prod-[0-9a-f]{8}\\.flt\\.westeurope\\.azmk8s\\.io \\(v1\\.32\\.4\\), "
                        + "TLS verified through the tunnel");
        assertThat(r.err()).contains("using Bastion bas-hub (Standard) in vnet-hub (subscription Contoso Platform), "
                + "peered with vnet-fleet\n");
        assertThat(r.out()).endsWith("""
                NAME       JOINED   AGE
                batch      False    3d
                ledger     True     3d
                payments   True     3d
                web        True     3d
                """);
        assertThat(aksh.tunnelLeftovers()).isEmpty();
    }

    static String world() {
        String fleet = "/subscriptions/" + OPS + "/resourceGroups/rg-fleet/providers/Microsoft.ContainerService/fleets/";
        return """
                defaultSubscription: Ops
                identity:
                  roleAssignments:
                    - {role: Azure Kubernetes Fleet Manager RBAC Reader, scope: %2$sfleet-new, pending: true}
                subscriptions:
                  - id: %1$s
                    name: Ops
                    resourceGroups:
                      - name: rg-fleet
                        location: westeurope
                        virtualNetworks:
                          - name: vnet-fleet
                            addressSpace: [10.40.0.0/16]
                            subnets:
                              - {name: hub, prefix: 10.40.0.0/24}
                        bastions:
                          - {name: bas-fleet, vnet: vnet-fleet, publicIp: 20.0.0.9}
                        fleets:
                          - {name: fleet-new, hubSubnet: vnet-fleet/hub, members: [{name: a, cluster: rg-fleet/aks-a}]}
                          - {name: fleet-none, hubSubnet: vnet-fleet/hub}
                        clusters:
                          - {name: aks-a}
                """.formatted(OPS, fleet);
    }

    @Test
    void withoutAFleetRoleTheHubIsRefusedAndANewRoleIsExplained() throws Exception {
        assumeTrue(AkshProcess.kubectlInstalled(), "kubectl is not installed here");
        Path w = aksh.home.resolve("fleet-world.yaml");
        Files.writeString(w, world());
        AkshProcess.Run none = aksh.run("connect bastion --fleet fleet-none\n", "--sandbox-world", w.toString());
        assertThat(none.exit()).as(none.both()).isEqualTo(66);
        assertThat(none.err()).contains("error: line 1: you hold none of the four Fleet Manager RBAC roles on fleet-none (Azure "
                + "Kubernetes Fleet Manager RBAC Reader, Azure Kubernetes Fleet Manager RBAC Writer, Azure Kubernetes Fleet "
                + "Manager RBAC Admin, Azure Kubernetes Fleet Manager RBAC Cluster Admin), so its hub would refuse you (403)");

        AkshProcess.Run pending = aksh.run("""
                fleet use fleet-new
                connect bastion --fleet
                invoke --fleet-hub "kubectl get memberclusters"
                """, "--sandbox-world", w.toString());
        assertThat(pending.exit()).as(pending.both()).isEqualTo(1);
        assertThat(pending.err()).contains("Forbidden").contains("the hub refused you: Fleet Manager RBAC role "
                + "assignments take a few minutes to apply after they are made; 'fleet hub' shows which roles you hold");
        assertThat(aksh.tunnelLeftovers()).isEmpty();
    }

    @Test
    void theKubeconfigFromGetCredentialsSignsInThroughAkshKubeToken() throws Exception {
        assumeTrue(AkshProcess.kubectlInstalled(), "kubectl is not installed here");
        Path launcher = AkshProcess.REPO.resolve("aksh");
        String before = System.getProperty("aksh.launcher");
        System.setProperty("aksh.launcher", launcher.toString());
        try (InProcessAksh in = InProcessAksh.sandbox()) {
            in.run("subscription use 'Contoso Platform'");
            in.run("fleet use fleet-scale");
            Path kc = aksh.home.resolve("hub.yaml");
            in.run("fleet get-credentials --file " + kc);
            assertThat(in.last().status()).as(in.console().stderr()).isZero();
            String text = Files.readString(kc);
            assertThat(text).contains("command: " + launcher).contains("- kube-token");
            // the hub's FQDN resolves nowhere here: the sandbox's credentials give its loopback address, and the
            // FQDN to verify TLS against
            assertThat(text).containsPattern("server: https://127\\.0\\.0\\.1:\\d+\\n").containsPattern("tls-server-name: \\S+");
            ProcessBuilder pb = new ProcessBuilder("kubectl", "--kubeconfig", kc.toString(), "get", "memberclusters");
            pb.environment().put("HOME", aksh.home.toString());
            pb.environment().put("AKSH_CONFIG_DIR", aksh.config.toString());
            pb.redirectErrorStream(true);
            Process p = pb.start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            p.getInputStream().transferTo(out);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String printed = out.toString(StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(printed).isZero();
            assertThat(printed.lines().filter(l -> !l.startsWith("aksh:")).toList())
                    .startsWith("NAME        JOINED   AGE", "member-01   True     3d").hasSize(51);
        } finally {
            if (before == null) {
                System.clearProperty("aksh.launcher");
            } else {
                System.setProperty("aksh.launcher", before);
            }
        }
    }
}
