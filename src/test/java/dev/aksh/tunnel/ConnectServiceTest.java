package dev.aksh.tunnel;

import static dev.aksh.tunnel.NetworkWorlds.HUB;
import static dev.aksh.tunnel.NetworkWorlds.SPOKE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aksh.azure.Cluster;
import dev.aksh.azure.ClusterService;
import dev.aksh.azure.NetworkService;
import dev.aksh.error.AkshException;
import dev.aksh.error.ExitCode;
import dev.aksh.ranges.RangesService;
import dev.aksh.render.Progress;
import dev.aksh.session.ClusterRef;
import dev.aksh.session.Route;
import dev.aksh.session.SessionContext;
import dev.aksh.session.SessionState;
import dev.aksh.testing.HeadlessConsole;
import dev.aksh.testing.SandboxFixture;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code connect bastion}'s service against the sandbox over the wire: each pre-check, the kubeconfig, the cleanup. */
class ConnectServiceTest {
    @TempDir
    Path temp;

    SandboxFixture sandbox;
    SessionState session;
    TunnelManager tunnels;
    ConnectService connect;
    ClusterService clusters;
    boolean readOnly;

    @BeforeEach
    void start() {
        use(SandboxFixture.world(NetworkWorlds.world()));
    }

    void use(SandboxFixture fixture) {
        if (sandbox != null) {
            tunnels.close();
            sandbox.close();
        }
        sandbox = fixture;
        clusters = new ClusterService(sandbox.clients());
        session = new SessionState(SessionContext.empty(true));
        tunnels = new TunnelManager(session);
        NetworkService network = new NetworkService(sandbox.clients());
        connect = new ConnectService(clusters, network, new BastionDiscovery(network, id -> id.equals(HUB) ? "Hub" : id),
                new RangesService(sandbox.clients()), sandbox.clients(), tunnels, () -> temp, BastionTunnel.Options.defaults(),
                () -> readOnly);
    }

    @AfterEach
    void stop() {
        tunnels.close();
        assertThat(sandbox.azure().bastions().liveSessions()).as("Bastion sessions left behind").isZero();
        sandbox.close();
    }

    Cluster cluster(String name) {
        return clusters.get(new ClusterRef(SPOKE, "rg-app", name));
    }

    ConnectService.Outcome connect(String cluster, String bastion, HeadlessConsole console) {
        return connect.connect(new ConnectService.Request(cluster(cluster), bastion, 0, false, null), console, Progress.NONE);
    }

    AkshException refusal(Runnable r) {
        try {
            r.run();
        } catch (AkshException e) {
            return e;
        }
        throw new AssertionError("expected a refusal");
    }

    List<Path> leftovers() throws IOException {
        try (Stream<Path> s = Files.list(temp)) {
            return s.toList();
        }
    }

    // ------------------------------------------------------------------ the cluster

    @Test
    void clustersBastionCannotReachAreRefusedBeforeAnythingIsAskedOfAzure() {
        use(SandboxFixture.defaultWorld());
        String prod = "6f1d3a52-8c4e-4b7a-9e21-3d5f7a9c1b04";
        record Case(String rg, String name, String says) {
        }
        for (Case c : List.of(
                new Case("rg-apps", "aks-auto", "aks-auto is an AKS Automatic cluster, which Bastion tunnels to AKS do not support"),
                new Case("rg-batch", "aks-batch", "aks-batch is a private cluster with its public FQDN disabled"),
                new Case("rg-dev", "aks-dev", "aks-dev is stopped (power state Stopped)"))) {
            Cluster k = clusters.get(new ClusterRef(prod, c.rg(), c.name()));
            int before = sandbox.azure().arm().requestCount();
            AkshException e = refusal(() -> connect.connect(new ConnectService.Request(k, null, 0, false, null),
                    new HeadlessConsole(), Progress.NONE));
            assertThat(e.exitCode()).isEqualTo(ExitCode.REFUSED);
            assertThat(e.getMessage()).startsWith(c.says());
            assertThat(sandbox.azure().arm().requestCount()).as(c.name() + ": no request to Azure").isEqualTo(before);
        }
    }

    @Test
    void networkResourceGroupLockdownAloneIsRefused() {
        AkshException e = refusal(() -> connect("aks-locked", null, new HeadlessConsole()));
        assertThat(e.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(e.oneLine()).isEqualTo("aks-locked has network resource group lockdown (restriction level ReadOnly), "
                + "which Bastion tunnels to AKS do not support; reach it with 'invoke' (AKS command invoke) instead");
    }

    // ------------------------------------------------------------------ the Bastion

    @Test
    void aBasicSkuIsRefusedWithTheCommandThatFixesIt() {
        AkshException e = refusal(() -> connect("aks-basic", null, new HeadlessConsole()));
        assertThat(e.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(e.oneLine()).isEqualTo("no Bastion that can reach aks-basic accepts native client tunnels (bas-basic in "
                + "the cluster's virtual network vnet-basic: SKU Basic has no native client support (Standard or Premium "
                + "needed)); turn it on: 'az network bastion update -g rg-app -n bas-basic --sku Standard --enable-tunneling true'");
    }

    @Test
    void aStandardBastionWithoutNativeClientSupportIsRefused() {
        use(SandboxFixture.defaultWorld());
        Cluster payments = clusters.get(new ClusterRef("6f1d3a52-8c4e-4b7a-9e21-3d5f7a9c1b04", "rg-payments", "aks-payments"));
        String analytics = "/subscriptions/0c9e5b7d-2a41-4f36-8d1c-7b2e4f6a9d58/resourceGroups/rg-analytics/providers/"
                + "Microsoft.Network/bastionHosts/bas-analytics";
        AkshException e = refusal(() -> connect.connect(new ConnectService.Request(payments, analytics, 0, false, null),
                new HeadlessConsole(), Progress.NONE));
        assertThat(e.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(e.oneLine()).isEqualTo("Bastion bas-analytics cannot open tunnels: native client support "
                + "(enableTunneling) is off; turn it on: 'az network bastion update -g rg-analytics -n bas-analytics "
                + "--enable-tunneling true'");
    }

    @Test
    void aPremiumBastionCarriesTheTunnel() throws Exception {
        ConnectService.Outcome o = connect("aks-app", null, new HeadlessConsole());
        assertThat(o.tunnel().bastion().sku()).isEqualTo("Premium");
        assertThat(o.tunnel().serverVersion()).isEqualTo("v1.32.4");
    }

    // ------------------------------------------------------------------ choosing

    @Test
    void severalBastionsNeedAChoice() {
        use(SandboxFixture.defaultWorld());
        Cluster ledger = clusters.get(new ClusterRef("6f1d3a52-8c4e-4b7a-9e21-3d5f7a9c1b04", "rg-ledger", "aks-ledger"));
        AkshException e = refusal(() -> connect.connect(new ConnectService.Request(ledger, null, 0, false, null),
                new HeadlessConsole(false, false), Progress.NONE));
        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(e.oneLine()).startsWith("2 Bastions can reach aks-ledger: bas-ledger (Premium) in the cluster's virtual "
                + "network vnet-ledger; bas-hub (Standard) in vnet-hub").endsWith("; choose one with --bastion NAME");

        HeadlessConsole operator = new HeadlessConsole(false, true).pick(1);
        ConnectService.Outcome o = connect.connect(new ConnectService.Request(ledger, null, 0, false, null), operator,
                Progress.NONE);
        assertThat(operator.questions()).hasSize(1);
        assertThat(operator.questions().get(0)).startsWith("2 Bastions can reach aks-ledger:");
        assertThat(o.tunnel().bastion().name()).isEqualTo("bas-hub");
    }

    @Test
    void noBastionAnywhereIsNotFoundWithWhereAkshLooked() {
        AkshException e = refusal(() -> connect("aks-alone", null, new HeadlessConsole()));
        assertThat(e.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(e.getMessage()).isEqualTo("found no Bastion for aks-alone: none in its node resource group, its virtual "
                + "network or the virtual networks peered with it");
    }

    @Test
    void missingReaderRolesAreNamed() {
        String hubVnet = NetworkWorlds.vnetId(HUB, "rg-hub", "vnet-hub");
        String hubBastion = NetworkWorlds.bastionId(HUB, "rg-hub", "bas-hub");
        use(SandboxFixture.world(NetworkWorlds.world(hubVnet)));
        AkshException vnet = refusal(() -> connect("aks-app", null, new HeadlessConsole()));
        assertThat(vnet.exitCode()).isEqualTo(ExitCode.AUTH);
        assertThat(vnet.getMessage()).endsWith("aksh could not read: virtual network vnet-hub, a virtual network peered "
                + "with vnet-app (no Reader role)");

        use(SandboxFixture.world(NetworkWorlds.world(hubBastion)));
        AkshException bastion = refusal(() -> connect("aks-app", hubBastion, new HeadlessConsole()));
        assertThat(bastion.exitCode()).isEqualTo(ExitCode.AUTH);
        assertThat(bastion.getMessage()).isEqualTo("no Reader role on Bastion bas-hub (" + hubBastion + ")");
    }

    // ------------------------------------------------------------------ authorized IP ranges

    @Test
    void rangesThatMissTheBastionAreNotChangedWithoutAYes() {
        AkshException script = refusal(() -> connect("aks-pub", null, new HeadlessConsole(false, false)));
        assertThat(script.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(script.oneLine()).isEqualTo("aks-pub's authorized IP ranges do not include Bastion bas-pub's public IP "
                + "20.0.0.11; rerun with --yes to let aksh add 20.0.0.11/32, or add it yourself");
        HeadlessConsole declines = new HeadlessConsole(false, true).answer(false);
        refusal(() -> connect("aks-pub", null, declines));
        assertThat(declines.questions().get(0)).isEqualTo("aks-pub's authorized IP ranges (198.51.100.0/24) do not include "
                + "bas-pub's public IP 20.0.0.11, so its API server would refuse the tunnel. Add 20.0.0.11/32 to them?");
        readOnly = true;
        AkshException ro = refusal(() -> connect("aks-pub", null, new HeadlessConsole(false, true).answer(true)));
        assertThat(ro.getMessage()).endsWith("and read-only mode is on, so aksh will not add it");
        assertThat(cluster("aks-pub").authorizedIpRanges()).containsExactly("198.51.100.0/24");
    }

    @Test
    void aYesAddsTheBastionsIpKeepingEveryEntryAndTheTunnelWorks() {
        ConnectService.Outcome o = connect("aks-pub", null, new HeadlessConsole(false, true).answer(true));
        assertThat(o.rangesAdded()).containsExactly("20.0.0.11/32");
        assertThat(cluster("aks-pub").authorizedIpRanges()).containsExactly("198.51.100.0/24", "20.0.0.11/32");
        assertThat(o.tunnel().serverVersion()).startsWith("v1.");
    }

    // ------------------------------------------------------------------ the kubeconfig

    @Test
    void theKubeconfigIsPrivatePointsAtTheTunnelAndKeepsTlsVerified() throws Exception {
        ConnectService.Outcome o = connect("aks-app", null, new HeadlessConsole());
        TunnelManager.Open t = o.tunnel();
        Path file = t.kubeconfig().file();
        assertThat(file.getParent().getParent()).isEqualTo(temp);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        JsonNode kc = Kubeconfig.YAML.readTree(file.toFile());
        JsonNode cl = kc.at("/clusters/0/cluster");
        assertThat(cl.path("server").asText()).isEqualTo("https://localhost:" + t.port());
        assertThat(cl.path("tls-server-name").asText()).isEqualTo(cluster("aks-app").fqdn());
        assertThat(new String(Base64.getDecoder().decode(cl.path("certificate-authority-data").asText())))
                .isEqualTo(sandbox.azure().ca().certificatePem());
        assertThat(cl.has("insecure-skip-tls-verify")).isFalse();
        assertThat(kc.path("current-context").asText()).isEqualTo("aksh-aks-app");
        assertThat(kc.at("/users/0/user/token").asText()).as("an Entra ID token in place of kubelogin").isNotBlank();
        assertThat(kc.at("/users/0/user").has("exec")).isFalse();
        assertThat(t.kubeconfig().expiresAt()).isNotNull();
        assertThat(session.get().tunnels()).hasSize(1);

        tunnels.close(t.id());
        assertThat(file).doesNotExist();
        assertThat(leftovers()).isEmpty();
        assertThat(session.get().tunnels()).isEmpty();
    }

    @Test
    void adminCredentialsAreAClientCertificateAndRefusedWhereLocalAccountsAreOff() throws Exception {
        ConnectService.Outcome o = connect.connect(new ConnectService.Request(cluster("aks-managed"), null, 0, true, null),
                new HeadlessConsole(), Progress.NONE);
        JsonNode user = Kubeconfig.YAML.readTree(o.tunnel().kubeconfig().file().toFile()).at("/users/0/user");
        assertThat(user.path("client-certificate-data").asText()).isNotBlank();
        assertThat(user.path("client-key-data").asText()).isNotBlank();
        assertThat(o.tunnel().kubeconfig().expiresAt()).isNull();
        tunnels.closeAll();

        use(SandboxFixture.world("""
                subscriptions:
                  - id: %s
                    name: Spoke
                    resourceGroups:
                      - name: rg-app
                        virtualNetworks: [{name: vnet-app}]
                        bastions: [{name: bas-app, vnet: vnet-app, publicIp: 20.0.0.1}]
                        clusters: [{name: aks-auto-ish, private: true, publicFqdn: true, sku: Automatic, subnet: vnet-app/n}]
                """.formatted(SPOKE)));
        // the local accounts of an Automatic cluster are off; aksh refuses before Bastion, as Automatic
        AkshException e = refusal(() -> connect.connect(new ConnectService.Request(cluster("aks-auto-ish"), null, 0, true, null),
                new HeadlessConsole(), Progress.NONE));
        assertThat(e.exitCode()).isEqualTo(ExitCode.REFUSED);
    }

    @Test
    void mergingIntoAnOperatorsKubeconfigIsUndoneOnClose() throws Exception {
        Path mine = temp.resolve("home-kube-config");
        Files.writeString(mine, """
                apiVersion: v1
                kind: Config
                clusters: [{name: other, cluster: {server: "https://other:443"}}]
                contexts: [{name: other, context: {cluster: other, user: other}}]
                users: [{name: other, user: {token: abc}}]
                current-context: other
                """);
        ConnectService.Outcome o = connect.connect(new ConnectService.Request(cluster("aks-app"), null, 0, false, mine),
                new HeadlessConsole(), Progress.NONE);
        JsonNode merged = Kubeconfig.YAML.readTree(mine.toFile());
        assertThat(merged.path("current-context").asText()).isEqualTo("aksh-aks-app");
        assertThat(merged.path("contexts")).extracting(c -> c.path("name").asText()).containsExactly("other", "aksh-aks-app");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(mine))).isEqualTo("rw-------");

        tunnels.close(o.tunnel().id());
        JsonNode after = Kubeconfig.YAML.readTree(mine.toFile());
        assertThat(after.path("current-context").asText()).isEqualTo("other");
        assertThat(after.path("contexts")).extracting(c -> c.path("name").asText()).containsExactly("other");
        assertThat(after.path("clusters")).hasSize(1);
        assertThat(after.path("users")).hasSize(1);
    }

    // ------------------------------------------------------------------ the tunnel itself

    @Test
    void theRouteFollowsTheTunnelAndASecondConnectReusesIt() {
        session.update(c -> c.withCluster(new ClusterRef(SPOKE, "rg-app", "aks-app")));
        ConnectService.Outcome first = connect("aks-app", null, new HeadlessConsole());
        assertThat(session.get().route()).isEqualTo(Route.TUNNEL);
        assertThat(session.get().routeLabel()).isEqualTo("tunnel :" + first.tunnel().port());
        ConnectService.Outcome again = connect("aks-app", null, new HeadlessConsole());
        assertThat(again.existing()).isTrue();
        assertThat(again.tunnel().id()).isEqualTo(first.tunnel().id());
        tunnels.close(first.tunnel().id());
        assertThat(session.get().route()).isEqualTo(Route.RUN_COMMAND);
    }

    @Test
    void aTakenPortIsAUsageErrorAndLeavesNothingBehind() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            AkshException e = refusal(() -> connect.connect(new ConnectService.Request(cluster("aks-app"), null,
                    taken.getLocalPort(), false, null), new HeadlessConsole(), Progress.NONE));
            assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(e.oneLine()).isEqualTo("port " + taken.getLocalPort() + " on 127.0.0.1 is in use; choose another "
                    + "with --port, or leave --port out to take a free one");
        }
        assertThat(leftovers()).isEmpty();
        assertThat(tunnels.list()).isEmpty();
    }

    @Test
    void aTunnelThatCannotReachTheApiServerIsClosedAgainWithTheReason() throws Exception {
        String hub = NetworkWorlds.bastionId(HUB, "rg-hub", "bas-hub");
        sandbox.azure().bastions().host(hub).dropTunnelsAfter(0);
        AkshException e = refusal(() -> connect("aks-app", null, new HeadlessConsole()));
        assertThat(e.exitCode()).isEqualTo(ExitCode.NETWORK);
        assertThat(e.getMessage()).startsWith("the tunnel through bas-hub opened, but the connection through the tunnel "
                + "closed before TLS completed");
        assertThat(leftovers()).isEmpty();
        assertThat(tunnels.list()).isEmpty();
        assertThat(sandbox.azure().bastions().liveSessions()).isZero();
    }
}
