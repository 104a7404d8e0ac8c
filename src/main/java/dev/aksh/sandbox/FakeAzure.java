package dev.aksh.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

import com.azure.core.credential.TokenCredential;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.net.ssl.SSLContext;

/**
 * The sandbox: a fake Azure on 127.0.0.1, reached over the same protocols as the real one. It
 * generates a CA at start, serves ARM over HTTPS with a certificate from that CA, and gives clients
 * three things: the ARM URL, a TLS context that trusts the CA, and a credential for the world's
 * fake identity. Above that boundary aksh runs the same code as against real Azure.
 */
public final class FakeAzure implements AutoCloseable {
    private volatile World world;
    private final CertificateAuthority ca;
    private final ArmState state;
    private final FakeArm arm;
    private final Operations operations;
    private final ScheduledExecutorService scheduler;
    private final KubeClusters kube;
    private final KubeApiServers apiServers;
    private final BastionHosts bastions;
    private final ApiServerFirewall firewall;
    private final Activity activity = new Activity();
    private final RolePropagation roles = new RolePropagation();
    private final RunCommands runCommands;

    private FakeAzure(World world, int armPort) throws IOException {
        this.world = world;
        this.ca = CertificateAuthority.generate();
        this.state = new ArmState(world);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fake-azure-scheduler");
            t.setDaemon(true);
            return t;
        });
        this.operations = new Operations(state, scheduler);
        SSLContext armTls = ca.issue(List.of("localhost"), List.of("127.0.0.1")).serverContext();
        this.arm = new FakeArm(state, armTls, TokenVerifier.forArm());
        this.kube = new KubeClusters(state, java.time.Clock.systemUTC());
        this.firewall = new ApiServerFirewall(state, java.time.Clock.systemUTC());
        this.apiServers = new KubeApiServers(state, kube, ca, firewall, activity, roles);
        this.bastions = new BastionHosts(state, apiServers, firewall, activity);
        bastions.startAll(ca);
        this.runCommands = new RunCommands(kube, activity);
        ClusterCredentials credentials = new ClusterCredentials(ca, apiServers::publicEndpoint);
        arm.addKind(new ManagedClusters(operations, runCommands, credentials, firewall));
        arm.addKind(FleetDocuments.fleetKind(credentials));
        arm.addKind(FleetDocuments.memberKind());
        arm.addKind(RoleDocuments.definitionKind());
        arm.addKind(runCommands.resultsKind());
        arm.addKind(NetworkDocuments.vnetKind());
        arm.addKind(PrivateDnsDocuments.peeringKind());
        arm.addKind(PrivateDnsDocuments.zoneKind());
        arm.addKind(PrivateDnsDocuments.recordKind());
        arm.addKind(PrivateDnsDocuments.linkKind());
        arm.addKind(NetworkDocuments.simpleKind(NetworkDocuments.BASTION_TYPE));
        arm.addKind(NetworkDocuments.simpleKind(NetworkDocuments.PIP_TYPE));
        arm.addKind(Operations.statusKind(ManagedClusters.NS, operations));
        arm.addKind(Operations.resultKind(ManagedClusters.NS, operations));
        this.faults = new Faults(bastions, runCommands, roles);
        arm.addInterceptor(faults);
        arm.start(armPort);
    }

    private final Faults faults;

    /** Faults switched on in this sandbox ('sandbox fault'). */
    public Faults faults() {
        return faults;
    }

    /** Starts FakeAzure for {@code world} on ephemeral loopback ports. */
    static {
        // the JDK's HTTP server leaves Nagle on; with delayed ACKs every TLS flight would wait ~40 ms,
        // which real Azure endpoints do not
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    public static FakeAzure start(World world) {
        return start(world, 0);
    }

    /** Starts FakeAzure with ARM on {@code armPort} (0 for an ephemeral port). */
    public static FakeAzure start(World world, int armPort) {
        try {
            return new FakeAzure(world, armPort);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the sandbox on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    /** The world this sandbox was started with or last loaded (as written, before fleets are expanded). */
    public World world() {
        return world;
    }

    /** What the sandbox's servers have seen happen (for lessons). */
    public Activity activity() {
        return activity;
    }

    /**
     * Replaces everything the sandbox holds with {@code world} (and, when {@code saved} is given, the
     * state a {@link Snapshots#save} wrote). Endpoints and the CA stay, so clients carry on; Bastion
     * sessions, API server connections and operations on their way end, and every fault is cleared.
     */
    public synchronized void replaceWorld(World next, com.fasterxml.jackson.databind.JsonNode saved) {
        faults.clear();
        roles.delay(java.time.Duration.ZERO);
        bastions.close();
        apiServers.close();
        operations.forgetAll();
        synchronized (state) {
            state.reseed(next);
            kube.clear();
            firewall.clear();
            runCommands.clear();
            if (saved != null) {
                Snapshots.restore(saved, state, kube);
            }
        }
        bastions.startAll(ca);
        this.world = next;
        this.loaded = saved;
    }

    private volatile com.fasterxml.jackson.databind.JsonNode loaded;

    /** Back to the world (and saved state) as it was when last started or loaded. */
    public void reset() {
        replaceWorld(world, loaded);
    }

    /** A managed cluster's document by name (a copy; the first of that name), or null. */
    public ObjectNode cluster(String name) {
        synchronized (state) {
            for (ObjectNode c : clusters()) {
                if (c.path("name").asText().equalsIgnoreCase(name)) {
                    return ArmState.copy(c);
                }
            }
        }
        return null;
    }

    /** Whether a cluster's public API server lets this machine ("my IP") in now, as its firewall enforces. */
    public boolean admitsMyIp(String clusterName) {
        synchronized (state) {
            ObjectNode c = cluster(clusterName);
            return c != null && firewall.admitsFromInternet(c, state.world().myIp());
        }
    }

    /** How many long-running ARM operations have not finished. */
    public int operationsRunning() {
        return operations.running();
    }

    /** The fake ARM endpoint, {@code https://127.0.0.1:PORT/}. */
    public String armUrl() {
        return arm.url();
    }

    public FakeArm arm() {
        return arm;
    }

    public ArmState state() {
        return state;
    }

    /** The Kubernetes state behind the clusters. */
    public KubeClusters kube() {
        return kube;
    }

    /** The Bastion hosts. */
    public BastionHosts bastions() {
        return bastions;
    }

    /**
     * Where the public API server endpoint of the cluster with this host name answers, as the
     * internet sees it (clients arrive from the world's "my IP"); null for an unknown name.
     */
    public java.net.InetSocketAddress publicApiServer(String host) {
        synchronized (state) {
            for (ObjectNode c : clusters()) {
                if (host.equalsIgnoreCase(c.at("/properties/fqdn").asText(""))) {
                    return apiServers.publicEndpoint(c);
                }
            }
        }
        return null;
    }

    /** Every managed cluster in every subscription (callers hold the state's lock). */
    private List<ObjectNode> clusters() {
        List<ObjectNode> out = new java.util.ArrayList<>();
        for (ObjectNode s : state.subscriptions()) {
            out.addAll(state.list("/subscriptions/" + s.get("subscriptionId").asText(), ArmDocuments.CLUSTER_TYPE));
        }
        return out;
    }

    /**
     * DNS as a machine on the internet sees this world: a public cluster's FQDN resolves to its
     * (made-up) public address; a private cluster's public FQDN, when on, to its API server's
     * private address, as Azure publishes it; private FQDNs do not resolve outside linked VNets.
     */
    public List<String> resolveFromHere(String host) throws java.net.UnknownHostException {
        synchronized (state) {
            for (ObjectNode c : clusters()) {
                com.fasterxml.jackson.databind.JsonNode p = c.path("properties");
                if (!host.equalsIgnoreCase(p.path("fqdn").asText(""))) {
                    continue;
                }
                if (!p.path("apiServerAccessProfile").path("enablePrivateCluster").asBoolean(false)) {
                    String h = ArmDocuments.hash(host.toLowerCase(java.util.Locale.ROOT));
                    return List.of("20.61." + Integer.parseInt(h.substring(0, 2), 16) + "."
                            + (1 + Integer.parseInt(h.substring(2, 4), 16) % 254));
                }
                String fqdn = p.path("privateFQDN").asText("");
                for (ObjectNode a : state.list("/subscriptions", PrivateDnsDocuments.A_TYPE)) {
                    if ((a.at("/properties/fqdn").asText("")).equalsIgnoreCase(fqdn + ".")) {
                        return List.of(a.at("/properties/aRecords/0/ipv4Address").asText());
                    }
                }
            }
        }
        throw new java.net.UnknownHostException(host);
    }

    /** Where a connection to {@code ip} for {@code host} lands from here: null when the address is not routable. */
    public java.net.InetSocketAddress routeFromHere(String host, String ip) {
        try {
            if (dev.aksh.ranges.Cidr.parse(ip).reserved() != null) {
                return null; // private and reserved addresses are not routed on the internet
            }
        } catch (dev.aksh.ranges.Cidr.Invalid e) {
            return null;
        }
        return publicApiServer(host);
    }

    /** The clusters' API servers. */
    public KubeApiServers apiServers() {
        return apiServers;
    }

    public CertificateAuthority ca() {
        return ca;
    }

    /** A TLS context trusting the sandbox CA, for clients. */
    public SSLContext clientTls() {
        return ca.trustingContext();
    }

    /** The credential of the world's fake identity. */
    public TokenCredential credential() {
        return new SandboxCredential(world);
    }

    private Serving serving;

    /**
     * What {@code sandbox serve} hands out (the CA file, sign-in details, commands), made on first
     * use in a private directory under {@code root} and deleted when the sandbox closes.
     */
    public synchronized Serving serving(java.nio.file.Path root) {
        if (serving == null) {
            serving = new Serving(this, root);
        }
        return serving;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (serving != null) {
                serving.close();
            }
        }
        arm.close();
        bastions.close();
        apiServers.close();
        scheduler.shutdownNow();
    }
}
