package dev.aksh.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The benchmark entry point ({@code ./bench [NAME...]}): runs benchmarks against the built aksh and
 * writes their results into docs/benchmarks.md. Speed and memory targets are checked here, never
 * by timed unit tests.
 */
public final class Bench {
    /** One AAD-managed cluster (so a cluster token is fetched) whose run-command pod starts at once. */
    private static final String ONE_AAD_CLUSTER = """
            defaultSubscription: Bench
            subscriptions:
              - id: 99999999-9999-4999-8999-999999999999
                name: Bench
                resourceGroups:
                  - name: rg-bench
                    clusters:
                      - {name: aks-bench, aad: true, commandPod: {latencyMs: 0}}
            """;

    private final Path repo;
    private final int runs;

    private Bench(Path repo, int runs) {
        this.repo = repo;
        this.runs = runs;
    }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(System.getProperty("aksh.home", ".")).toAbsolutePath().normalize();
        int runs = Integer.getInteger("bench.runs", 7);
        List<String> names = args.length == 0 ? List.of("startup") : List.of(args);
        Bench bench = new Bench(repo, runs);
        for (String name : names) {
            switch (name) {
                case "startup" -> bench.startup();
                case "invoke" -> bench.invoke();
                case "tunnel" -> bench.tunnel();
                case "fleet" -> bench.fleet();
                case "completion" -> bench.completion();
                case "az" -> bench.az();
                case "all" -> {
                    bench.startup();
                    bench.invoke();
                    bench.tunnel();
                    bench.fleet();
                    bench.completion();
                }
                default -> {
                    System.err.println("bench: unknown benchmark '" + name + "'; known: startup, invoke, tunnel, fleet, completion, az, "
                            + "all (az is not in all: it needs the Azure CLI and a network namespace)");
                    System.exit(64);
                }
            }
        }
    }

    // ---------------------------------------------------------------- startup

    private void startup() throws Exception {
        Path launcher = repo.resolve("aksh");
        Path home = Files.createTempDirectory("aksh-bench");
        try {
            Map<String, String> env = Map.of("HOME", home.toString(), "AKSH_CONFIG_DIR", home.resolve("config").toString(),
                    "XDG_CACHE_HOME", repo.resolve("target/bench-cache").toString(), "TERM", "xterm-256color",
                    "PATH", System.getenv("PATH"), "LANG", "C.UTF-8");
            // the first run prepares the class-data archive; it is not measured
            exec(List.of(launcher.toString(), "--sandbox", "-c", "version"), env, null);

            Measurements prompt = new Measurements();
            Measurements rssAtPrompt = new Measurements();
            Measurements rssSettled = new Measurements();
            for (int i = 0; i < runs; i++) {
                PromptRun r = toPrompt(launcher, env);
                prompt.add(r.seconds);
                rssAtPrompt.add(r.rssAtPromptMb);
                rssSettled.add(r.rssSettledMb);
            }
            Measurements clusterList = new Measurements();
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                Result r = exec(List.of(launcher.toString(), "--sandbox", "-c", "cluster list"), env, null);
                if (r.exit != 0 || !r.out.contains("aks-web")) {
                    throw new IllegalStateException("cluster list failed: " + r.err);
                }
                clusterList.add((System.nanoTime() - t0) / 1e9);
            }
            Map<String, String> noArchive = new java.util.HashMap<>(env);
            noArchive.put("AKSH_NO_CDS", "1");
            Measurements promptNoArchive = new Measurements();
            for (int i = 0; i < Math.max(3, runs / 2); i++) {
                promptNoArchive.add(toPrompt(launcher, noArchive).seconds);
            }

            boolean promptOk = prompt.median() <= 1.2;
            boolean rssOk = rssSettled.max() <= 300;
            String body = """
                    ## Startup (issue 2)

                    %s · %s · %d cores (%s) · `%s`

                    | what | result | target | |
                    |---|---|---|---|
                    | launch → prompt, `./aksh --sandbox` in a pty | %s | ≤ 1.2 s | %s |
                    | RSS when the prompt appears | %s | | |
                    | RSS 3 s later (caches warmed in the background) | %s | ≤ 300 MB | %s |
                    | `./aksh --sandbox -c "cluster list"`, end to end | %s | (measured) | |
                    | launch → prompt without the class-data archive (`AKSH_NO_CDS=1`) | %s | (for comparison) | |

                    How: `./bench startup` starts the launcher under util-linux `script` (a real pseudo-terminal,
                    160×40), and times from process start until the ANSI-stripped screen shows the prompt
                    `[SANDBOX] … > `; RSS is the JVM's VmRSS from /proc. The sandbox (FakeAzure with its CA and
                    HTTPS server) starts in the background while the shell builds its line reader. The launcher
                    runs the JVM with a class-data archive made once per build and JVM (static AppCDS on JDK 17,
                    the AOT cache on JDK 25) and the serial GC.
                    """.formatted(LocalDate.now(), javaVersion(), Runtime.getRuntime().availableProcessors(), cpu(), javaPath(),
                    prompt.summary("s", 2), promptOk ? "✅" : "❌",
                    rssAtPrompt.summary("MB", 0),
                    rssSettled.summary("MB", 0), rssOk ? "✅" : "❌",
                    clusterList.summary("s", 2),
                    promptNoArchive.summary("s", 2));
            BenchmarkFile.write(repo.resolve("docs/benchmarks.md"), "startup", body);
            System.out.println(body);
        } finally {
            deleteTree(home);
        }
    }

    private record PromptRun(double seconds, double rssAtPromptMb, double rssSettledMb) {
    }

    // ---------------------------------------------------------------- tunnel

    private void tunnel() throws Exception {
        TunnelBench.Results r = TunnelBench.run(runs);
        double ratio = r.tunnelMBps().median() / r.directMBps().median();
        Double kubectlRatio = r.kubectlDirectMBps() == null ? null
                : r.kubectlTunnelMBps().median() / r.kubectlDirectMBps().median();
        boolean setupOk = r.warmSetupMs().median() <= 50;
        boolean concurrentOk = r.concurrentErrors() == 0;
        String kubectlRows = kubectlRatio == null
                ? "| `kubectl get --raw` of the ConfigMap | (kubectl is not installed here) | ≥ 0.8 × direct | |\n"
                : String.format(java.util.Locale.ROOT, """
                        | `kubectl get --raw` of the ConfigMap, straight to the API server (4 kubectl runs per sample) | %s | | |
                        | `kubectl get --raw` of the ConfigMap, through the tunnel | %s | ≥ 0.8 × direct | %s %.2f × |
                        """, r.kubectlDirectMBps().summary("MB/s", 0), r.kubectlTunnelMBps().summary("MB/s", 0),
                        kubectlRatio >= 0.8 ? "✅" : "❌", kubectlRatio);
        String body = """
                ## Bastion tunnel (issue 4)

                %s · %s · %d cores

                | what | result | target | |
                |---|---|---|---|
                | bulk, raw HTTPS client, straight to the fake API server (%d MB ConfigMap, 6 GETs per sample, one connection) | %s | | |
                | bulk, raw HTTPS client, through the tunnel | %s | ≥ 0.8 × direct | %s %.2f × |
                %s| new connection through the tunnel, pre-warmed sessions: connect + verified TLS + `GET /version` | %s | ≤ 50 ms median | %s |
                | the same straight to the API server (what the tunnel adds is the difference) | %s | | |
                | the same with no pre-warmed session (token + WebSocket per connection, as `az network bastion tunnel`) | %s | (for comparison) | |
                | %d concurrent new connections, each `GET /api/v1/namespaces/kube-system/pods` | %d errors; %s each | no error | %s |
                | Bastion sessions left after the tunnels closed | %d | 0 | %s |

                How: `./bench tunnel` starts FakeAzure in process (a Standard Bastion with native client support and
                a private AAD cluster in one VNet; the benchmark's JVM runs with aksh's JVM options), stores a ConfigMap of random base64 in the cluster, and opens
                aksh's own `BastionTunnel` (the class `connect bastion` uses) to it. Each bulk sample fetches the
                ConfigMap over one kept-alive TLS connection, alternating direct and tunnel samples; the kubectl rows
                run the installed kubectl (a new process per fetch, as operators run it) against a kubeconfig for each
                path. Setup samples wait for the pool to refill between connections (as between two kubectl
                commands); %d of %d tunnel connections in the run started on a pre-warmed session.

                Reading the bulk rows: everything runs on loopback on %d cores, so bytes cost CPU, not bandwidth. The
                tunnel path has two more TCP hops and one more TLS layer than the direct one (client → aksh's
                listener → WebSocket over TLS → Bastion → API server), all on the same cores as the API server and
                the client; with a client that costs as little per byte as the raw one, that extra work shows. With
                kubectl as the client, or on real Azure, where the network is the bottleneck, it does not.
                """.formatted(LocalDate.now(), javaVersion(), Runtime.getRuntime().availableProcessors(),
                TunnelBench.BLOB_MB, r.directMBps().summary("MB/s", 0), r.tunnelMBps().summary("MB/s", 0),
                ratio >= 0.8 ? "✅" : "❌", ratio, kubectlRows,
                r.warmSetupMs().summary("ms", 1), setupOk ? "✅" : "❌",
                r.directSetupMs().summary("ms", 1), r.coldSetupMs().summary("ms", 1),
                r.concurrent(), r.concurrentErrors(), r.concurrentMs().summary("ms", 0), concurrentOk ? "✅" : "❌",
                r.sessionsLeft(), r.sessionsLeft() == 0 ? "✅" : "❌",
                r.fromPool(), r.connections(), Runtime.getRuntime().availableProcessors());
        BenchmarkFile.write(repo.resolve("docs/benchmarks.md"), "tunnel", body);
        System.out.println(body);
    }

    // ---------------------------------------------------------------- invoke

    private void invoke() throws Exception {
        Path launcher = repo.resolve("aksh");
        Path home = Files.createTempDirectory("aksh-bench");
        try {
            Path world = home.resolve("bench-world.yaml");
            Files.writeString(world, ONE_AAD_CLUSTER);
            Shell shell = shell(launcher, home, " --sandbox-world " + world);
            Process p = shell.process();
            ByteArrayOutputStream screen = shell.screen();
            OutputStream keys = p.getOutputStream();
            awaitScreen(screen, "[SANDBOX] Bench > ", 0);
            type(keys, "cluster use aks-bench\r");
            awaitScreen(screen, "aks-bench (run-command) > ", 0);
            type(keys, "invoke 'kubectl version --client'\r");
            awaitScreen(screen, "Kustomize Version", 0);
            Measurements enterToOutput = new Measurements();
            for (int i = 0; i < runs; i++) {
                keys.write("invoke 'sleep 2; kubectl version --client'".getBytes(StandardCharsets.UTF_8));
                keys.flush();
                Thread.sleep(300);
                int from = screen.size();
                long t0 = System.nanoTime();
                keys.write('\r');
                keys.flush();
                awaitScreen(screen, "Kustomize Version", from);
                enterToOutput.add((System.nanoTime() - t0) / 1e9);
                awaitScreen(screen, "aks-bench (run-command) > ", screen.size() - 200);
            }
            type(keys, "exit\r");
            p.waitFor(30, TimeUnit.SECONDS);
            boolean ok = enterToOutput.median() <= 2.4;
            String body = """
                    ## invoke through command invoke (issue 3)

                    %s · %s · %d cores

                    | what | result | target | |
                    |---|---|---|---|
                    | Enter → output, `invoke 'sleep 2; kubectl version --client'` in the interactive shell (T = 2 s) | %s | ≤ T + 0.4 s = 2.4 s | %s |

                    How: `./bench invoke` starts `./aksh` in a pty against a sandbox world whose run-command pod
                    starts at once (latency 0) on an AAD-managed cluster (so a cluster token is fetched), runs one
                    warm-up command, then times from the Enter key to the command's output line on the screen.
                    The fake answers the POST with 202 + Location and sends no Retry-After, so the time is aksh's
                    own polling: every 250 ms for the first 2 s, then an eighth of the time waited, at most 2 s
                    (az aks command invoke polls every 5 s: 5.7 s for the same command, ../shared/AZ-CLI.md).
                    """.formatted(LocalDate.now(), javaVersion(), Runtime.getRuntime().availableProcessors(),
                    enterToOutput.summary("s", 2), ok ? "✅" : "❌");
            BenchmarkFile.write(repo.resolve("docs/benchmarks.md"), "invoke", body);
            System.out.println(body);
        } finally {
            deleteTree(home);
        }
    }

    /**
     * {@code az aks command invoke} and {@code aksh -c "invoke …"} side by side against one served
     * sandbox, inside a network namespace with only loopback (the Azure CLI calls the internet on its
     * own): each run is a new process, end to end, as a script runs them.
     */
    private void az() throws Exception {
        if (!onPath("az") || !onPath("unshare")) {
            System.err.println("bench az: needs the Azure CLI (az; Debian: apt-get install azure-cli) and unshare (util-linux)");
            System.exit(69);
        }
        boolean root = exec(List.of("unshare", "-n", "-m", "true"), Map.of("PATH", System.getenv("PATH")), null).exit() == 0;
        Path home = Files.createTempDirectory("aksh-bench");
        try {
            Path world = home.resolve("bench-world.yaml");
            Files.writeString(world, ONE_AAD_CLUSTER);
            String command = "sleep 2; kubectl version --client";
            Path script = home.resolve("bench.sh");
            Files.writeString(script, """
                    set -u
                    ip link set lo up
                    cd "$BENCH_HOME"
                    "$LAUNCHER" sandbox serve --world bench-world.yaml --env bench.env > serve.log 2>&1 &
                    serve=$!
                    for i in $(seq 1 600); do [ -f bench.env ] && break; sleep 0.1; done
                    . ./bench.env > /dev/null 2>&1
                    run() { # name, then the command; prints name, seconds, whether the command's output came back
                      local name=$1; shift
                      local t0=$EPOCHREALTIME
                      "$@" > out.txt 2>&1
                      local t1=$EPOCHREALTIME
                      echo "$name $t0 $t1 $(grep -c 'Client Version' out.txt)"
                    }
                    az_invoke() { az aks command invoke -g rg-bench -n aks-bench --command "$COMMAND"; }
                    aksh_invoke() { "$LAUNCHER" -c "invoke '$COMMAND' --cluster aks-bench"; }
                    run warm-az az_invoke; run warm-aksh aksh_invoke
                    for i in $(seq 1 "$RUNS"); do run az az_invoke; run aksh aksh_invoke; done
                    kill -TERM $serve; wait $serve   # stopped by the signal: not a failure of the session
                    exit 0
                    """);
            List<String> cmd = new java.util.ArrayList<>(List.of("timeout", "900", "unshare"));
            if (!root) {
                cmd.add("-r");
            }
            cmd.addAll(List.of("-n", "-m", "bash", script.toString()));
            Map<String, String> env = new java.util.HashMap<>(Map.of("HOME", home.toString(), "BENCH_HOME", home.toString(),
                    "LAUNCHER", repo.resolve("aksh").toString(), "COMMAND", command, "RUNS", String.valueOf(Math.max(5, runs)),
                    "XDG_CACHE_HOME", repo.resolve("target/bench-cache").toString(), "PATH", System.getenv("PATH"),
                    "LANG", "C.UTF-8"));
            if (System.getenv("JAVA_HOME") != null) {
                env.put("JAVA_HOME", System.getenv("JAVA_HOME"));
            }
            // the launcher's class-data archive is made once per build, outside the timed runs
            exec(List.of(repo.resolve("aksh").toString(), "--version"), env, null);
            Result session = exec(cmd, env, null);
            int status = session.exit();
            String out = session.out() + session.err();
            Measurements az = new Measurements();
            Measurements aksh = new Measurements();
            for (String line : session.out().split("\n")) {
                String[] f = line.trim().split(" ");
                if (f.length != 4 || !(f[0].equals("az") || f[0].equals("aksh"))) {
                    continue;
                }
                if (!f[3].equals("1")) {
                    throw new IllegalStateException(f[0] + " did not print the command's output:\n" + out);
                }
                double seconds = Double.parseDouble(f[2]) - Double.parseDouble(f[1]);
                (f[0].equals("az") ? az : aksh).add(seconds);
            }
            if (status != 0 || az.count() < 5 || aksh.count() < 5) {
                throw new IllegalStateException("the benchmark session failed (status " + status + "):\n" + out);
            }
            double ratio = az.median() / aksh.median();
            boolean ok = ratio >= 2.0;
            String body = """
                    ## az aks command invoke vs aksh -c "invoke …" (issue 10)

                    %s · %s · %d cores · Azure CLI %s

                    | what | result | target | |
                    |---|---|---|---|
                    | `az aks command invoke -g rg-bench -n aks-bench --command "%s"`, end to end | %s | (for comparison) | |
                    | `aksh -c "invoke '%s' --cluster aks-bench"`, end to end | %s | ≤ az / 2 | %s %.2f× |

                    How: `./bench az` starts `aksh sandbox serve` with a one-cluster world (an AAD-managed cluster, so
                    both fetch a cluster token; run-command pod latency 0; the fake sends no Retry-After) inside
                    `unshare -n -m` (only loopback: the Azure CLI calls the internet on its own), points the Azure
                    CLI (a service principal login) and aksh's real-Azure path (`AKSH_ARM_ENDPOINT`, the same service
                    principal through azure-identity) at it, runs each once untimed, then alternates them; each run
                    is a new process, timed from start to exit. The command itself takes 2 s.

                    Reading it: az polls the result every 5 s (hard-coded when no Retry-After comes), so it answers at
                    about 5.7 s. aksh polls every 250 ms for the first 2 s, then an eighth of the time waited; what it
                    spends beyond the command's 2 s is a cold JVM: about 0.1 s to start, then signing in with MSAL,
                    the first TLS connection and the cluster lookup (overlapped with the shell's own start-up), about
                    0.6 s, before the command is submitted, and 0.06 s to print and exit. Until the submission both
                    cores are busy, much of it with the JIT compilers (docs/decisions.md). The margin over 2× is a few
                    percent: both share two cores with the served sandbox, and az's own time varies by ±0.15 s. In a
                    running aksh session the same command takes 2.03 s from Enter to output (see "invoke through
                    command invoke" above).
                    """.formatted(LocalDate.now(), javaVersion(), Runtime.getRuntime().availableProcessors(), azVersion(),
                    command, az.summary("s", 2), command, aksh.summary("s", 2), ok ? "✅" : "❌", ratio);
            BenchmarkFile.write(repo.resolve("docs/benchmarks.md"), "az", body);
            System.out.println(body);
        } finally {
            deleteTree(home);
        }
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** The installed Azure CLI's version, from its package (az --version calls the internet). */
    private static String azVersion() {
        try {
            String v = exec(List.of("dpkg-query", "-W", "-f=${Version}", "azure-cli"), Map.of("PATH", System.getenv("PATH")), null)
                    .out().trim();
            return v.isEmpty() ? "(version unknown)" : v;
        } catch (Exception e) {
            return "(version unknown)";
        }
    }

    /** {@code cluster use <TAB>} with 1,000 clusters: the completion engine Tab calls, in this JVM. */
    private void completion() throws Exception {
        Path home = Files.createTempDirectory("aksh-bench");
        try {
            StringBuilder world = new StringBuilder("""
                    defaultSubscription: Big
                    subscriptions:
                      - id: 77777777-7777-4777-8777-777777777777
                        name: Big
                        resourceGroups:
                    """);
            for (int g = 0; g < 20; g++) {
                world.append("      - name: rg-").append(String.format("%02d", g)).append("\n        clusters:\n");
                for (int i = 0; i < 50; i++) {
                    world.append("          - {name: aks-").append(String.format("%02d%02d", g, i)).append("}\n");
                }
            }
            Path file = home.resolve("big.yaml");
            Files.writeString(file, world);
            java.io.PrintStream sink = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
            dev.aksh.app.Environment env = new dev.aksh.app.Environment(java.io.InputStream.nullInputStream(), sink, sink, false,
                    false, Map.of("AKSH_CONFIG_DIR", home.resolve("config").toString()), home.toString(), "Linux");
            try (dev.aksh.app.Aksh aksh = new dev.aksh.app.Aksh(dev.aksh.app.LaunchOptions.parse(new String[] {
                    "--sandbox-world", file.toString()}), env, new dev.aksh.render.StreamConsole(sink, sink, false, false, false))) {
                var engine = aksh.completion();
                long t0 = System.nanoTime();
                int coldCount = engine.complete("cluster use ").size();
                double cold = (System.nanoTime() - t0) / 1e6;
                long deadline = System.nanoTime() + 60_000_000_000L;
                while (engine.complete("cluster use ").size() < 1000 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                int n = engine.complete("cluster use ").size();
                for (int i = 0; i < 2000; i++) {
                    engine.complete("cluster use aks-" + (i % 10)); // JIT warm-up, as a session that has been typing
                }
                Measurements all = new Measurements();
                Measurements prefix = new Measurements();
                for (int i = 0; i < 1000; i++) {
                    long a = System.nanoTime();
                    engine.complete("cluster use ");
                    all.add((System.nanoTime() - a) / 1e6);
                    long b = System.nanoTime();
                    engine.complete("cluster use aks-1" + (i % 10));
                    prefix.add((System.nanoTime() - b) / 1e6);
                }
                boolean ok = all.median() <= 20 && all.percentile(99) <= 50;
                String body = """
                        ## Completion (issue 8)

                        %s · %s · %d cores

                        | what | result | target | |
                        |---|---|---|---|
                        | `cluster use <TAB>`, %d clusters, warm cache | median %.2f ms, p99 %.2f ms (max %.2f, n=1000) | median ≤ 20 ms, p99 ≤ 50 ms | %s |
                        | `cluster use aks-1<digit><TAB>` (prefix of 50), warm cache | median %.2f ms, p99 %.2f ms (n=1000) | | |
                        | first Tab, cold cache: answers with what it has (%d) and loads in the background | %.2f ms | ≤ 50 ms | %s |

                        How: `./bench completion` builds aksh in this JVM against a sandbox world of 1,000 clusters in
                        20 resource groups and times the completion engine that the Tab key calls (the JLine adapter only
                        copies its candidates), after the background load has filled the cache; the first row's Tab
                        completes all 1,000 names with their descriptions.
                        """.formatted(LocalDate.now(), javaVersion(), Runtime.getRuntime().availableProcessors(), n, all.median(),
                        all.percentile(99), all.max(), ok ? "✅" : "❌", prefix.median(), prefix.percentile(99), coldCount, cold,
                        cold <= 50 ? "✅" : "❌");
                BenchmarkFile.write(repo.resolve("docs/benchmarks.md"), "completion", body);
                System.out.println(body);
            }
        } finally {
            deleteTree(home);
        }
    }

    /** {@code fleet invoke} on the 50-member fleet of the default world, each command taking 1 s. */
    private void fleet() throws Exception {
        Path launcher = repo.resolve("aksh");
        Path home = Files.createTempDirectory("aksh-bench");
        try {
            Shell shell = shell(launcher, home, " --sandbox");
            Process p = shell.process();
            ByteArrayOutputStream screen = shell.screen();
            OutputStream keys = p.getOutputStream();
            awaitScreen(screen, "[SANDBOX] ", 0);
            type(keys, "subscription use 'Contoso Platform'\r");
            awaitScreen(screen, "Contoso Platform > ", 0);
            type(keys, "fleet use fleet-scale\r");
            awaitScreen(screen, "fleet fleet-scale > ", 0);
            String command = "fleet invoke 'kubectl get nodes' --all --parallel 10";
            type(keys, "fleet invoke 'kubectl get nodes' --members member-01\r"); // warm-up
            awaitScreen(screen, "1 member: 1 succeeded", 0);
            Measurements wall = new Measurements();
            for (int i = 0; i < runs; i++) {
                awaitScreen(screen, "fleet fleet-scale > ", screen.size() - 200);
                keys.write(command.getBytes(StandardCharsets.UTF_8));
                keys.flush();
                Thread.sleep(300);
                int from = screen.size();
                long t0 = System.nanoTime();
                keys.write('\r');
                keys.flush();
                awaitScreen(screen, "50 members: 50 succeeded", from);
                wall.add((System.nanoTime() - t0) / 1e9);
            }
            type(keys, "exit\r");
            p.waitFor(30, TimeUnit.SECONDS);
            boolean ok = wall.median() <= 6.0;
            String body = """
                    ## fleet invoke across 50 members (issue 6)

                    %s · %s · %d cores

                    | what | result | target | |
                    |---|---|---|---|
                    | Enter → summary, `%s` on fleet-scale (50 members, each command 1 s) | %s | ≤ 6 s (ideal 5 s) | %s |

                    How: `./bench fleet` starts `./aksh --sandbox` in a pty, makes fleet-scale current (50
                    generated members, each its own cluster whose run-command pod takes 1 s), runs one member as a
                    warm-up, then times from the Enter key until the summary line is on the screen. Each member goes
                    through the whole run-command path over HTTPS: the cluster (one list for the resource group that
                    holds them all, not fifty GETs), an AAD cluster token (one, reused), POST runCommand (202 +
                    Location), polls on a fixed 250 ms cadence counted from the submission, the result; 10 workers
                    drain the queue, so 50 members are five rounds of 1 s plus aksh's overhead. Before: 6.08-6.13 s
                    with polls at a fixed delay after each answer and the SDK's blocking calls; a fixed poll rate
                    gave 5.84-5.88 s; the rest was single answers arriving ~0.5 s late on the SDK's synchronous
                    methods (its asynchronous ones plus block()) under ten concurrent pollers, which the pipeline's
                    own synchronous send does not do — run command now goes through it (docs/decisions.md).
                    """.formatted(LocalDate.now(), javaVersion(), Runtime.getRuntime().availableProcessors(), command,
                    wall.summary("s", 2), ok ? "✅" : "❌");
            BenchmarkFile.write(repo.resolve("docs/benchmarks.md"), "fleet", body);
            System.out.println(body);
        } finally {
            deleteTree(home);
        }
    }

    private record Shell(Process process, ByteArrayOutputStream screen) {
    }

    /** {@code ./aksh ARGS} in a 160×40 pty (util-linux script), once the class-data archive exists. */
    private Shell shell(Path launcher, Path home, String args) throws Exception {
        Map<String, String> env = Map.of("HOME", home.toString(), "AKSH_CONFIG_DIR", home.resolve("config").toString(),
                "XDG_CACHE_HOME", repo.resolve("target/bench-cache").toString(), "TERM", "xterm-256color",
                "PATH", System.getenv("PATH"), "LANG", "C.UTF-8");
        exec(List.of(launcher.toString(), "--sandbox", "-c", "version"), env, null);
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/script", "-qfec",
                "stty cols 160 rows 40; exec " + launcher + args, "/dev/null");
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        pump(p.getInputStream(), screen);
        return new Shell(p, screen);
    }

    private static void type(OutputStream keys, String text) throws IOException {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    /** Waits until the ANSI-stripped screen, from byte {@code from} on, shows {@code text}. */
    private static void awaitScreen(ByteArrayOutputStream screen, String text, int from) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            byte[] all;
            synchronized (screen) {
                all = screen.toByteArray();
            }
            int start = Math.max(0, Math.min(from, all.length));
            String s = new String(all, start, all.length - start, StandardCharsets.UTF_8)
                    .replaceAll("\u001b\\[[?0-9;]*[A-Za-z]", "").replace("\r", "");
            if (s.contains(text)) {
                return;
            }
            Thread.sleep(1);
        }
        throw new IllegalStateException("the screen never showed " + text + ":\n" + screen);
    }

    private PromptRun toPrompt(Path launcher, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/script", "-qfec",
                "stty cols 160 rows 40; exec " + launcher + " --sandbox", "/dev/null");
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        long t0 = System.nanoTime();
        Process p = pb.start();
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        Thread pump = pump(p.getInputStream(), screen);
        double seconds = -1;
        while (System.nanoTime() - t0 < 60_000_000_000L) {
            String s = screen.toString(StandardCharsets.UTF_8).replaceAll("\u001b\\[[?0-9;]*[A-Za-z]", "");
            if (s.contains("[SANDBOX] ") && s.substring(s.indexOf("[SANDBOX] ")).contains(" > ")) {
                seconds = (System.nanoTime() - t0) / 1e9;
                break;
            }
            Thread.sleep(2);
        }
        if (seconds < 0) {
            p.destroyForcibly();
            throw new IllegalStateException("no prompt within 60 s:\n" + screen);
        }
        double atPrompt = rssMb(p);
        Thread.sleep(3000);
        double settled = rssMb(p);
        OutputStream keys = p.getOutputStream();
        keys.write("exit\r".getBytes(StandardCharsets.UTF_8));
        keys.flush();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        pump.join(5000);
        return new PromptRun(seconds, atPrompt, settled);
    }

    /** VmRSS of the JVM under {@code script}, in MB. */
    private static double rssMb(Process script) throws IOException {
        Optional<ProcessHandle> java = script.toHandle().descendants()
                .filter(h -> h.info().command().map(c -> c.endsWith("/java")).orElse(false)).findFirst();
        if (java.isEmpty()) {
            return Double.NaN;
        }
        for (String line : Files.readAllLines(Path.of("/proc/" + java.get().pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    // ---------------------------------------------------------------- helpers

    record Result(int exit, String out, String err) {
    }

    static Result exec(List<String> cmd, Map<String, String> env, String stdin) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread a = pump(p.getInputStream(), out);
        Thread b = pump(p.getErrorStream(), err);
        try (OutputStream in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + cmd);
        }
        a.join();
        b.join();
        return new Result(p.exitValue(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Thread pump(InputStream in, OutputStream out) {
        Thread t = new Thread(() -> {
            try {
                byte[] buf = new byte[8192];
                int n;
                while ((n = in.read(buf)) >= 0) {
                    synchronized (out) {
                        out.write(buf, 0, n);
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static String javaVersion() {
        return "JDK " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")";
    }

    private static String javaPath() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String cpu() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        }
    }

}
