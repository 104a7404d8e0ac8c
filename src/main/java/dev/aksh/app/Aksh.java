package dev.aksh.app;

import dev.aksh.azure.ArmErrors;
import dev.aksh.azure.ArmRest;
import dev.aksh.azure.Fleet;
import dev.aksh.azure.FleetMember;
import dev.aksh.azure.FleetService;
import dev.aksh.invoke.FleetInvokeService;
import dev.aksh.shell.commands.FleetCommands;
import dev.aksh.shell.commands.KubeTokenCommands;
import dev.aksh.tunnel.ExecCredentials;
import java.util.ArrayList;
import java.util.function.BiFunction;
import dev.aksh.azure.AzureClients;
import dev.aksh.azure.AzureCredentials;
import dev.aksh.azure.AzureEndpoints;
import dev.aksh.azure.Cluster;
import dev.aksh.azure.ClusterService;
import dev.aksh.azure.RunCommandClient;
import dev.aksh.azure.NetworkService;
import dev.aksh.invoke.InvokeService;
import dev.aksh.invoke.KubeCompletion;
import dev.aksh.invoke.LocalTools;
import dev.aksh.invoke.TunnelRoute;
import dev.aksh.ranges.RangesService;
import dev.aksh.shell.commands.ConnectCommands;
import dev.aksh.shell.commands.TunnelCommands;
import dev.aksh.shell.completion.Suggestion;
import dev.aksh.tunnel.BastionDiscovery;
import dev.aksh.tunnel.BastionTunnel;
import dev.aksh.tunnel.ConnectService;
import dev.aksh.tunnel.PrivateFiles;
import dev.aksh.tunnel.TunnelManager;
import dev.aksh.invoke.RunCommandApi;
import dev.aksh.invoke.Waiting;
import dev.aksh.render.Progress;
import dev.aksh.session.ClusterRef;
import dev.aksh.shell.commands.InvokeCommands;
import dev.aksh.azure.CredentialSource;
import dev.aksh.azure.IdentityService;
import dev.aksh.azure.SubscriptionService;
import dev.aksh.error.AkshException;
import dev.aksh.render.Console;
import dev.aksh.sandbox.FakeAzure;
import dev.aksh.sandbox.SandboxCredentials;
import dev.aksh.sandbox.World;
import dev.aksh.sandbox.WorldLoader;
import dev.aksh.session.ConfigDirs;
import dev.aksh.session.ContextStore;
import dev.aksh.session.SessionContext;
import dev.aksh.session.SessionState;
import dev.aksh.session.SubscriptionRef;
import dev.aksh.shell.CommandCatalog;
import dev.aksh.shell.CommandSpec;
import dev.aksh.shell.Safety;
import dev.aksh.shell.Shell;
import dev.aksh.shell.SpecCommand;
import dev.aksh.shell.commands.ClusterCommands;
import dev.aksh.shell.commands.Completers;
import dev.aksh.shell.commands.ContextCommands;
import dev.aksh.shell.commands.ShellCommands;
import dev.aksh.shell.commands.ShellControl;
import dev.aksh.shell.commands.SubscriptionCommands;
import dev.aksh.shell.completion.CompletionCache;
import dev.aksh.shell.completion.CompletionEngine;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The composition root: builds the whole tool from the launch options, the process environment
 * and a console. The sandbox differs from real Azure only here: which endpoints, which credential,
 * which CA.
 */
public final class Aksh implements AutoCloseable {
    private final LaunchOptions options;
    private final Console console;
    private final SessionState session;
    private final ContextStore store;
    private final Shell shell;
    private final ShellControl control = new ShellControl();
    private final CompletionCache cache;
    private final CompletionEngine completion;
    private final ExecutorService background;
    private final CompletableFuture<FakeAzure> sandbox;
    private final World world;
    private final Supplier<String> environmentLabel;
    private final TunnelManager tunnels;
    private final Thread closeTunnelsOnExit;
    private final dev.aksh.session.Production production;
    private final dev.aksh.session.AkshConfig config;

    public Aksh(LaunchOptions options, Environment env, Console console) {
        this.options = options;
        this.console = console;
        AtomicInteger n = new AtomicInteger();
        this.background = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "aksh-background-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });

        Supplier<AzureEndpoints> endpoints;
        Supplier<String> myIpResolvers;
        java.util.function.Function<String, java.net.InetSocketAddress> apiServerAddress;
        dev.aksh.advise.ReachCheck.Network reachFromHere;
        CredentialSource credentials;
        java.util.concurrent.atomic.AtomicReference<AzureClients> sharedHttp = new java.util.concurrent.atomic.AtomicReference<>();
        if (options.sandbox()) {
            world = options.sandboxWorld() != null ? WorldLoader.load(options.sandboxWorld()) : WorldLoader.defaultWorld();
            World w = world;
            sandbox = CompletableFuture.supplyAsync(() -> FakeAzure.start(w), background);
            endpoints = () -> {
                FakeAzure f = sandbox.join();
                return AzureEndpoints.at(f.armUrl(), f.clientTls());
            };
            credentials = new SandboxCredentials(world);
            myIpResolvers = () -> sandbox.join().armUrl() + dev.aksh.sandbox.FakeArm.MY_IP_PATH.substring(1);
            apiServerAddress = host -> sandbox.join().publicApiServer(host);
            reachFromHere = new dev.aksh.advise.ReachCheck.Network() {
                @Override
                public List<String> resolve(String host) throws java.net.UnknownHostException {
                    return sandbox.join().resolveFromHere(host);
                }

                @Override
                public java.net.Socket connect(String host, String ip, Duration timeout) throws java.io.IOException {
                    java.net.InetSocketAddress to = sandbox.join().routeFromHere(host, ip);
                    if (to == null) {
                        throw new java.net.SocketTimeoutException("connect timed out"); // a private address, from outside
                    }
                    java.net.Socket s = new java.net.Socket();
                    s.connect(to, (int) timeout.toMillis());
                    return s;
                }
            };
            environmentLabel = () -> "sandbox: FakeAzure at " + sandbox.join().armUrl() + " (world " + w.name()
                    + "; nothing here touches real Azure)";
        } else {
            world = null;
            sandbox = null;
            Supplier<AzureEndpoints> where = AzureEndpoints.fromEnvironment(env.env());
            endpoints = where;
            // signing in shares the ARM client's HTTP client: the same trusted CAs (AKSH_CA_FILE), one selector,
            // one connection pool
            credentials = new AzureCredentials(env.env(), console::note, () -> sharedHttp.get().httpClient());
            String configured = env.env().get("AKSH_MYIP_RESOLVERS");
            myIpResolvers = () -> configured == null || configured.isBlank() ? dev.aksh.ranges.MyIp.DEFAULT_RESOLVERS : configured;
            apiServerAddress = host -> new java.net.InetSocketAddress(host, 443);
            reachFromHere = new dev.aksh.advise.ReachCheck.Network() {
                @Override
                public List<String> resolve(String host) throws java.net.UnknownHostException {
                    return java.util.Arrays.stream(java.net.InetAddress.getAllByName(host))
                            .map(java.net.InetAddress::getHostAddress).toList();
                }

                @Override
                public java.net.Socket connect(String host, String ip, Duration timeout) throws java.io.IOException {
                    java.net.Socket s = new java.net.Socket();
                    s.connect(new java.net.InetSocketAddress(ip, 443), (int) timeout.toMillis());
                    return s;
                }
            };
            environmentLabel = () -> where.get().publicAzure() ? "Azure (public cloud, " + where.get().resourceManager() + ")"
                    : "Azure at " + where.get().resourceManager() + " (" + AzureEndpoints.ARM_ENDPOINT_VARIABLE + ")";
        }

        AzureClients clients = new AzureClients(endpoints, credentials, options.debug());
        sharedHttp.set(clients);
        if (!options.sandbox() && AzureCredentials.environmentConfigured(env.env())) {
            // a service principal in the environment signs in without spawning anything: do it while the shell starts
            clients.warmUp(background);
        }
        // read after the sign-in has started: the Azure CLI's profile is JSON, and the first JSON parser costs time
        SubscriptionRef initialSubscription = options.sandbox() ? InitialContext.forSandbox(world)
                : InitialContext.forAzure(env.env(), env.userHome());

        Path configDir = ConfigDirs.configDir(env.env(), env.osName(), env.userHome());
        this.config = dev.aksh.session.AkshConfig.load(configDir, console::warn);
        this.production = dev.aksh.session.Production.of(env.env().get("AKSH_PRODUCTION"), config.production());
        store = new ContextStore(configDir, options.sandbox(), options.sandbox() ? null : AzureEndpoints.cloudHost(env.env()),
                console::warn);
        SessionContext loaded = store.load(options.sandbox());
        if (loaded.subscription() == null && initialSubscription != null) {
            loaded = loaded.withSubscription(initialSubscription);
        }
        session = new SessionState(loaded);
        session.onChange((before, after) -> store.save(after));

        SubscriptionService subscriptions = new SubscriptionService(clients);
        ClusterService clusters = new ClusterService(clients);
        IdentityService identity = new IdentityService(clients);

        cache = new CompletionCache(background, Clock.systemUTC(), Duration.ofMinutes(2));
        Completers completers = new Completers(cache, session);
        cache.define(Completers.SUBSCRIPTIONS, p -> Completers.subscriptionSuggestions(subscriptions.list()));
        cache.define(Completers.CLUSTERS, sub -> {
            var list = clusters.list(sub, null);
            cache.put(Completers.groupsKey(sub), Completers.groupSuggestions(list));
            return Completers.clusterSuggestions(list);
        });
        cache.define(Completers.GROUPS, sub -> {
            var list = clusters.list(sub, null);
            cache.put(Completers.clustersKey(sub), Completers.clusterSuggestions(list));
            return Completers.groupSuggestions(list);
        });
        session.onChange((before, after) -> {
            if (after.subscription() != null && (before.subscription() == null
                    || !before.subscription().id().equalsIgnoreCase(after.subscription().id()))) {
                cache.refresh(Completers.clustersKey(after.subscription().id()));
                cache.refresh(Completers.fleetsKey(after.subscription().id()));
            }
            if (after.fleet() != null && !after.fleet().equalsIgnoreCase(String.valueOf(before.fleet()))) {
                cache.refresh(Completers.membersKey(after.fleet())); // 'fleet use' warms member completion
            }
            if (after.cluster() != null && (before.cluster() == null || !before.cluster().sameAs(after.cluster()))) {
                cache.refresh(BASTIONS + ":" + after.cluster().id()); // 'cluster use' warms --bastion completion
            }
        });

        Shell[] holder = new Shell[1];
        CommandCatalog catalog = new CommandCatalog(spec -> new SpecCommand(spec, (inv, result, ctx) -> holder[0].accept(inv, result, ctx)));
        ShellCommands shellCommands = new ShellCommands(catalog, control, Main.version());
        register(catalog, shellCommands.commands());
        register(catalog, new ContextCommands(identity, session, environmentLabel, store.file()).commands());
        register(catalog, new SubscriptionCommands(subscriptions, session, completers).commands());
        register(catalog, new ClusterCommands(clusters, subscriptions, session, completers, background).commands());

        Path cwd = Path.of(System.getProperty("user.dir"));
        InvokeService invoke = new InvokeService(RunCommandApi.of(new RunCommandClient(clients)), Waiting.SYSTEM, cwd);
        tunnels = new TunnelManager(session);
        closeTunnelsOnExit = new Thread(tunnels::closeAll, "aksh-close-tunnels");
        Runtime.getRuntime().addShutdownHook(closeTunnelsOnExit);
        Path tempRoot = tempRoot(env);
        background.execute(() -> PrivateFiles.sweep(tempRoot, TunnelManager.DIR_PREFIX));
        LocalTools tools = new LocalTools(env.env(), env.osName());
        TunnelRoute tunnelRoute = new TunnelRoute(tools, cwd);
        NetworkService network = new NetworkService(clients);
        BastionDiscovery discovery = new BastionDiscovery(network, id -> subscriptionName(subscriptions, id));
        ConnectService connect = new ConnectService(clusters, network, discovery, new RangesService(clients, network,
                Clock.systemUTC()), clients, tunnels,
                () -> tempRoot, BastionTunnel.Options.defaults(), this::readOnly);
        cache.define(BASTIONS, clusterId -> discovery.find(clusters.get(ClusterRef.parseId(clusterId))).candidates().stream()
                .map(c -> Suggestion.of(c.bastion().name(), c.bastion().sku() + (c.usable() ? "" : ", no native client")
                        + ", " + c.via()))
                .toList());

        KubeCompletion kube = new KubeCompletion(cache,
                () -> session.get().cluster() == null ? null : session.get().cluster().id(), this::readOnly);
        kube.loaders((clusterId, command) -> {
            TunnelManager.Open open = tunnels.forCluster(ClusterRef.parseId(clusterId));
            if (open != null && tools.missingFor(command).isEmpty()) {
                TunnelRoute.Ran ran = tunnelRoute.run(command, new TunnelRoute.Target(open.cluster().name(),
                        open.kubeconfig().file(), open.kubeconfig().cacheDirectory()), null, null, Duration.ofMinutes(1));
                return ran.exitCode() == 0 ? ran.stdout() : "";
            }
            Cluster target = clusters.get(ClusterRef.parseId(clusterId));
            InvokeService.Outcome o = invoke.invoke(target, new InvokeService.Request(command, List.of(),
                    Duration.ofMinutes(2), false), Progress.NONE, w -> { });
            return o instanceof InvokeService.Finished f && f.result().succeeded() && Integer.valueOf(0).equals(f.result().exitCode())
                    ? f.result().logs() : "";
        });
        FleetService fleets = new FleetService(ArmRest.of(clients), clusters);
        cache.define(Completers.FLEETS, sub -> Completers.fleetSuggestions(fleets.list(sub)));
        cache.define(Completers.MEMBERS, fleetId -> {
            Fleet f = fleets.get(fleetId);
            List<FleetMember> members = fleets.members(f);
            completers.rememberMembers(f, members, session.get().subscription());
            return Completers.memberSuggestions(members);
        });
        Path home = Path.of(env.env().getOrDefault("HOME", env.userHome()));
        register(catalog, new ConnectCommands(connect, tunnels, clusters, session, console, completers, r -> {
            SessionContext c = session.get();
            return c.cluster() == null ? List.of() : cache.get(BASTIONS + ":" + c.cluster().id());
        }, tools, home, fleets, () -> identity.whoami().objectId()).commands());
        register(catalog, new TunnelCommands(tunnels, session, console).commands());
        RangesService rangesService = new RangesService(clients, network, Clock.systemUTC());
        dev.aksh.ranges.MyIp myIp = new dev.aksh.ranges.MyIp(() -> dev.aksh.ranges.MyIp.parse(myIpResolvers.get(),
                clients.plainHttp()), Duration.ofSeconds(3), Clock.systemUTC());
        cache.define(RANGES, clusterId -> rangesService.read(ClusterRef.parseId(clusterId)).ranges().stream()
                .map(Suggestion::of).toList(), Duration.ofSeconds(20));
        register(catalog, new dev.aksh.shell.commands.RangesCommands(rangesService, clusters, network, connect, myIp,
                new dev.aksh.ranges.ApiServerProbe(apiServerAddress, Clock.systemUTC()), session, console, completers,
                () -> production.match(session.get()),
                r -> {
                    SessionContext c = session.get();
                    return c.cluster() == null ? List.of() : cache.get(RANGES + ":" + c.cluster().id());
                }, r -> {
                    SessionContext c = session.get();
                    return c.cluster() == null ? List.of() : cache.get(BASTIONS + ":" + c.cluster().id());
                }).commands());
        register(catalog, new InvokeCommands(invoke, tunnels, tunnelRoute, tools, clusters, session, console, completers,
                kube.completer(),
                (cluster, command, f) -> {
                    if (Integer.valueOf(0).equals(f.result().exitCode())) {
                        kube.harvest(cluster.id(), command, f.result().logs());
                    }
                }).commands());

        List<String> self = new ArrayList<>(SelfCommand.argv());
        if (options.sandbox()) {
            // the sandbox's identity lives in aksh, so its hub kubeconfigs run aksh in the same world
            self.add("--sandbox");
            if (options.sandboxWorld() != null) {
                self.add("--sandbox-world");
                self.add(options.sandboxWorld().toAbsolutePath().toString());
            }
        }
        BiFunction<String, String, FleetCommands.HubUser> hubUsers = (serverId, choice) -> {
            boolean installed = tools.find("kubelogin") != null;
            boolean kubelogin = choice != null ? choice.equals("kubelogin") : installed && credentials.sharedWithAzureCli();
            if (kubelogin) {
                if (!installed) {
                    console.warn("kubelogin is not installed here, so kubectl cannot use this context until it is: "
                            + LocalTools.installHint("kubelogin"));
                }
                return new FleetCommands.HubUser(ExecCredentials.kubelogin(serverId),
                        "kubelogin (--login azurecli: your Azure CLI sign-in)");
            }
            return new FleetCommands.HubUser(ExecCredentials.aksh(self, serverId), "aksh kube-token (" + self.get(0) + ")");
        };
        register(catalog, new FleetCommands(fleets, subscriptions, identity, new FleetInvokeService(clusters, invoke, tunnels,
                tunnelRoute, tools), session, console, completers, hubUsers, home, background).commands());
        register(catalog, new KubeTokenCommands(clients::token, console).commands());
        dev.aksh.shell.commands.SandboxCommands sandboxCommands = null;
        if (options.sandbox()) {
            // the sandbox's own controls: only a sandbox session has them
            SandboxSession worlds = new SandboxSession(sandbox::join, tunnels, session, cache);
            dev.aksh.lessons.Tutor tutor = new dev.aksh.lessons.Tutor(sandbox::join, worlds::restart,
                    store.file().resolveSibling("lessons"), Clock.systemUTC());
            sandboxCommands = new dev.aksh.shell.commands.SandboxCommands(sandbox::join, worlds, tutor, tempRoot);
            register(catalog, sandboxCommands.commands());
        }
        register(catalog, new dev.aksh.shell.commands.ReadOnlyCommands(session, options.readOnly(),
                () -> config.readOnly(session.get().cluster()) ? session.get().cluster().name() + " is in readOnlyClusters in "
                        + store.file().resolveSibling(dev.aksh.session.AkshConfig.FILE) : null).commands());
        dev.aksh.network.PrivateDnsService privateDns = new dev.aksh.network.PrivateDnsService(clients);
        dev.aksh.network.PeeringService peeringService = new dev.aksh.network.PeeringService(clients, network, privateDns);
        register(catalog, new dev.aksh.shell.commands.NetworkCommands(privateDns, peeringService, network, clusters, session,
                console, completers).commands());
        register(catalog, new dev.aksh.shell.commands.AdviseCommands(new dev.aksh.advise.AdviseService(network, discovery,
                peeringService, privateDns, myIp, new dev.aksh.azure.RoleService(ArmRest.of(clients)), () -> identity.whoami().objectId()),
                new dev.aksh.advise.ReachCheck(reachFromHere, Duration.ofSeconds(3)), myIp,
                clusters, session, console, completers).commands());

        shell = new Shell(catalog, console, List.of(new ArmErrors()));
        holder[0] = shell;
        if (sandboxCommands != null) {
            dev.aksh.shell.commands.SandboxCommands lessons = sandboxCommands;
            shell.afterEach(outcome -> {
                List<String> lines = lessons.progress();
                for (String line : lines) {
                    console.err().println(line.startsWith("✓") || line.startsWith("Lesson ")
                            ? console.style(line, dev.aksh.render.Style.OK) : line);
                }
                console.err().flush();
            });
        }
        shellCommands.attach(shell);
        shell.addGuard((spec, inv) -> {
            if (!readOnly()) {
                return;
            }
            String how = options.readOnly() ? "start aksh without --read-only to change things"
                    : config.readOnly(session.get().cluster()) ? session.get().cluster().name() + " is listed in readOnlyClusters "
                            + "in " + dev.aksh.session.AkshConfig.FILE
                    : "'readonly off' turns it off";
            if (spec.safety() != Safety.READ) {
                throw AkshException.refused("'" + spec.name() + "' changes state and read-only mode is on", how);
            }
            String change = spec.mutation(inv);
            if (change != null) {
                throw AkshException.refused("'" + spec.name() + "' of " + change + " changes the cluster and read-only mode "
                        + "is on", how + "; read-only commands (get, describe, logs, top…) still run");
            }
        });
        shell.addGuard((spec, inv) -> {
            String mutation = spec.safety() != Safety.READ ? null : spec.mutation(inv);
            String change = spec.safety() != Safety.READ ? "'" + spec.name() + "'" : mutation == null ? null
                    : "'" + spec.name() + "' of " + mutation;
            boolean dryRun = spec.option("dry-run") != null && inv.flag("dry-run");
            // commands that ask for themselves (after showing what would change) are not asked twice
            String match = change == null || dryRun || spec.asksFirst() ? null : production.match(session.get());
            if (match == null) {
                return;
            }
            String where = productionLabel(session.get());
            if (!console.confirm(where + " is a production context (matches '" + match + "'). Go ahead with " + change + "?")) {
                throw AkshException.refused(change + " changes " + where + ", a production context (matches '" + match
                        + "'), and was not confirmed", console.interactive() ? "answer yes to go ahead"
                                : "pass --yes to confirm in scripts");
            }
        });
        completion = new CompletionEngine(catalog, spec -> spec.safety() == Safety.READ || !readOnly());
    }

    static String productionLabel(SessionContext c) {
        return c.cluster() != null ? c.cluster().name() : c.subscription() != null ? c.subscription().name() : "this context";
    }

    /** Whether the current context is a production one (red prompt, questions before changes). */
    public boolean production() {
        return production.match(session.get()) != null;
    }

    static final String BASTIONS = "bastions";
    static final String RANGES = "ranges";

    /** Where tunnels keep their private files: the per-user runtime directory if there is one, else the temp directory. */
    static Path tempRoot(Environment env) {
        String runtime = env.env().get("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank() && java.nio.file.Files.isDirectory(Path.of(runtime))) {
            return Path.of(runtime);
        }
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    private static String subscriptionName(SubscriptionService subscriptions, String id) {
        try {
            return subscriptions.list().stream().filter(s -> s.id().equalsIgnoreCase(id)).map(s -> s.name())
                    .findFirst().orElse(id);
        } catch (RuntimeException e) {
            return id;
        }
    }

    /** The tunnels open in this process. */
    public TunnelManager tunnels() {
        return tunnels;
    }

    /** Read-only for this process (--read-only) or saved in the context. */
    public boolean readOnly() {
        return options.readOnly() || session.get().readOnly() || config.readOnly(session.get().cluster());
    }

    private static void register(CommandCatalog catalog, List<CommandSpec> specs) {
        specs.forEach(catalog::register);
    }

    /** Loads completion values in the background: subscriptions, and the current subscription's clusters. */
    public void warmCaches() {
        cache.refresh(Completers.SUBSCRIPTIONS);
        SessionContext c = session.get();
        if (c.subscription() != null) {
            cache.refresh(Completers.clustersKey(c.subscription().id()));
        }
    }

    public Shell shell() {
        return shell;
    }

    public SessionState session() {
        return session;
    }

    public ShellControl control() {
        return control;
    }

    public CompletionEngine completion() {
        return completion;
    }

    public CompletionCache cache() {
        return cache;
    }

    public Console console() {
        return console;
    }

    public LaunchOptions options() {
        return options;
    }

    public Path historyFile() {
        return store.file().resolveSibling(options.sandbox() ? "history.sandbox" : "history");
    }

    /** The world, in the sandbox; null against real Azure. */
    public World world() {
        return world;
    }

    /** The running FakeAzure (waiting for it to start), or null against real Azure. */
    public FakeAzure sandbox() {
        return sandbox == null ? null : sandbox.join();
    }

    public String environmentLabel() {
        return environmentLabel.get();
    }

    /** Prints an outcome's error as one line (and the details with --debug). */
    public void report(Shell.Outcome outcome, String where) {
        if (outcome.error() == null) {
            return;
        }
        AkshException e = outcome.error();
        String prefix = where == null ? "" : where + ": ";
        if (e.exitCode() == dev.aksh.error.ExitCode.INTERRUPTED || e.exitCode() == dev.aksh.error.ExitCode.PENDING) {
            // not failures of aksh: the operator stopped waiting, or the remote side is still busy
            console.err().println(console.style(prefix + e.oneLine(), dev.aksh.render.Style.WARN));
        } else {
            console.err().println(console.style("error: ", dev.aksh.render.Style.BAD) + prefix + e.oneLine());
        }
        if (options.debug()) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            cause.printStackTrace(console.err());
        }
        console.err().flush();
    }

    @Override
    public void close() {
        tunnels.close();
        try {
            Runtime.getRuntime().removeShutdownHook(closeTunnelsOnExit);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs anyway
        }
        console.out().flush();
        console.err().flush();
        if (sandbox != null && sandbox.isDone() && !sandbox.isCompletedExceptionally()) {
            sandbox.join().close();
        }
        background.shutdownNow();
    }
}
