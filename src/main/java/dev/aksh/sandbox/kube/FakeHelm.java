package dev.aksh.sandbox.kube;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The helm of the run-command pod: {@code list}, {@code install}, {@code upgrade --install},
 * {@code uninstall}, {@code repo add|update|list}, {@code status}, {@code version}. Repositories
 * live only as long as the pod (as in AKS, where each command gets a new pod), so
 * {@code helm repo add … && helm install …} must run in one command. Installing a chart creates its
 * Deployment and Service in the fake cluster.
 */
final class FakeHelm {
    private static final DateTimeFormatter UPDATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSSSS Z 'UTC'",
            Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DEPLOYED = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final PodShell.Pod pod;
    private final KubeCluster cluster;

    FakeHelm(PodShell.Pod pod) {
        this.pod = pod;
        this.cluster = pod.cluster;
    }

    PodShell.Io run(List<String> argv) {
        List<String> positional = new ArrayList<>();
        String ns = "default";
        boolean allNamespaces = false;
        boolean createNamespace = false;
        boolean install = false;
        for (int i = 0; i < argv.size(); i++) {
            String a = argv.get(i);
            switch (a) {
                case "-n", "--namespace" -> ns = i + 1 < argv.size() ? argv.get(++i) : ns;
                case "-A", "--all-namespaces" -> allNamespaces = true;
                case "--create-namespace" -> createNamespace = true;
                case "-i", "--install" -> install = true;
                case "--set", "--version", "-f", "--values", "--timeout" -> i++;
                case "--wait", "--atomic", "--debug" -> {
                }
                default -> {
                    if (a.startsWith("--namespace=")) {
                        ns = a.substring("--namespace=".length());
                    } else if (!a.startsWith("-")) {
                        positional.add(a);
                    }
                }
            }
        }
        if (positional.isEmpty()) {
            return PodShell.Io.ok("The Kubernetes package manager\n\nUsage:\n  helm [command]\n");
        }
        if (!pod.authorized && !positional.get(0).equals("version") && !positional.get(0).equals("repo")) {
            return PodShell.Io.fail("Error: Kubernetes cluster unreachable: the server has asked for the client to "
                    + "provide credentials\n", 1);
        }
        String verb = positional.get(0);
        List<String> args = positional.subList(1, positional.size());
        return switch (verb) {
            case "list", "ls" -> list(allNamespaces ? null : ns);
            case "install" -> install(args, ns, createNamespace, false);
            case "upgrade" -> install ? install(args, ns, createNamespace, true)
                    : PodShell.Io.fail("Error: UPGRADE FAILED: the sandbox's helm upgrades with --install\n", 1);
            case "uninstall", "delete", "un", "del" -> uninstall(args, ns);
            case "status" -> status(args, ns);
            case "repo" -> repo(args);
            case "version" -> PodShell.Io.ok("version.BuildInfo{Version:\"v3.16.2\", GitCommit:\"13654a52f7c70a143b1dd51416d633e1071faffb\", "
                    + "GitTreeState:\"clean\", GoVersion:\"go1.22.7\"}\n");
            default -> PodShell.Io.fail("Error: unknown command \"" + verb + "\" for \"helm\"\nRun 'helm --help' for usage.\n", 1);
        };
    }

    private PodShell.Io list(String ns) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("NAME", "NAMESPACE", "REVISION", "UPDATED", "STATUS", "CHART", "APP VERSION"));
        for (KubeCluster.HelmRelease r : cluster.releases(ns)) {
            rows.add(List.of(r.name(), r.namespace(), String.valueOf(r.revision()), UPDATED.format(r.updated()), r.status(),
                    r.chart(), r.appVersion()));
        }
        int[] w = new int[7];
        for (List<String> row : rows) {
            for (int i = 0; i < 7; i++) {
                w[i] = Math.max(w[i], row.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (List<String> row : rows) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                cells.add(i == 6 ? row.get(i) : row.get(i) + " ".repeat(w[i] - row.get(i).length()));
            }
            sb.append(String.join("\t", cells).stripTrailing()).append('\n');
        }
        return PodShell.Io.ok(sb.toString());
    }

    private PodShell.Io install(List<String> args, String ns, boolean createNamespace, boolean upgrade) {
        String verb = upgrade ? "UPGRADE" : "INSTALLATION";
        if (args.size() < 2) {
            return PodShell.Io.fail("Error: \"helm " + (upgrade ? "upgrade" : "install") + "\" requires at least 2 arguments\n", 1);
        }
        String release = args.get(0);
        String chartRef = args.get(1);
        int slash = chartRef.indexOf('/');
        if (slash < 0) {
            return PodShell.Io.fail("Error: " + verb + " FAILED: repo " + chartRef + " not found\n", 1);
        }
        String repo = chartRef.substring(0, slash);
        String chart = chartRef.substring(slash + 1);
        if (!pod.helmRepos.containsKey(repo)) {
            return PodShell.Io.fail("Error: " + verb + " FAILED: repo " + repo + " not found\n", 1);
        }
        if (!cluster.namespaceExists(ns)) {
            if (!createNamespace) {
                return PodShell.Io.fail("Error: " + verb + " FAILED: create: failed to create: namespaces \"" + ns
                        + "\" not found\n", 1);
            }
            cluster.createNamespace(ns, cluster.now());
        }
        if (!upgrade && cluster.release(ns, release) != null) {
            return PodShell.Io.fail("Error: INSTALLATION FAILED: cannot re-use a name that is still in use\n", 1);
        }
        String appVersion = chart.equals("nginx") ? "1.27.3" : "1.0.0";
        String fullName = release.contains(chart) ? release : release + "-" + chart;
        Map<String, String> labels = Map.of("app.kubernetes.io/instance", release, "app.kubernetes.io/name", chart);
        cluster.apply(KubeSeed.deploymentManifest(fullName, ns, "docker.io/bitnami/" + chart + ":" + appVersion, 1, 8080,
                labels), ns);
        var svc = KubeCluster.JSON.createObjectNode();
        svc.put("apiVersion", "v1").put("kind", "Service");
        var meta = svc.putObject("metadata");
        meta.put("name", fullName).put("namespace", ns);
        var ml = meta.putObject("labels");
        labels.forEach(ml::put);
        var spec = svc.putObject("spec");
        spec.put("type", "LoadBalancer");
        var sel = spec.putObject("selector");
        labels.forEach(sel::put);
        spec.putArray("ports").addObject().put("name", "http").put("port", 80).put("protocol", "TCP").put("targetPort", 8080);
        cluster.apply(svc, ns);
        KubeCluster.HelmRelease r = cluster.installRelease(ns, release, chart + "-18.3.1", appVersion);
        String head = upgrade && r.revision() > 1 ? "Release \"" + release + "\" has been upgraded. Happy Helming!\n" : "";
        return PodShell.Io.ok(head + "NAME: " + release + "\nLAST DEPLOYED: " + DEPLOYED.format(r.updated()) + "\nNAMESPACE: "
                + ns + "\nSTATUS: deployed\nREVISION: " + r.revision() + "\nTEST SUITE: None\nNOTES:\nCHART NAME: " + chart
                + "\nCHART VERSION: 18.3.1\nAPP VERSION: " + appVersion + "\n");
    }

    private PodShell.Io uninstall(List<String> args, String ns) {
        if (args.isEmpty()) {
            return PodShell.Io.fail("Error: \"helm uninstall\" requires at least 1 argument\n", 1);
        }
        StringBuilder out = new StringBuilder();
        for (String name : args) {
            if (cluster.release(ns, name) == null) {
                return new PodShell.Io(out.toString(), "Error: uninstall: Release not loaded: " + name + ": release: not found\n", 1);
            }
            cluster.uninstallRelease(ns, name);
            out.append("release \"").append(name).append("\" uninstalled\n");
        }
        return PodShell.Io.ok(out.toString());
    }

    private PodShell.Io status(List<String> args, String ns) {
        if (args.isEmpty()) {
            return PodShell.Io.fail("Error: \"helm status\" requires 1 argument\n", 1);
        }
        KubeCluster.HelmRelease r = cluster.release(ns, args.get(0));
        if (r == null) {
            return PodShell.Io.fail("Error: release: not found\n", 1);
        }
        return PodShell.Io.ok("NAME: " + r.name() + "\nLAST DEPLOYED: " + DEPLOYED.format(r.updated()) + "\nNAMESPACE: "
                + r.namespace() + "\nSTATUS: " + r.status() + "\nREVISION: " + r.revision() + "\nTEST SUITE: None\n");
    }

    private PodShell.Io repo(List<String> args) {
        if (args.isEmpty()) {
            return PodShell.Io.fail("Error: \"helm repo\" requires a subcommand\n", 1);
        }
        switch (args.get(0)) {
            case "add" -> {
                if (args.size() < 3) {
                    return PodShell.Io.fail("Error: \"helm repo add\" requires 2 arguments\n", 1);
                }
                pod.helmRepos.put(args.get(1), args.get(2));
                return PodShell.Io.ok("\"" + args.get(1) + "\" has been added to your repositories\n");
            }
            case "update", "up" -> {
                if (pod.helmRepos.isEmpty()) {
                    return PodShell.Io.fail("Error: no repositories found. You must add one before updating\n", 1);
                }
                StringBuilder sb = new StringBuilder("Hang tight while we grab the latest from your chart repositories...\n");
                pod.helmRepos.keySet().forEach(r -> sb.append("...Successfully got an update from the \"").append(r)
                        .append("\" chart repository\n"));
                return PodShell.Io.ok(sb.append("Update Complete. ⎈Happy Helming!⎈\n").toString());
            }
            case "list", "ls" -> {
                if (pod.helmRepos.isEmpty()) {
                    return PodShell.Io.fail("Error: no repositories to show\n", 1);
                }
                StringBuilder sb = new StringBuilder("NAME   \tURL\n");
                pod.helmRepos.forEach((k, v) -> sb.append(k).append("\t").append(v).append('\n'));
                return PodShell.Io.ok(sb.toString());
            }
            default -> {
                return PodShell.Io.fail("Error: unknown command \"" + args.get(0) + "\" for \"helm repo\"\n", 1);
            }
        }
    }
}
