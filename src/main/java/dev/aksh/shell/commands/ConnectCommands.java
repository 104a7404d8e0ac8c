package dev.aksh.shell.commands;

import dev.aksh.azure.Cluster;
import dev.aksh.azure.ClusterService;
import dev.aksh.error.AkshException;
import dev.aksh.invoke.LocalTools;
import dev.aksh.render.Console;
import dev.aksh.render.Progress;
import dev.aksh.render.Result;
import dev.aksh.render.Result.Details.Field;
import dev.aksh.render.Style;
import dev.aksh.session.SessionState;
import dev.aksh.shell.CommandSpec;
import dev.aksh.shell.Invocation;
import dev.aksh.shell.OptionSpec;
import dev.aksh.shell.completion.ValueCompleter;
import dev.aksh.tunnel.ConnectService;
import dev.aksh.tunnel.TunnelManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code connect bastion}: a native Bastion tunnel to a private cluster, and the tunnel route. */
public final class ConnectCommands {
    static final String GROUP = "Connect";

    private final ConnectService connect;
    private final TunnelManager tunnels;
    private final ClusterService clusters;
    private final SessionState session;
    private final Console console;
    private final Completers completers;
    private final ValueCompleter bastions;
    private final LocalTools tools;
    private final Path home;
    private final dev.aksh.azure.FleetService fleets;
    private final java.util.function.Supplier<String> objectId;

    /**
     * @param bastions completes Bastion names that can reach the current cluster
     * @param home the user's home directory, for '~' in --kubeconfig
     * @param objectId the signed-in identity's object id (for the Fleet hub's role check), or null
     */
    public ConnectCommands(ConnectService connect, TunnelManager tunnels, ClusterService clusters, SessionState session,
            Console console, Completers completers, ValueCompleter bastions, LocalTools tools, Path home,
            dev.aksh.azure.FleetService fleets, java.util.function.Supplier<String> objectId) {
        this.fleets = fleets;
        this.objectId = objectId;
        this.connect = connect;
        this.tunnels = tunnels;
        this.clusters = clusters;
        this.session = session;
        this.console = console;
        this.completers = completers;
        this.bastions = bastions;
        this.tools = tools;
        this.home = home;
    }

    public List<CommandSpec> commands() {
        return List.of(CommandSpec.command("connect bastion").group(GROUP)
                .summary("Open a native Azure Bastion tunnel to the cluster; invoke then runs your own kubectl through it")
                .description("""
                        Finds the Bastion (the cluster's node resource group, its VNet, then VNets peered with it in any
                        subscription), checks what Bastion cannot do (SKU without native client support, AKS
                        Automatic, network resource group lockdown, a private cluster without public FQDN, authorized
                        IP ranges that miss the Bastion), fetches the cluster's credentials into a private kubeconfig
                        (0600, deleted when the tunnel closes) pointing at https://localhost:PORT with tls-server-name
                        set to the cluster's FQDN, opens the listener on 127.0.0.1, and proves the tunnel with a
                        verified TLS handshake before returning. Every connection gets its own Bastion session; a few
                        are kept ready so kubectl never waits for one. The tunnel lives until 'tunnel close' or until
                        aksh exits; --foreground keeps this command running until Ctrl-C, for use from another
                        terminal.""")
                .option(OptionSpec.value("bastion", "NAME|ID", "the Bastion to use (default: find it)", bastions))
                .option(OptionSpec.value("port", 'p', "PORT", "the local port (default: a free one)", ValueCompleter.NONE))
                .option(OptionSpec.flag("admin", "use the cluster's admin credentials instead of your own"))
                .option(OptionSpec.value("kubeconfig", "PATH", "also merge the context into this kubeconfig (removed on close)",
                        ValueCompleter.of(List.of("~/.kube/config"))))
                .option(OptionSpec.value("cluster", "NAME", "connect to this cluster instead of the current one",
                        completers.clusters()))
                .option(OptionSpec.optionalValue("fleet", "NAME", "connect to this fleet's hub cluster (default: the "
                        + "current fleet's)", completers.fleets()))
                .option(OptionSpec.flag("foreground", "stay here until Ctrl-C, then close the tunnel"))
                .output()
                .example("connect bastion", "seed 001: find the Bastion and open the tunnel")
                .example("connect bastion --bastion bas-hub --port 8443", "a given Bastion, a fixed local port")
                .example("connect bastion --fleet", "seed 002: the current fleet's private hub; then "
                        + "invoke --fleet-hub \"kubectl get memberclusters\"")
                .example("connect bastion --kubeconfig ~/.kube/config --foreground",
                        "use the tunnel from other terminals with plain kubectl until Ctrl-C")
                .handler(this::bastion).build());
    }

    private Result bastion(Invocation inv) {
        Cluster cluster = inv.has("fleet") ? hub(inv) : target(inv);
        int port = inv.intOption("port", 0, 1, 65535);
        Path merge = inv.option("kubeconfig") == null ? null : expand(inv.option("kubeconfig"));
        ConnectService.Outcome o;
        try (Progress p = console.progress("connect bastion to " + cluster.name())) {
            o = connect.connect(new ConnectService.Request(cluster, inv.option("bastion"), port, inv.flag("admin"), merge),
                    console, p);
        }
        TunnelManager.Open t = o.tunnel();
        if (o.existing()) {
            console.note("a tunnel to " + cluster.name() + " is already open (tunnel " + t.id() + " on 127.0.0.1:" + t.port()
                    + "); 'tunnel close " + t.id() + "' closes it");
        }
        if (!o.existing() && tools.find("kubectl") == null) {
            console.warn("kubectl is not installed here, so the tunnel route cannot run kubectl commands: "
                    + LocalTools.installHint("kubectl") + "; until then, 'invoke --via run-command' works");
        }
        Result result = describe(t, o.rangesAdded());
        if (inv.flag("foreground")) {
            dev.aksh.render.Renderer.render(result, inv.output(), console);
            console.note("tunnel " + t.id() + " is open on 127.0.0.1:" + t.port() + "; Ctrl-C closes it");
            try {
                while (!t.tunnel().isClosed()) {
                    Thread.sleep(500);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                tunnels.close(t.id());
                console.note("closed tunnel " + t.id() + " to " + t.cluster().name());
            }
            Thread.interrupted(); // Ctrl-C was the way to end this command, not a failure
            return Result.EMPTY;
        }
        return result;
    }

    private Result describe(TunnelManager.Open t, List<String> rangesAdded) {
        String kubeconfig = t.kubeconfig().file().toString();
        String credential = t.admin() ? "admin (client certificate)"
                : t.kubeconfig().expiresAt() != null ? "yours, through Entra ID (token renewed before it expires)"
                : "cluster user (client certificate)";
        List<Field> f = new ArrayList<>();
        f.add(Field.of("Tunnel", t.id() + ": " + t.cluster().name() + " on 127.0.0.1:" + t.port(), Style.BOLD));
        f.add(Field.of("Bastion", t.bastion().name() + " (" + t.bastion().sku() + ") " + t.via()));
        f.add(Field.of("API server", t.cluster().apiServerHost() + (t.serverVersion() == null ? "" : " (" + t.serverVersion()
                + ")") + ", TLS verified through the tunnel", Style.OK));
        f.add(Field.of("Credentials", credential));
        f.add(Field.of("Kubeconfig", kubeconfig + " (private; deleted when the tunnel closes)"));
        if (t.kubeconfig().mergedInto() != null) {
            f.add(Field.of("Merged into", t.kubeconfig().mergedInto() + " as context " + t.kubeconfig().contextName()
                    + " (removed when the tunnel closes)"));
        }
        if (!rangesAdded.isEmpty()) {
            f.add(Field.of("Ranges added", String.join(", ", rangesAdded), Style.WARN));
        }
        f.add(Field.of("Route", "tunnel: invoke \"kubectl get pods\" runs your kubectl through it"));
        f.add(Field.of("Elsewhere", "KUBECONFIG=" + kubeconfig + " kubectl get pods"));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", t.id());
        data.put("cluster", t.cluster().name());
        data.put("clusterId", t.cluster().id());
        data.put("address", "127.0.0.1");
        data.put("port", t.port());
        data.put("bastion", t.bastion().name());
        data.put("bastionId", t.bastion().id());
        data.put("serverVersion", t.serverVersion());
        data.put("kubeconfig", kubeconfig);
        data.put("mergedInto", t.kubeconfig().mergedInto() == null ? null : t.kubeconfig().mergedInto().toString());
        data.put("context", t.kubeconfig().contextName());
        data.put("admin", t.admin());
        data.put("rangesAdded", rangesAdded);
        return new Result.Details(f, data);
    }

    private Cluster target(Invocation inv) {
        return Targets.cluster(inv, session, clusters);
    }

    /** The hub cluster of --fleet's fleet, once the caller is known to hold a Fleet Manager RBAC role. */
    private Cluster hub(Invocation inv) {
        if (inv.option("cluster") != null) {
            throw AkshException.usage("--fleet and --cluster both say where to connect", "give one of them");
        }
        dev.aksh.azure.Fleet f = Targets.fleet(inv.option("fleet"), session, fleets);
        if (!f.hasHub()) {
            throw AkshException.refused(f.name() + " has no hub cluster", "its members are clusters: 'connect bastion "
                    + "--cluster NAME'");
        }
        if (!f.privateHub()) {
            console.note(f.name() + "'s hub is public: 'fleet get-credentials' gives a kubeconfig that reaches it directly; "
                    + "looking for a Bastion anyway");
        }
        try (Progress p = console.progress("finding " + f.name() + "'s hub")) {
            p.state("checking your Fleet Manager RBAC roles");
            fleets.requireHubRole(f, objectId.get(), console::warn);
            p.state("looking in " + dev.aksh.azure.FleetService.hubResourceGroup(f));
            return fleets.hub(f);
        }
    }

    private Path expand(String p) {
        return Targets.path(p, home);
    }
}
