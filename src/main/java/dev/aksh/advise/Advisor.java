package dev.aksh.advise;

import dev.aksh.azure.Cluster;
import dev.aksh.ranges.Cidr;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Seed 000's seven ways into a private cluster (and, for a public one, its public endpoint), each
 * judged ready / needs setup / not possible from facts alone, with the reason and the next command.
 * Pure: no I/O, so every rule is a table row in a test.
 */
public final class Advisor {
    private Advisor() {
    }

    /** Built-in roles that may run commands on a cluster (Microsoft.ContainerService/managedClusters/runCommand/action). */
    static final List<String> RUN_COMMAND_ROLES = List.of("Owner", "Contributor", "Azure Kubernetes Service Contributor Role",
            "Azure Kubernetes Service Cluster Admin Role");
    /** Built-in roles that may fetch the cluster's user kubeconfig, which a tunnel needs. */
    static final List<String> CREDENTIAL_ROLES = List.of("Owner", "Contributor", "Azure Kubernetes Service Cluster User Role",
            "Azure Kubernetes Service Cluster Admin Role");

    public enum Status {
        READY("ready"), NEEDS_SETUP("needs setup"), NOT_POSSIBLE("not possible");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The options, in the order seed 000 weighs them when equally ready (easiest first). */
    public enum Way {
        PUBLIC_ENDPOINT("Public endpoint"),
        BASTION("Azure Bastion tunnel"),
        COMMAND_INVOKE("AKS command invoke"),
        PEERING("VNet peering"),
        CLOUD_SHELL("Cloud Shell in a VNet"),
        SAME_VNET_VM("VM in the cluster's VNet"),
        PRIVATE_ENDPOINT("Private endpoint"),
        VPN("VPN / ExpressRoute");

        private final String label;

        Way(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One way in: how ready it is, why, and what to run next (an aksh command where one exists). */
    public record Option(Way way, Status status, String reason, String next) {
    }

    /** Every option, ready first, then what needs setup, then what is not possible. */
    public static List<Option> advise(Facts f) {
        List<Option> out = new ArrayList<>();
        Cluster c = f.cluster();
        if (!c.privateCluster()) {
            out.add(publicEndpoint(f));
        }
        out.add(needsRole(bastion(f), f.roles(), CREDENTIAL_ROLES, "fetch the cluster's credentials for the tunnel",
                "Azure Kubernetes Service Cluster User Role"));
        out.add(needsRole(commandInvoke(c), f.roles(), RUN_COMMAND_ROLES, "run commands on the cluster",
                "Azure Kubernetes Service Contributor Role"));
        out.add(peering(f));
        out.add(cloudShell(f));
        out.add(sameVnetVm(f));
        out.add(privateEndpoint(c));
        out.add(vpn(f));
        String stopped = stoppedReason(c);
        if (stopped != null) {
            // nothing answers until the cluster runs again, whatever the way
            out.replaceAll(o -> new Option(o.way(), Status.NOT_POSSIBLE, stopped, startCommand(c)));
        }
        out.sort(Comparator.comparing(Option::status).thenComparing(Option::way));
        return out;
    }

    /** What to run next: the best ready option's command, else the easiest setup. */
    public static String next(List<Option> options) {
        return options.stream().filter(o -> o.status() != Status.NOT_POSSIBLE && o.next() != null)
                .map(Option::next).findFirst()
                .orElse(options.stream().map(Option::next).filter(n -> n != null).findFirst().orElse(null));
    }

    /**
     * A ready way that the caller's known roles do not allow becomes "needs setup". Unknown roles
     * (unreadable) leave it as it is: a custom role may allow it.
     */
    static Option needsRole(Option o, List<String> roles, List<String> allowing, String what, String ask) {
        if (o.status() != Status.READY || roles == null || roles.stream().anyMatch(allowing::contains)) {
            return o;
        }
        return new Option(o.way(), Status.NEEDS_SETUP, "none of your roles on the cluster ("
                + (roles.isEmpty() ? "none" : String.join(", ", roles)) + ") may " + what + "; ask for " + ask
                + " (or " + String.join(", ", allowing.stream().filter(r -> !r.equals(ask)).toList()) + ")",
                "az role assignment create --role \"" + ask + "\" --assignee <you> --scope <cluster id>");
    }

    private static String stoppedReason(Cluster c) {
        return c.running() ? null : c.name() + " is stopped (power state " + c.powerState() + "): its API server does not answer";
    }

    static Option publicEndpoint(Facts f) {
        Cluster c = f.cluster();
        String stopped = stoppedReason(c);
        if (stopped != null) {
            return new Option(Way.PUBLIC_ENDPOINT, Status.NOT_POSSIBLE, stopped, startCommand(c));
        }
        if (c.authorizedIpRanges().isEmpty()) {
            return new Option(Way.PUBLIC_ENDPOINT, Status.READY, "public API server, no authorized IP ranges: any address "
                    + "reaches it", "az aks get-credentials -g " + c.resourceGroup() + " -n " + c.name());
        }
        if (f.myIp() == null) {
            return new Option(Way.PUBLIC_ENDPOINT, Status.NEEDS_SETUP, "authorized IP ranges are on and this machine's public "
                    + "IP is unknown, so whether it is covered cannot be told", "ranges show");
        }
        String covering = covering(c.authorizedIpRanges(), f.myIp());
        if (covering != null) {
            return new Option(Way.PUBLIC_ENDPOINT, Status.READY, "your IP " + f.myIp() + " is in the authorized ranges ("
                    + covering + ")", "az aks get-credentials -g " + c.resourceGroup() + " -n " + c.name());
        }
        return new Option(Way.PUBLIC_ENDPOINT, Status.NEEDS_SETUP, "your IP " + f.myIp() + " is not in the "
                + c.authorizedIpRanges().size() + " authorized range" + (c.authorizedIpRanges().size() == 1 ? "" : "s"),
                "ranges add-my-ip --wait");
    }

    static Option bastion(Facts f) {
        Cluster c = f.cluster();
        String stopped = stoppedReason(c);
        if (stopped != null) {
            return new Option(Way.BASTION, Status.NOT_POSSIBLE, stopped, startCommand(c));
        }
        if (c.automatic()) {
            return new Option(Way.BASTION, Status.NOT_POSSIBLE, "AKS Automatic clusters do not support Bastion tunnels", null);
        }
        if (c.nodeResourceGroupLockdown()) {
            return new Option(Way.BASTION, Status.NOT_POSSIBLE, "network resource group lockdown (ReadOnly) does not allow "
                    + "Bastion tunnels", null);
        }
        if (c.privateCluster() && !Boolean.TRUE.equals(c.publicFqdnEnabled())) {
            return new Option(Way.BASTION, Status.NEEDS_SETUP, "Bastion tunnels to a private cluster need its public FQDN, "
                    + "which is off", "az aks update -g " + c.resourceGroup() + " -n " + c.name() + " --enable-public-fqdn");
        }
        List<Facts.BastionFact> usable = f.bastions().stream().filter(Facts.BastionFact::usable).toList();
        if (!usable.isEmpty()) {
            Facts.BastionFact b = usable.get(0);
            if (!c.privateCluster() && !c.authorizedIpRanges().isEmpty()) {
                if (b.publicIp() == null) {
                    return new Option(Way.BASTION, Status.NEEDS_SETUP, b.name() + " " + b.via() + ", but its public IP is "
                            + "unknown and the cluster's authorized ranges must include it", "ranges add-bastion-ip " + b.name());
                }
                if (covering(c.authorizedIpRanges(), b.publicIp()) == null) {
                    return new Option(Way.BASTION, Status.NEEDS_SETUP, b.name() + " " + b.via() + ", but its public IP "
                            + b.publicIp() + " is not in the authorized ranges", "ranges add-bastion-ip " + b.name());
                }
            }
            String more = usable.size() > 1 ? " (" + (usable.size() - 1) + " more usable)" : "";
            return new Option(Way.BASTION, Status.READY, b.name() + " " + b.via() + more + "; your own kubectl through a "
                    + "local tunnel", usable.size() > 1 ? "connect bastion --bastion " + b.name() : "connect bastion");
        }
        if (!f.bastions().isEmpty()) {
            Facts.BastionFact b = f.bastions().get(0);
            return new Option(Way.BASTION, Status.NEEDS_SETUP, b.name() + " " + b.via() + " cannot tunnel: "
                    + b.unusableBecause(), b.fix());
        }
        String where = f.vnetName() == null ? "a VNet that reaches the cluster" : f.vnetName() + " or a VNet peered with it";
        return new Option(Way.BASTION, Status.NEEDS_SETUP, "no Bastion found in " + where
                + (f.unreadable().isEmpty() ? "" : " (some networks were unreadable)"),
                "az network bastion create --sku Standard --enable-tunneling true … (in " + where + ")");
    }

    static Option commandInvoke(Cluster c) {
        String stopped = stoppedReason(c);
        if (stopped != null) {
            return new Option(Way.COMMAND_INVOKE, Status.NOT_POSSIBLE, stopped, startCommand(c));
        }
        if (c.runCommandDisabled()) {
            return new Option(Way.COMMAND_INVOKE, Status.NEEDS_SETUP, "run command is disabled on the cluster",
                    "az aks update -g " + c.resourceGroup() + " -n " + c.name() + " --enable-run-command");
        }
        return new Option(Way.COMMAND_INVOKE, Status.READY, "ARM runs kubectl in a pod in the cluster: no network path "
                + "needed; slower, output capped at 512 kB", "invoke \"kubectl get pods -A\"");
    }

    static Option peering(Facts f) {
        Cluster c = f.cluster();
        if (!c.privateCluster()) {
            return new Option(Way.PEERING, Status.NOT_POSSIBLE, "the API server is public: it is reached over the internet, "
                    + "not through a peered network", null);
        }
        if (f.vnetName() == null) {
            return new Option(Way.PEERING, Status.NEEDS_SETUP, "the cluster's VNet could not be read", null);
        }
        for (Facts.PeerFact p : f.peers()) {
            if (p.connected() && (f.dnsNone() || Boolean.TRUE.equals(p.dnsLinked()))) {
                return new Option(Way.PEERING, Status.READY, "from a machine in " + p.vnetName() + ": peered (Connected)"
                        + (f.dnsNone() ? "" : " and linked to the private DNS zone"), null);
            }
        }
        for (Facts.PeerFact p : f.peers()) {
            if (p.connected()) {
                return new Option(Way.PEERING, Status.NEEDS_SETUP, p.vnetName() + " is peered but not linked to the private "
                        + "DNS zone, so the API server's name does not resolve there", "network peering create --vnet " + p.vnetId());
            }
        }
        if (!f.peers().isEmpty()) {
            Facts.PeerFact p = f.peers().get(0);
            return new Option(Way.PEERING, Status.NEEDS_SETUP, "the peering with " + p.vnetName() + " is " + p.state()
                    + " (the other side is missing)", "network peering create --vnet " + p.vnetId());
        }
        return new Option(Way.PEERING, Status.NEEDS_SETUP, f.vnetName() + " has no peerings; peer your VM's VNet with it",
                "network peering create --vnet VNET_ID");
    }

    static Option cloudShell(Facts f) {
        Cluster c = f.cluster();
        String stopped = stoppedReason(c);
        if (stopped != null) {
            return new Option(Way.CLOUD_SHELL, Status.NOT_POSSIBLE, stopped, startCommand(c));
        }
        if (c.automatic()) {
            return new Option(Way.CLOUD_SHELL, Status.NOT_POSSIBLE, "not supported with AKS Automatic clusters", null);
        }
        if (c.nodeResourceGroupLockdown()) {
            return new Option(Way.CLOUD_SHELL, Status.NOT_POSSIBLE, "not supported with network resource group lockdown", null);
        }
        if (!c.privateCluster()) {
            return new Option(Way.CLOUD_SHELL, Status.READY, "ordinary Cloud Shell reaches a public API server"
                    + (c.authorizedIpRanges().isEmpty() ? "" : " if its ranges allow Cloud Shell's address"), null);
        }
        return new Option(Way.CLOUD_SHELL, Status.NEEDS_SETUP, "deploy Cloud Shell into a VNet that reaches "
                + (f.vnetName() == null ? "the cluster's VNet" : f.vnetName()) + " (Owner on the subscription; resources cost)",
                null);
    }

    static Option sameVnetVm(Facts f) {
        Cluster c = f.cluster();
        if (!c.privateCluster()) {
            return new Option(Way.SAME_VNET_VM, Status.NOT_POSSIBLE, "the API server is public: a VM in its VNet still "
                    + "reaches it over the internet", null);
        }
        if (f.vnetName() == null) {
            return new Option(Way.SAME_VNET_VM, Status.NEEDS_SETUP, "the cluster's VNet could not be read", null);
        }
        return new Option(Way.SAME_VNET_VM, Status.NEEDS_SETUP, "a VM in " + f.vnetName() + " resolves and reaches the API "
                + "server directly", "az vm create --vnet-name " + f.vnetName() + (f.nodeSubnet() == null ? ""
                        : " --subnet " + f.nodeSubnet()) + " …");
    }

    static Option privateEndpoint(Cluster c) {
        if (!c.privateCluster()) {
            return new Option(Way.PRIVATE_ENDPOINT, Status.NOT_POSSIBLE, "the cluster is public: there is no private link "
                    + "service to connect to", null);
        }
        return new Option(Way.PRIVATE_ENDPOINT, Status.NEEDS_SETUP, "a private endpoint in your VNet to the cluster's "
                + "private link service (group 'management'), plus a DNS record for it",
                "az network private-endpoint create --group-id management --private-connection-resource-id " + c.id() + " …");
    }

    static Option vpn(Facts f) {
        Cluster c = f.cluster();
        if (!c.privateCluster()) {
            return new Option(Way.VPN, Status.NOT_POSSIBLE, "the API server is public: a VPN adds nothing", null);
        }
        return new Option(Way.VPN, Status.NEEDS_SETUP, "a gateway in a VNet peered with "
                + (f.vnetName() == null ? "the cluster's VNet" : f.vnetName()) + ", and DNS forwarding to the private zone; "
                + "adds cost and network complexity", null);
    }

    private static String startCommand(Cluster c) {
        return "az aks start -g " + c.resourceGroup() + " -n " + c.name();
    }

    /** The range of {@code ranges} that covers {@code ip}, or null (also when ip is not an IPv4 address). */
    static String covering(List<String> ranges, String ip) {
        try {
            return dev.aksh.ranges.AuthorizedRanges.holder(ranges, Cidr.parse(ip));
        } catch (Cidr.Invalid e) {
            return null;
        }
    }
}
