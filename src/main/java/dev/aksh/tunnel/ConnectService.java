package dev.aksh.tunnel;

import com.azure.core.credential.AccessToken;
import com.azure.core.management.exception.ManagementException;
import dev.aksh.azure.ArmId;
import dev.aksh.azure.AzureClients;
import dev.aksh.azure.Bastion;
import dev.aksh.azure.Cluster;
import dev.aksh.azure.ClusterService;
import dev.aksh.azure.NetworkService;
import dev.aksh.error.AkshException;
import dev.aksh.error.ExitCode;
import dev.aksh.ranges.Cidr;
import dev.aksh.ranges.RangesService;
import dev.aksh.render.Console;
import dev.aksh.render.Progress;
import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * {@code connect bastion}: checks what ARM already says (cluster kind, Bastion SKU and native client
 * support, authorized IP ranges), finds the Bastion, fetches the cluster's kubeconfig, opens the
 * tunnel, proves it with a verified TLS handshake and {@code /version} through it, and only then
 * writes the kubeconfig and registers the tunnel. Anything that fails on the way leaves nothing
 * behind: no listener, no Bastion session, no file.
 */
public final class ConnectService {
    /** The AKS AAD server app: tokens for the API servers of AAD-managed clusters. */
    static final String AKS_AAD_SERVER_APP = "6dae42f8-4368-4678-94ff-3960e28e3630";
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(15);
    /** How long AKS may take to apply a change of authorized ranges (seed 004). */
    static final Duration RANGE_PROPAGATION = Duration.ofMinutes(2);

    /**
     * @param bastion NAME or resource id, or null to find one
     * @param port the local port, or 0 for any free one
     * @param mergeInto an operator's kubeconfig to merge the context into, or null
     */
    public record Request(Cluster cluster, String bastion, int port, boolean admin, Path mergeInto) {
    }

    /** What {@code connect bastion} did. */
    public record Outcome(TunnelManager.Open tunnel, boolean existing, List<String> rangesAdded) {
    }

    private final ClusterService clusters;
    private final NetworkService network;
    private final BastionDiscovery discovery;
    private final RangesService ranges;
    private final AzureClients clients;
    private final TunnelManager tunnels;
    private final Supplier<Path> tempRoot;
    private final BastionTunnel.Options options;
    private final java.util.function.BooleanSupplier readOnly;

    /**
     * @param tempRoot where tunnels' private directories go
     * @param readOnly whether changes are refused (adding the Bastion's IP to authorized ranges is one)
     */
    public ConnectService(ClusterService clusters, NetworkService network, BastionDiscovery discovery, RangesService ranges,
            AzureClients clients, TunnelManager tunnels, Supplier<Path> tempRoot, BastionTunnel.Options options,
            java.util.function.BooleanSupplier readOnly) {
        this.readOnly = readOnly;
        this.clusters = clusters;
        this.network = network;
        this.discovery = discovery;
        this.ranges = ranges;
        this.clients = clients;
        this.tunnels = tunnels;
        this.tempRoot = tempRoot;
        this.options = options;
    }

    public Outcome connect(Request r, Console console, Progress progress) {
        Cluster cluster = r.cluster();
        checkCluster(cluster);
        TunnelManager.Open existing = tunnels.forCluster(cluster.ref());
        if (existing != null) {
            return new Outcome(existing, true, List.of());
        }

        progress.state("finding a Bastion");
        BastionDiscovery.Candidate chosen = choose(cluster, r.bastion(), console);
        Bastion bastion = chosen.bastion();
        checkBastion(bastion);
        List<String> added = checkRanges(cluster, bastion, console, progress);

        progress.state("fetching the cluster's " + (r.admin() ? "admin" : "user") + " credentials");
        Kubeconfig.Source source = Kubeconfig.read(credentials(cluster, r.admin()));
        Supplier<AccessToken> tokens = source.needsToken()
                ? () -> clients.token(source.kubeloginServerId() + "/.default") : null;
        if (tokens != null) {
            tokens.get(); // fail now, not in kubectl, if no token can be had
        }

        progress.state("opening a session through " + bastion.name());
        BastionEndpoint endpoint = new BastionEndpoint(clients.plainHttp(), bastion.dnsName(), cluster.id(), 443,
                () -> clients.token(clients.armScope()).getToken());
        BastionTunnel tunnel = open(endpoint, r.port(), bastion, cluster);
        TunnelKubeconfig kubeconfig = null;
        try {
            progress.state("checking the API server through the tunnel");
            String version = probe(tunnel, source, cluster, bastion, progress);
            if (Thread.currentThread().isInterrupted()) {
                // Ctrl-C while the tunnel was being opened: leave nothing behind
                throw new AkshException(ExitCode.INTERRUPTED, "connect bastion cancelled; nothing was left open", null);
            }
            kubeconfig = new TunnelKubeconfig(tempRoot.get(), source, "aksh-" + cluster.name(), tunnel.port(), tokens,
                    r.mergeInto());
            TunnelManager.Open o = new TunnelManager.Open(tunnels.nextId(), cluster, bastion, chosen.via(), tunnel, kubeconfig, r.admin(),
                    version, Instant.now());
            tunnels.register(o);
            return new Outcome(o, false, added);
        } catch (RuntimeException e) {
            tunnel.close();
            if (kubeconfig != null) {
                kubeconfig.close();
            }
            throw e;
        }
    }

    // ------------------------------------------------------------------ checks

    /** What Bastion's AKS tunnels do not support, refused before anything is asked of Azure. */
    static void checkCluster(Cluster c) {
        String instead = "reach it with 'invoke' (AKS command invoke) instead";
        if (!c.running()) {
            throw AkshException.refused(c.name() + " is stopped (power state " + c.powerState()
                    + "), so its API server does not answer", "start it with 'az aks start -g " + c.resourceGroup() + " -n "
                    + c.name() + "'");
        }
        if (c.automatic()) {
            throw AkshException.refused(c.name() + " is an AKS Automatic cluster, which Bastion tunnels to AKS do not support",
                    instead);
        }
        if (c.nodeResourceGroupLockdown()) {
            throw AkshException.refused(c.name() + " has network resource group lockdown (restriction level ReadOnly), which "
                    + "Bastion tunnels to AKS do not support", instead);
        }
        if (c.privateCluster() && !Boolean.TRUE.equals(c.publicFqdnEnabled())) {
            throw AkshException.refused(c.name() + " is a private cluster with its public FQDN disabled, which Bastion tunnels "
                    + "to AKS do not support", "enable it with 'az aks update -g " + c.resourceGroup() + " -n " + c.name()
                    + " --enable-public-fqdn', or " + instead);
        }
    }

    static void checkBastion(Bastion b) {
        String why = b.unusableBecause();
        if (why != null) {
            throw AkshException.refused("Bastion " + b.name() + " cannot open tunnels: " + why, "turn it on: '" + b.fix() + "'");
        }
    }

    /**
     * A public cluster with authorized IP ranges answers the Bastion only if they cover its public
     * IP: offer to add it (a terminal asks; a script needs --yes).
     */
    private List<String> checkRanges(Cluster c, Bastion b, Console console, Progress progress) {
        if (c.privateCluster() || c.authorizedIpRanges().isEmpty()) {
            return List.of();
        }
        if (b.publicIpId() == null) {
            throw AkshException.refused(c.name() + " is public with authorized IP ranges, and Bastion " + b.name()
                    + " has no public IP to add to them", "use a Bastion with a public IP, or 'invoke'");
        }
        String ip;
        try {
            ip = network.publicIpAddress(b.publicIpId());
        } catch (ManagementException e) {
            if (status(e) == 403) {
                console.warn("cannot read " + b.name() + "'s public IP address (no Reader role on "
                        + name(b.publicIpId()) + "); if " + c.name() + "'s authorized IP ranges miss it, the tunnel will fail");
                return List.of();
            }
            throw e;
        }
        if (ip == null) {
            return List.of();
        }
        long addr = Cidr.ipv4(ip, "the Bastion's public IP");
        for (String range : c.authorizedIpRanges()) {
            if (Cidr.parse(range).contains(addr)) {
                return List.of();
            }
        }
        String entry = ip + "/32";
        if (readOnly.getAsBoolean()) {
            throw AkshException.refused(c.name() + "'s authorized IP ranges do not include Bastion " + b.name()
                    + "'s public IP " + ip + ", and read-only mode is on, so aksh will not add it",
                    "add " + entry + " to the ranges outside read-only mode");
        }
        String question = c.name() + "'s authorized IP ranges (" + String.join(", ", c.authorizedIpRanges())
                + ") do not include " + b.name() + "'s public IP " + ip + ", so its API server would refuse the tunnel. Add "
                + entry + " to them?";
        if (!console.confirm(question)) {
            throw AkshException.refused(c.name() + "'s authorized IP ranges do not include Bastion " + b.name()
                    + "'s public IP " + ip, console.interactive() ? "answer yes to add " + entry + ", or add it yourself"
                    : "rerun with --yes to let aksh add " + entry + ", or add it yourself");
        }
        progress.state("adding " + entry + " to " + c.name() + "'s authorized IP ranges");
        RangesService.Change change = ranges.add(c.ref(), List.of(entry));
        console.note("added " + entry + " (" + b.name() + ") to " + c.name() + "'s authorized IP ranges; they are now "
                + String.join(", ", change.after()));
        return List.of(entry);
    }

    // ------------------------------------------------------------------ choosing

    /**
     * The Bastion an operator means for a cluster, found and chosen as {@code connect bastion}
     * does (for 'ranges add-bastion-ip'): explicit NAME|ID, or the one usable Bastion near it, or
     * a choice.
     */
    public Bastion findBastion(Cluster cluster, String spec, Console console) {
        return choose(cluster, spec, console).bastion();
    }

    private BastionDiscovery.Candidate choose(Cluster cluster, String spec, Console console) {
        if (spec != null && ArmId.parse(spec) != null) {
            return new BastionDiscovery.Candidate(readExplicit(spec), "(chosen by resource id)");
        }
        BastionDiscovery.Found found = discovery.find(cluster);
        if (spec != null) {
            BastionDiscovery.Candidate c = found.byName(spec);
            if (c != null) {
                return c;
            }
            return byNameElsewhere(cluster, spec, found, console);
        }
        List<BastionDiscovery.Candidate> usable = found.usable();
        if (usable.size() == 1) {
            BastionDiscovery.Candidate c = usable.get(0);
            console.note("using Bastion " + c.bastion().name() + " (" + c.bastion().sku() + ") " + c.via());
            for (BastionDiscovery.Candidate u : found.unusable()) {
                console.note("passed over " + u.bastion().name() + " " + u.via() + ": " + u.bastion().unusableBecause());
            }
            return c;
        }
        if (usable.size() > 1) {
            List<String> lines = usable.stream().map(c -> c.bastion().name() + " (" + c.bastion().sku() + ") " + c.via()).toList();
            if (!console.interactive()) {
                throw AkshException.usage(usable.size() + " Bastions can reach " + cluster.name() + ": "
                        + String.join("; ", lines), "choose one with --bastion NAME");
            }
            int i = console.choose(usable.size() + " Bastions can reach " + cluster.name() + ":", lines);
            if (i < 0) {
                throw AkshException.usage("no Bastion chosen", "choose one with --bastion NAME");
            }
            return usable.get(i);
        }
        throw nothingUsable(cluster, found);
    }

    private AkshException nothingUsable(Cluster cluster, BastionDiscovery.Found found) {
        if (!found.unusable().isEmpty()) {
            List<String> why = found.unusable().stream().map(c -> c.bastion().name() + " " + c.via() + ": "
                    + c.bastion().unusableBecause()).toList();
            return AkshException.refused("no Bastion that can reach " + cluster.name() + " accepts native client tunnels ("
                    + String.join("; ", why) + ")", "turn it on: '" + found.unusable().get(0).bastion().fix() + "'");
        }
        StringBuilder where = new StringBuilder("none in its node resource group");
        if (cluster.nodeSubnetId() != null) {
            where.append(", its virtual network or the virtual networks peered with it");
        }
        if (!found.unreadable().isEmpty()) {
            return AkshException.auth("found no Bastion for " + cluster.name() + " (" + where + "), but aksh could not read: "
                    + String.join("; ", found.unreadable()), "ask for the Reader role there, or name the Bastion with "
                    + "--bastion ID");
        }
        String notes = found.notes().isEmpty() ? "" : " (" + String.join("; ", found.notes()) + ")";
        return AkshException.notFound("found no Bastion for " + cluster.name() + ": " + where + notes,
                "deploy one (Standard or Premium, native client support on) in a hub VNet peered with the cluster's, "
                        + "or reach the cluster with 'invoke'");
    }

    private Bastion readExplicit(String id) {
        try {
            return network.bastion(id);
        } catch (ManagementException e) {
            if (status(e) == 403) {
                throw AkshException.auth("no Reader role on Bastion " + name(id) + " (" + id + ")",
                        "ask for Reader on it: Bastion tunnels need Reader on the cluster, the Bastion and, across a "
                                + "peering, the cluster's VNet");
            }
            if (status(e) == 404) {
                throw AkshException.notFound("no Bastion " + id, "check the id; 'connect bastion' without --bastion finds one");
            }
            throw e;
        }
    }

    private BastionDiscovery.Candidate byNameElsewhere(Cluster cluster, String name, BastionDiscovery.Found found,
            Console console) {
        List<Bastion> matches = new ArrayList<>();
        for (Bastion b : network.bastions(cluster.subscriptionId())) {
            if (b.name().equalsIgnoreCase(name)) {
                matches.add(b);
            }
        }
        if (matches.isEmpty()) {
            List<String> known = found.candidates().stream().map(c -> c.bastion().name()).toList();
            throw AkshException.notFound("no Bastion '" + name + "' near " + cluster.name() + " or in its subscription",
                    known.isEmpty() ? "give its resource id with --bastion" : "Bastions found near it: " + String.join(", ", known));
        }
        if (matches.size() > 1) {
            throw AkshException.usage("several Bastions are named '" + name + "': " + String.join(", ",
                    matches.stream().map(Bastion::id).toList()), "give its resource id with --bastion");
        }
        Bastion b = matches.get(0);
        console.warn(b.name() + " is neither in " + cluster.name() + "'s virtual network nor in one peered with it (as far as "
                + "aksh can read); if Bastion cannot route to the API server, the tunnel check will fail");
        return new BastionDiscovery.Candidate(b, "in " + b.vnetName());
    }

    // ------------------------------------------------------------------ wire

    private byte[] credentials(Cluster c, boolean admin) {
        try {
            return clusters.kubeconfig(c.ref(), admin);
        } catch (ManagementException e) {
            String code = e.getValue() == null ? "" : String.valueOf(e.getValue().getCode());
            if (status(e) == 403) {
                throw AkshException.auth("not allowed to fetch " + c.name() + "'s " + (admin ? "admin" : "user")
                        + " credentials (403 " + code + ")", "ask for 'Azure Kubernetes Service Cluster "
                        + (admin ? "Admin" : "User") + " Role' on the cluster");
            }
            if (status(e) == 400 && admin && e.getValue() != null && e.getValue().getMessage() != null
                    && e.getValue().getMessage().toLowerCase(Locale.ROOT).contains("local accounts")) {
                throw AkshException.refused(c.name() + " has local accounts disabled, so it has no admin credentials",
                        "connect without --admin (as yourself, through Entra ID)");
            }
            throw e;
        }
    }

    private BastionTunnel open(BastionEndpoint endpoint, int port, Bastion bastion, Cluster cluster) {
        try {
            return BastionTunnel.open(endpoint, port, options);
        } catch (BindException e) {
            throw AkshException.usage("port " + port + " on 127.0.0.1 is in use", "choose another with --port, or leave "
                    + "--port out to take a free one");
        } catch (BastionEndpoint.Refused e) {
            String what = "Bastion " + bastion.name() + " refused a session to " + cluster.name() + " (" + e.status() + "): "
                    + e.getMessage();
            throw switch (e.status()) {
                case 401 -> AkshException.auth(what, "sign in again ('login' or 'az login') and retry");
                case 403 -> AkshException.refused(what, "check that " + bastion.vnetName() + " can reach the cluster "
                        + "(same VNet, or peered both ways) and that you have Reader on the cluster, the Bastion and the VNet");
                case 404 -> AkshException.notFound(what, "check the cluster and the Bastion still exist");
                default -> e.status() >= 500
                        ? AkshException.remote(what, "Bastion had a service-side failure; retry shortly")
                        : AkshException.refused(what, "check the Bastion's configuration ('" + bastion.fix() + "')");
            };
        } catch (IOException e) {
            throw unreachable(bastion, e);
        } catch (CompletionException e) {
            throw unreachable(bastion, e.getCause() == null ? e : e.getCause());
        }
    }

    /**
     * A verified TLS handshake and {@code /version} through the tunnel. For a public cluster whose
     * ranges already list the Bastion, a refusal is most likely AKS still applying them (up to 2
     * minutes): then it tries again until that time has passed.
     */
    private String probe(BastionTunnel tunnel, Kubeconfig.Source source, Cluster cluster, Bastion bastion,
            Progress progress) {
        boolean rangesMayBePropagating = !cluster.privateCluster() && !cluster.authorizedIpRanges().isEmpty();
        long deadline = System.nanoTime() + RANGE_PROPAGATION.toNanos();
        while (true) {
            try {
                return TunnelProbe.check(tunnel.port(), source.host(), source.certificateAuthorityData(), PROBE_TIMEOUT);
            } catch (TunnelProbe.Failed e) {
                if (!rangesMayBePropagating || System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) {
                    throw AkshException.network("the tunnel through " + bastion.name() + " opened, but " + e.getMessage(),
                            probeHint(cluster, bastion));
                }
                progress.state("the API server does not answer " + bastion.name() + " yet; AKS may still be applying "
                        + cluster.name() + "'s authorized ranges (up to 2 minutes)");
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static AkshException unreachable(Bastion bastion, Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String why = root instanceof UnknownHostException ? "its name does not resolve"
                : root instanceof ConnectException ? "the connection was refused"
                : root instanceof HttpConnectTimeoutException ? "the connection timed out"
                : String.valueOf(root.getMessage());
        return new AkshException(ExitCode.NETWORK, "cannot reach Bastion " + bastion.name() + " at " + bastion.dnsName()
                + ": " + why, "check this machine's connection to Azure (proxy, firewall) and retry", e);
    }

    private static String probeHint(Cluster c, Bastion b) {
        if (!c.privateCluster() && !c.authorizedIpRanges().isEmpty()) {
            return "check that " + c.name() + "'s authorized IP ranges include " + b.name() + "'s public IP";
        }
        return "check that " + b.vnetName() + " can route to " + c.name() + "'s API server (peering, NSG rules, private DNS)";
    }

    private static int status(ManagementException e) {
        return e.getResponse() == null ? 0 : e.getResponse().getStatusCode();
    }

    private static String name(String id) {
        return id.substring(id.lastIndexOf('/') + 1);
    }
}
