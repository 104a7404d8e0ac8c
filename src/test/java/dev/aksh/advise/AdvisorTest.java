package dev.aksh.advise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aksh.advise.Advisor.Status;
import dev.aksh.advise.Advisor.Way;
import dev.aksh.azure.Cluster;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every way in, every reason: the advisor's rules as a table of fact sets. */
class AdvisorTest {
    static final String HUB = "/subscriptions/s/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub";

    /** A running private cluster with its public FQDN on, run command enabled. */
    static Cluster cluster(UnaryOperator<Map<String, Object>> change) {
        Map<String, Object> m = new java.util.HashMap<>(Map.of("private", true, "publicFqdn", true, "runCommandDisabled", false,
                "power", "Running", "sku", "Base", "lockdown", false, "ranges", List.of(), "dnsZone", "system"));
        m = change.apply(m);
        boolean priv = (Boolean) m.get("private");
        @SuppressWarnings("unchecked")
        List<String> ranges = (List<String>) m.get("ranges");
        return new Cluster("/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks", "aks",
                "rg", "s", "westeurope", "1.32.4", "Succeeded", (String) m.get("power"), priv, priv ? "aks.hcp" : "aks.hcp",
                priv ? "aks.guid.privatelink.westeurope.azmk8s.io" : null, priv ? (Boolean) m.get("publicFqdn") : null, ranges,
                (Boolean) m.get("runCommandDisabled"), true, true, false, (String) m.get("sku"), "Standard", "MC_rg_aks_we",
                (Boolean) m.get("lockdown"), false, (String) m.get("dnsZone"), "standard", "loadBalancer",
                "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet-app/subnets/nodes", null,
                List.of());
    }

    static UnaryOperator<Map<String, Object>> set(Object... kv) {
        return m -> {
            for (int i = 0; i < kv.length; i += 2) {
                m.put((String) kv[i], kv[i + 1]);
            }
            return m;
        };
    }

    static final Facts.BastionFact BAS_HUB = new Facts.BastionFact("bas-hub", "in vnet-hub, peered with vnet-app", null, null,
            "4.210.18.77");
    static final Facts.BastionFact BAS_BASIC = new Facts.BastionFact("bas-basic", "in the cluster's virtual network vnet-app",
            "the Basic SKU has no native client support", "az network bastion update --sku Standard --enable-tunneling true "
                    + "-g rg -n bas-basic", null);

    static Facts facts(Cluster c, List<Facts.BastionFact> bastions, List<Facts.PeerFact> peers, String myIp) {
        return new Facts(c, "vnet-app", "/v/vnet-app", "nodes", bastions, peers,
                new Facts.DnsFact("guid.privatelink.westeurope.azmk8s.io", "10.1.0.4", List.of("vnet-app")),
                "none".equals(c.privateDnsZone()), myIp, null, List.of());
    }

    static Facts withRoles(Facts f, List<String> roles) {
        return new Facts(f.cluster(), f.vnetName(), f.vnetId(), f.nodeSubnet(), f.bastions(), f.peers(), f.dns(), f.dnsNone(),
                f.myIp(), roles, f.unreadable());
    }

    static Arguments row(String name, Facts f, Way way, Status status, String reason, String next) {
        return Arguments.of(name, f, way, status, reason, next);
    }

    static Stream<Arguments> rows() {
        Cluster priv = cluster(set());
        Cluster pub = cluster(set("private", false, "ranges", List.of("84.17.53.0/24")));
        Cluster pubOpen = cluster(set("private", false));
        return Stream.of(
                // Bastion
                row("usable Bastion", facts(priv, List.of(BAS_HUB), List.of(), null), Way.BASTION, Status.READY,
                        "bas-hub in vnet-hub, peered with vnet-app; your own kubectl through a local tunnel", "connect bastion"),
                row("two usable", facts(priv, List.of(BAS_HUB, BAS_HUB), List.of(), null), Way.BASTION, Status.READY,
                        "bas-hub in vnet-hub, peered with vnet-app (1 more usable); your own kubectl through a local tunnel",
                        "connect bastion --bastion bas-hub"),
                row("only Basic", facts(priv, List.of(BAS_BASIC), List.of(), null), Way.BASTION, Status.NEEDS_SETUP,
                        "bas-basic in the cluster's virtual network vnet-app cannot tunnel: the Basic SKU has no native client "
                                + "support", BAS_BASIC.fix()),
                row("no Bastion", facts(priv, List.of(), List.of(), null), Way.BASTION, Status.NEEDS_SETUP,
                        "no Bastion found in vnet-app or a VNet peered with it",
                        "az network bastion create --sku Standard --enable-tunneling true … (in vnet-app or a VNet peered with it)"),
                row("public FQDN off", facts(cluster(set("publicFqdn", false)), List.of(BAS_HUB), List.of(), null), Way.BASTION,
                        Status.NEEDS_SETUP, "Bastion tunnels to a private cluster need its public FQDN, which is off",
                        "az aks update -g rg -n aks --enable-public-fqdn"),
                row("Automatic", facts(cluster(set("sku", "Automatic")), List.of(BAS_HUB), List.of(), null), Way.BASTION,
                        Status.NOT_POSSIBLE, "AKS Automatic clusters do not support Bastion tunnels", null),
                row("lockdown", facts(cluster(set("lockdown", true)), List.of(BAS_HUB), List.of(), null), Way.BASTION,
                        Status.NOT_POSSIBLE, "network resource group lockdown (ReadOnly) does not allow Bastion tunnels", null),
                row("stopped", facts(cluster(set("power", "Stopped")), List.of(BAS_HUB), List.of(), null), Way.BASTION,
                        Status.NOT_POSSIBLE, "aks is stopped (power state Stopped): its API server does not answer",
                        "az aks start -g rg -n aks"),
                row("public, Bastion outside ranges", facts(pub, List.of(BAS_HUB), List.of(), "84.17.53.201"), Way.BASTION,
                        Status.NEEDS_SETUP, "bas-hub in vnet-hub, peered with vnet-app, but its public IP 4.210.18.77 is not "
                                + "in the authorized ranges", "ranges add-bastion-ip bas-hub"),
                // roles
                row("Reader only: no tunnel credentials", withRoles(facts(priv, List.of(BAS_HUB), List.of(), null),
                        List.of("Reader")), Way.BASTION, Status.NEEDS_SETUP, "none of your roles on the cluster (Reader) may "
                                + "fetch the cluster's credentials for the tunnel; ask for Azure Kubernetes Service Cluster User "
                                + "Role (or Owner, Contributor, Azure Kubernetes Service Cluster Admin Role)",
                        "az role assignment create --role \"Azure Kubernetes Service Cluster User Role\" --assignee <you> "
                                + "--scope <cluster id>"),
                row("Cluster User: tunnel yes", withRoles(facts(priv, List.of(BAS_HUB), List.of(), null),
                        List.of("Azure Kubernetes Service Cluster User Role")), Way.BASTION, Status.READY,
                        "bas-hub in vnet-hub, peered with vnet-app; your own kubectl through a local tunnel", "connect bastion"),
                row("Cluster User: run command no", withRoles(facts(priv, List.of(), List.of(), null),
                        List.of("Azure Kubernetes Service Cluster User Role")), Way.COMMAND_INVOKE, Status.NEEDS_SETUP,
                        "none of your roles on the cluster (Azure Kubernetes Service Cluster User Role) may run commands on "
                                + "the cluster; ask for Azure Kubernetes Service Contributor Role (or Owner, Contributor, Azure "
                                + "Kubernetes Service Cluster Admin Role)", "az role assignment create --role \"Azure Kubernetes "
                                + "Service Contributor Role\" --assignee <you> --scope <cluster id>"),
                row("Owner: run command yes", withRoles(facts(priv, List.of(), List.of(), null), List.of("Owner")),
                        Way.COMMAND_INVOKE, Status.READY, "ARM runs kubectl in a pod in the cluster: no network path needed; "
                                + "slower, output capped at 512 kB", "invoke \"kubectl get pods -A\""),
                // command invoke
                row("run command on", facts(priv, List.of(), List.of(), null), Way.COMMAND_INVOKE, Status.READY,
                        "ARM runs kubectl in a pod in the cluster: no network path needed; slower, output capped at 512 kB",
                        "invoke \"kubectl get pods -A\""),
                row("run command off", facts(cluster(set("runCommandDisabled", true)), List.of(), List.of(), null),
                        Way.COMMAND_INVOKE, Status.NEEDS_SETUP, "run command is disabled on the cluster",
                        "az aks update -g rg -n aks --enable-run-command"),
                // peering
                row("peered and linked", facts(priv, List.of(), List.of(new Facts.PeerFact("vnet-hub", HUB, "Connected", true)),
                        null), Way.PEERING, Status.READY, "from a machine in vnet-hub: peered (Connected) and linked to the "
                                + "private DNS zone", null),
                row("peered, not linked", facts(priv, List.of(), List.of(new Facts.PeerFact("vnet-hub", HUB, "Connected",
                        false)), null), Way.PEERING, Status.NEEDS_SETUP, "vnet-hub is peered but not linked to the private DNS "
                                + "zone, so the API server's name does not resolve there", "network peering create --vnet " + HUB),
                row("peered, zone none", facts(cluster(set("dnsZone", "none")), List.of(), List.of(new Facts.PeerFact("vnet-hub",
                        HUB, "Connected", null)), null), Way.PEERING, Status.READY, "from a machine in vnet-hub: peered "
                                + "(Connected)", null),
                row("one side only", facts(priv, List.of(), List.of(new Facts.PeerFact("vnet-hub", HUB, "Initiated", false)),
                        null), Way.PEERING, Status.NEEDS_SETUP, "the peering with vnet-hub is Initiated (the other side is "
                                + "missing)", "network peering create --vnet " + HUB),
                row("no peering", facts(priv, List.of(), List.of(), null), Way.PEERING, Status.NEEDS_SETUP,
                        "vnet-app has no peerings; peer your VM's VNet with it", "network peering create --vnet VNET_ID"),
                row("public: no peering", facts(pubOpen, List.of(), List.of(), null), Way.PEERING, Status.NOT_POSSIBLE,
                        "the API server is public: it is reached over the internet, not through a peered network", null),
                // public endpoint
                row("open", facts(pubOpen, List.of(), List.of(), null), Way.PUBLIC_ENDPOINT, Status.READY, "public API server, "
                        + "no authorized IP ranges: any address reaches it", "az aks get-credentials -g rg -n aks"),
                row("my IP covered", facts(pub, List.of(), List.of(), "84.17.53.201"), Way.PUBLIC_ENDPOINT, Status.READY,
                        "your IP 84.17.53.201 is in the authorized ranges (84.17.53.0/24)", "az aks get-credentials -g rg -n aks"),
                row("my IP not covered", facts(pub, List.of(), List.of(), "198.51.100.7"), Way.PUBLIC_ENDPOINT,
                        Status.NEEDS_SETUP, "your IP 198.51.100.7 is not in the 1 authorized range", "ranges add-my-ip --wait"),
                row("my IP unknown", facts(pub, List.of(), List.of(), null), Way.PUBLIC_ENDPOINT, Status.NEEDS_SETUP,
                        "authorized IP ranges are on and this machine's public IP is unknown, so whether it is covered cannot "
                                + "be told", "ranges show"),
                // cloud shell, VM, private endpoint, VPN
                row("cloud shell, Automatic", facts(cluster(set("sku", "Automatic")), List.of(), List.of(), null),
                        Way.CLOUD_SHELL, Status.NOT_POSSIBLE, "not supported with AKS Automatic clusters", null),
                row("cloud shell, lockdown", facts(cluster(set("lockdown", true)), List.of(), List.of(), null),
                        Way.CLOUD_SHELL, Status.NOT_POSSIBLE, "not supported with network resource group lockdown", null),
                row("cloud shell, private", facts(priv, List.of(), List.of(), null), Way.CLOUD_SHELL, Status.NEEDS_SETUP,
                        "deploy Cloud Shell into a VNet that reaches vnet-app (Owner on the subscription; resources cost)", null),
                row("VM in the VNet", facts(priv, List.of(), List.of(), null), Way.SAME_VNET_VM, Status.NEEDS_SETUP,
                        "a VM in vnet-app resolves and reaches the API server directly", "az vm create --vnet-name vnet-app "
                                + "--subnet nodes …"),
                row("private endpoint, public", facts(pubOpen, List.of(), List.of(), null), Way.PRIVATE_ENDPOINT,
                        Status.NOT_POSSIBLE, "the cluster is public: there is no private link service to connect to", null),
                row("VPN", facts(priv, List.of(), List.of(), null), Way.VPN, Status.NEEDS_SETUP, "a gateway in a VNet peered "
                        + "with vnet-app, and DNS forwarding to the private zone; adds cost and network complexity", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void eachWayIsJudgedFromTheFacts(String name, Facts f, Way way, Status status, String reason, String next) {
        Advisor.Option o = Advisor.advise(f).stream().filter(x -> x.way() == way).findFirst().orElseThrow();
        assertThat(o.status()).as(name).isEqualTo(status);
        assertThat(o.reason()).as(name).isEqualTo(reason);
        assertThat(o.next()).as(name).isEqualTo(next);
    }

    @org.junit.jupiter.api.Test
    void readyComesFirstThenSetupThenImpossibleAndNextIsTheBestReadyCommand() {
        List<Advisor.Option> o = Advisor.advise(facts(cluster(set("runCommandDisabled", true)), List.of(BAS_HUB), List.of(), null));
        assertThat(o).extracting(Advisor.Option::status).isSortedAccordingTo(java.util.Comparator.naturalOrder());
        assertThat(o).extracting(Advisor.Option::way).doesNotContain(Way.PUBLIC_ENDPOINT).hasSize(7);
        assertThat(Advisor.next(o)).isEqualTo("connect bastion");
        List<Advisor.Option> onlyInvoke = Advisor.advise(facts(cluster(set("publicFqdn", false)), List.of(), List.of(), null));
        assertThat(Advisor.next(onlyInvoke)).isEqualTo("invoke \"kubectl get pods -A\"");
        List<Advisor.Option> stopped = Advisor.advise(facts(cluster(set("power", "Stopped")), List.of(), List.of(), null));
        assertThat(Advisor.next(stopped)).as("when nothing works, start it").isEqualTo("az aks start -g rg -n aks");
        assertThat(Advisor.advise(facts(cluster(set("private", false)), List.of(), List.of(), null))).hasSize(8);
    }
}
