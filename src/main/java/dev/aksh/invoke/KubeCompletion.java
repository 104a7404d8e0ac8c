package dev.aksh.invoke;

import dev.aksh.shell.completion.CompletionCache;
import dev.aksh.shell.completion.Suggestion;
import dev.aksh.shell.completion.ValueCompleter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Completion inside the quoted command of {@code invoke}: kubectl and helm verbs, resource kinds,
 * namespaces, object names and Helm releases. Names come from a per-cluster cache that the
 * operator's own output fills ({@code kubectl get pods} teaches it the pods) and that a background
 * lookup fills otherwise; a keystroke never waits for either.
 */
public final class KubeCompletion {
    public static final String NAMESPACES = "kube-ns";
    public static final String NAMES = "kube-names";
    public static final String RELEASES = "helm-releases";

    static final List<String> KUBECTL_VERBS = List.of("apply", "cluster-info", "create", "delete", "describe", "get",
            "logs", "rollout", "scale", "top", "version");
    static final List<String> HELM_VERBS = List.of("install", "list", "repo", "status", "uninstall", "upgrade", "version");
    static final List<String> KINDS = List.of("all", "configmaps", "cronjobs", "daemonsets", "deployments", "events",
            "ingresses", "jobs", "namespaces", "nodes", "pods", "replicasets", "secrets", "serviceaccounts", "services",
            "statefulsets");
    static final List<String> PIPE_TOOLS = List.of("awk", "grep", "head", "jq", "sort", "tail", "wc", "xargs");
    private static final List<String> NAMED_VERBS = List.of("get", "describe", "delete", "scale", "edit", "label", "annotate");

    private final CompletionCache cache;
    private final Supplier<String> currentCluster;

    /**
     * @param currentCluster the current cluster's resource id (or null): names are cached per cluster
     */
    public KubeCompletion(CompletionCache cache, Supplier<String> currentCluster) {
        this(cache, currentCluster, () -> false);
    }

    private final java.util.function.BooleanSupplier readOnly;

    /** @param readOnly while true, verbs that change the cluster are not offered */
    public KubeCompletion(CompletionCache cache, Supplier<String> currentCluster, java.util.function.BooleanSupplier readOnly) {
        this.cache = cache;
        this.currentCluster = currentCluster;
        this.readOnly = readOnly;
    }

    /**
     * Declares how names are looked up when the cache has none: {@code lookup(clusterId, kubectl
     * command)} runs a command on the cluster and returns its output.
     */
    public void loaders(BiFunction<String, String, String> lookup) {
        cache.define(NAMESPACES, cluster -> names(lookup.apply(cluster, "kubectl get namespaces -o name")),
                java.time.Duration.ofMinutes(10));
        cache.define(NAMES, key -> {
            String[] k = key.split("\\|", 3);
            return names(lookup.apply(k[0], "kubectl get " + k[1] + (k[2].isEmpty() ? "" : " -n " + k[2]) + " -o name"));
        }, java.time.Duration.ofMinutes(5));
        cache.define(RELEASES, cluster -> {
            List<Suggestion> out = new ArrayList<>();
            for (String line : lookup.apply(cluster, "helm list -A -q").split("\n")) {
                if (!line.isBlank()) {
                    out.add(Suggestion.of(line.trim()));
                }
            }
            return out;
        }, java.time.Duration.ofMinutes(5));
    }

    /** The completer for invoke's COMMAND argument. */
    public ValueCompleter completer() {
        return r -> suggest(r.partial());
    }

    List<Suggestion> suggest(String partial) {
        int cut = lastSeparator(partial);
        String head = partial.substring(0, cut);
        String segment = partial.substring(cut);
        String lead = segment.substring(0, segment.length() - segment.stripLeading().length());
        String body = segment.stripLeading();
        List<String> words = new ArrayList<>(List.of(body.split("\\s+", -1)));
        if (body.isEmpty()) {
            words = new ArrayList<>(List.of(""));
        }
        String current = words.remove(words.size() - 1);
        String before = head + lead + body.substring(0, body.length() - current.length());
        List<String> values;
        if (words.isEmpty()) {
            values = head.trim().endsWith("|") ? PIPE_TOOLS : List.of("kubectl", "helm");
        } else if (words.get(0).equals("kubectl")) {
            values = kubectl(words.subList(1, words.size()), current);
        } else if (words.get(0).equals("helm")) {
            values = helm(words.subList(1, words.size()));
        } else {
            values = List.of();
        }
        List<Suggestion> out = new ArrayList<>();
        for (String v : values) {
            if (v.toLowerCase(Locale.ROOT).startsWith(current.toLowerCase(Locale.ROOT))) {
                out.add(new Suggestion(before + v, null, false, v));
            }
        }
        return out;
    }

    private List<String> kubectl(List<String> args, String current) {
        String prev = args.isEmpty() ? "" : args.get(args.size() - 1);
        if (prev.equals("-n") || prev.equals("--namespace")) {
            return namespaces();
        }
        if (prev.equals("-o") || prev.equals("--output")) {
            return List.of("json", "name", "wide", "yaml");
        }
        if (current.startsWith("-")) {
            return List.of("--all-namespaces", "--namespace", "--output", "--selector", "--show-labels", "-A", "-f", "-l",
                    "-n", "-o");
        }
        List<String> positional = new ArrayList<>();
        String namespace = "default";
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-n") || a.equals("--namespace")) {
                if (i + 1 < args.size()) {
                    namespace = args.get(++i);
                }
            } else if (a.startsWith("--namespace=")) {
                namespace = a.substring("--namespace=".length());
            } else if (a.equals("-o") || a.equals("-l") || a.equals("-f") || a.equals("--selector") || a.equals("--output")) {
                i++;
            } else if (!a.startsWith("-")) {
                positional.add(a);
            }
        }
        if (positional.isEmpty()) {
            return readOnly.getAsBoolean() ? KUBECTL_VERBS.stream().filter(v -> !Mutations.KUBECTL.contains(v)).toList()
                    : KUBECTL_VERBS;
        }
        String verb = positional.get(0);
        if (NAMED_VERBS.contains(verb)) {
            if (positional.size() == 1) {
                return verb.equals("scale") ? List.of("deployment", "replicaset", "statefulset") : KINDS;
            }
            String kind = plural(positional.get(1));
            return kind.equals("namespaces") ? namespaces() : names(kind, kind.equals("nodes") ? "" : namespace);
        }
        if (verb.equals("logs") && positional.size() == 1) {
            return names("pods", namespace);
        }
        if (verb.equals("rollout")) {
            if (positional.size() == 1) {
                return List.of("history", "restart", "status");
            }
            List<String> out = new ArrayList<>();
            names("deployments", namespace).forEach(n -> out.add("deployment/" + n));
            return out;
        }
        if (verb.equals("create") && positional.size() == 1) {
            return List.of("configmap", "deployment", "namespace");
        }
        if (verb.equals("top") && positional.size() == 1) {
            return List.of("nodes", "pods");
        }
        return List.of();
    }

    private List<String> helm(List<String> args) {
        List<String> positional = new ArrayList<>();
        for (String a : args) {
            if (!a.startsWith("-")) {
                positional.add(a);
            }
        }
        if (positional.isEmpty()) {
            return readOnly.getAsBoolean() ? HELM_VERBS.stream().filter(v -> !Mutations.HELM.contains(v)).toList() : HELM_VERBS;
        }
        String verb = positional.get(0);
        if (positional.size() == 1 && List.of("uninstall", "status", "upgrade").contains(verb)) {
            return values(RELEASES + ":" + cluster());
        }
        if (verb.equals("repo") && positional.size() == 1) {
            return List.of("add", "list", "update");
        }
        return List.of();
    }

    private List<String> namespaces() {
        String c = cluster();
        return c == null ? List.of() : values(NAMESPACES + ":" + c);
    }

    private List<String> names(String plural, String namespace) {
        String c = cluster();
        return c == null ? List.of() : values(NAMES + ":" + c + "|" + plural + "|" + namespace);
    }

    private List<String> values(String key) {
        List<String> out = new ArrayList<>();
        cache.get(key).forEach(s -> out.add(s.value()));
        return out;
    }

    private String cluster() {
        String c = currentCluster.get();
        return c == null ? null : c.toLowerCase(Locale.ROOT);
    }

    /**
     * Learns names from a command that finished: the NAME column of {@code kubectl get} tables,
     * {@code -o name} lines, namespaces from {@code kubectl get namespaces}, releases from
     * {@code helm list}. Only single commands (no pipes) are read.
     */
    public void harvest(String clusterId, String command, String output) {
        if (output == null || command.contains("|") || command.contains("&&") || command.contains(";")) {
            return;
        }
        String c = clusterId.toLowerCase(Locale.ROOT);
        List<String> words = List.of(command.trim().split("\\s+"));
        if (words.size() >= 2 && words.get(0).equals("helm") && (words.get(1).equals("list") || words.get(1).equals("ls"))) {
            List<String> names = column(output, "NAME");
            if (!names.isEmpty() || output.startsWith("NAME")) {
                put(RELEASES + ":" + c, names);
            }
            return;
        }
        if (words.size() < 3 || !words.get(0).equals("kubectl") || !words.get(1).equals("get")) {
            return;
        }
        String namespace = "default";
        boolean all = false;
        String output2 = null;
        List<String> positional = new ArrayList<>();
        for (int i = 2; i < words.size(); i++) {
            String w = words.get(i);
            if ((w.equals("-n") || w.equals("--namespace")) && i + 1 < words.size()) {
                namespace = words.get(++i);
            } else if (w.equals("-A") || w.equals("--all-namespaces")) {
                all = true;
            } else if ((w.equals("-o") || w.equals("--output")) && i + 1 < words.size()) {
                output2 = words.get(++i);
            } else if (w.equals("-l") || w.equals("--selector")) {
                return; // a filtered list is not the whole list
            } else if (!w.startsWith("-")) {
                positional.add(w);
            }
        }
        if (positional.size() != 1 || positional.get(0).contains(",") || positional.get(0).contains("/")) {
            return;
        }
        String kind = plural(positional.get(0));
        List<String> names;
        if ("name".equals(output2)) {
            names = new ArrayList<>();
            for (String l : output.split("\n")) {
                if (l.contains("/")) {
                    names.add(l.substring(l.indexOf('/') + 1).trim());
                }
            }
        } else if (output2 == null || output2.equals("wide")) {
            names = column(output, "NAME");
        } else {
            return;
        }
        if (kind.equals("namespaces")) {
            put(NAMESPACES + ":" + c, names);
        } else if (!all) {
            put(NAMES + ":" + c + "|" + kind + "|" + (kind.equals("nodes") ? "" : namespace), names);
        } else {
            List<String> ns = column(output, "NAMESPACE");
            for (String n : new LinkedHashSet<>(ns)) {
                List<String> in = new ArrayList<>();
                for (int i = 0; i < ns.size() && i < names.size(); i++) {
                    if (ns.get(i).equals(n)) {
                        in.add(names.get(i));
                    }
                }
                put(NAMES + ":" + c + "|" + kind + "|" + n, in);
            }
        }
    }

    private void put(String key, List<String> values) {
        cache.put(key, values.stream().map(Suggestion::of).toList());
    }

    /** The values of a column of a kubectl/helm table. */
    static List<String> column(String table, String header) {
        String[] lines = table.split("\n");
        List<String> out = new ArrayList<>();
        if (lines.length == 0) {
            return out;
        }
        List<String> headers = List.of(lines[0].trim().split("\\s{2,}|\\t\\s*"));
        int idx = headers.indexOf(header);
        if (idx < 0) {
            return out;
        }
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].trim().split("\\s{2,}|\\t\\s*");
            if (cells.length > idx && !cells[idx].isBlank()) {
                out.add(cells[idx].trim());
            }
        }
        return out;
    }

    static List<Suggestion> names(String oNameOutput) {
        Set<String> out = new LinkedHashSet<>();
        for (String l : oNameOutput.split("\n")) {
            String t = l.trim();
            if (t.contains("/")) {
                out.add(t.substring(t.indexOf('/') + 1));
            }
        }
        return out.stream().map(Suggestion::of).toList();
    }

    /** A kubectl resource word as the plural the cache is keyed by. */
    static String plural(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return switch (w) {
            case "po", "pod", "pods" -> "pods";
            case "svc", "service", "services" -> "services";
            case "deploy", "deployment", "deployments" -> "deployments";
            case "ns", "namespace", "namespaces" -> "namespaces";
            case "no", "node", "nodes" -> "nodes";
            case "cm", "configmap", "configmaps" -> "configmaps";
            case "rs", "replicaset", "replicasets" -> "replicasets";
            case "sts", "statefulset", "statefulsets" -> "statefulsets";
            case "ds", "daemonset", "daemonsets" -> "daemonsets";
            case "ing", "ingress", "ingresses" -> "ingresses";
            case "secret", "secrets" -> "secrets";
            default -> w.endsWith("s") ? w : w + "s";
        };
    }

    private static int lastSeparator(String s) {
        int cut = 0;
        boolean single = false;
        boolean dbl = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'' && !dbl) {
                single = !single;
            } else if (c == '"' && !single) {
                dbl = !dbl;
            } else if (!single && !dbl && (c == '|' || c == ';' || c == '&')) {
                cut = i + 1;
            }
        }
        return cut;
    }
}
