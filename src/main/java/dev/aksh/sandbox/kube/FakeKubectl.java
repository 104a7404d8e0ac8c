package dev.aksh.sandbox.kube;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The kubectl of the run-command pod: {@code get}, {@code describe}, {@code apply -f},
 * {@code delete}, {@code create namespace|deployment|configmap}, {@code scale}, {@code rollout
 * status|restart}, {@code logs}, {@code version}, {@code cluster-info}, with {@code -n}, {@code -A},
 * {@code -l} and {@code -o wide|yaml|json|name}, printing what kubectl 1.32 prints.
 */
final class FakeKubectl {
    static final ObjectMapper YAML = new YAMLMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
    static final ObjectMapper YAML_READER = new ObjectMapper(new YAMLFactory());
    private static final Set<String> VALUE_FLAGS = Set.of("-n", "--namespace", "-l", "--selector", "-o", "--output",
            "-f", "--filename", "--replicas", "-c", "--container", "--tail", "--timeout", "--image", "--from-literal",
            "--kubeconfig", "--context", "--field-selector", "--sort-by", "--since", "--port");
    private static final Set<String> BOOL_FLAGS = Set.of("-A", "--all-namespaces", "--show-labels", "--no-headers", "-w",
            "--watch", "--all", "--wait", "--client", "--previous", "-p", "--follow", "--force", "-R", "--recursive",
            "--ignore-not-found");

    private final PodShell.Pod pod;
    private final KubeCluster cluster;

    FakeKubectl(PodShell.Pod pod) {
        this.pod = pod;
        this.cluster = pod.cluster;
    }

    /** Parsed flags and positional arguments. */
    private static final class Args {
        final Map<String, List<String>> flags = new LinkedHashMap<>();
        final List<String> positional = new ArrayList<>();

        String flag(String shortName, String longName) {
            List<String> v = flags.get(longName);
            if (v == null && shortName != null) {
                v = flags.get(shortName);
            }
            return v == null || v.isEmpty() ? null : v.get(v.size() - 1);
        }

        List<String> all(String shortName, String longName) {
            List<String> out = new ArrayList<>(flags.getOrDefault(shortName, List.of()));
            out.addAll(flags.getOrDefault(longName, List.of()));
            return out;
        }

        boolean has(String shortName, String longName) {
            return flags.containsKey(longName) || shortName != null && flags.containsKey(shortName);
        }
    }

    PodShell.Io run(List<String> argv) {
        if (argv.isEmpty()) {
            return PodShell.Io.ok("kubectl controls the Kubernetes cluster manager.\n\n Find more information at: "
                    + "https://kubernetes.io/docs/reference/kubectl/\n");
        }
        String verb = argv.get(0);
        Args a;
        try {
            a = parse(argv.subList(1, argv.size()), verb);
        } catch (IllegalArgumentException e) {
            return PodShell.Io.fail("error: " + e.getMessage() + "\nSee 'kubectl " + verb + " --help' for usage.\n", 1);
        }
        if (!pod.authorized && !verb.equals("version")) {
            return PodShell.Io.fail("error: You must be logged in to the server (Unauthorized)\n", 1);
        }
        String ns = a.flag("-n", "--namespace");
        if (ns == null) {
            ns = "default";
        }
        try {
            return switch (verb) {
                case "get" -> get(a, ns);
                case "describe" -> describe(a, ns);
                case "apply" -> apply(a, ns);
                case "delete" -> delete(a, ns);
                case "create" -> create(a, ns);
                case "scale" -> scale(a, ns);
                case "rollout" -> rollout(a, ns);
                case "logs" -> logs(a, ns);
                case "version" -> version(a);
                case "cluster-info" -> clusterInfo();
                case "exec", "port-forward", "attach", "cp", "edit", "proxy", "debug" -> PodShell.Io.fail(
                        "error: 'kubectl " + verb + "' is not available in the sandbox's run-command pod\n", 1);
                default -> PodShell.Io.fail("error: unknown command \"" + verb + "\" for \"kubectl\"\n"
                        + "Run 'kubectl --help' for usage.\n", 1);
            };
        } catch (KubeError e) {
            return PodShell.Io.fail(e.kubectlLine() + "\n", 1);
        } catch (IllegalStateException | NumberFormatException e) {
            return PodShell.Io.fail("error: " + e.getMessage() + "\n", 1);
        }
    }

    private static Args parse(List<String> argv, String verb) {
        Args a = new Args();
        for (int i = 0; i < argv.size(); i++) {
            String w = argv.get(i);
            if (w.equals("--")) {
                a.positional.addAll(argv.subList(i + 1, argv.size()));
                break;
            }
            if (w.startsWith("-") && w.length() > 1) {
                String name = w;
                String value = null;
                int eq = w.indexOf('=');
                if (eq > 0) {
                    name = w.substring(0, eq);
                    value = w.substring(eq + 1);
                } else if (!w.startsWith("--") && w.length() > 2 && VALUE_FLAGS.contains(w.substring(0, 2))) {
                    name = w.substring(0, 2);
                    value = w.substring(2);
                }
                if (verb.equals("logs") && name.equals("-f")) {
                    a.flags.computeIfAbsent("--follow", k -> new ArrayList<>()).add("true");
                    continue;
                }
                if (VALUE_FLAGS.contains(name)) {
                    if (value == null) {
                        if (i + 1 >= argv.size()) {
                            throw new IllegalArgumentException("flag needs an argument: '" + name.replaceFirst("^-+", "")
                                    + "' in " + name);
                        }
                        value = argv.get(++i);
                    }
                } else if (BOOL_FLAGS.contains(name)) {
                    value = value == null ? "true" : value;
                } else if (name.startsWith("--dry-run")) {
                    value = value == null ? "client" : value;
                } else {
                    throw new IllegalArgumentException("unknown " + (name.startsWith("--") ? "flag: " : "shorthand flag: '"
                            + name.substring(1, 2) + "' in ") + name);
                }
                a.flags.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } else {
                a.positional.add(w);
            }
        }
        return a;
    }

    // ------------------------------------------------------------------ get

    private record Target(KubeKind kind, List<String> names) {
    }

    /** {@code pods}, {@code pods a b}, {@code pod/a}, {@code deploy,svc}, {@code all}. */
    private List<Target> targets(List<String> words, boolean requireName) {
        if (words.isEmpty()) {
            throw new IllegalStateException("required resource not specified");
        }
        List<Target> out = new ArrayList<>();
        if (words.get(0).contains("/")) {
            for (String w : words) {
                int slash = w.indexOf('/');
                if (slash < 0) {
                    throw new IllegalStateException("there is no need to specify a resource type as a separate argument "
                            + "when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' "
                            + "instead of 'kubectl get resource resource/<resource_name>'");
                }
                KubeKind k = kind(w.substring(0, slash));
                out.add(new Target(k, List.of(w.substring(slash + 1))));
            }
            return out;
        }
        List<String> names = words.subList(1, words.size());
        for (String k : words.get(0).split(",")) {
            if (k.equals("all")) {
                for (KubeKind kk : List.of(KubeKinds.POD, KubeKinds.SERVICE, KubeKinds.DAEMON_SET, KubeKinds.DEPLOYMENT,
                        KubeKinds.REPLICA_SET, KubeKinds.STATEFUL_SET)) {
                    out.add(new Target(kk, names));
                }
            } else {
                out.add(new Target(kind(k), names));
            }
        }
        if (requireName && names.isEmpty()) {
            throw new IllegalStateException("resource(s) were provided, but no name was specified");
        }
        return out;
    }

    private KubeKind kind(String word) {
        KubeKind k = cluster.kinds().byWord(word);
        if (k == null) {
            throw new IllegalStateException("the server doesn't have a resource type \"" + word + "\"");
        }
        return k;
    }

    private PodShell.Io get(Args a, String ns) {
        if (a.positional.isEmpty()) {
            return PodShell.Io.fail("You must specify the type of resource to get. Use \"kubectl api-resources\" for a "
                    + "complete list of supported resources.\n\nerror: Required resource not specified.\n"
                    + "Use \"kubectl explain <resource>\" for a detailed description of that resource (e.g. kubectl explain pods).\n"
                    + "See 'kubectl get -h' for help and examples\n", 1);
        }
        if (a.has("-w", "--watch")) {
            return PodShell.Io.fail("error: watching is not available in a run-command pod: the command must end; "
                    + "use the tunnel route (connect bastion) to watch\n", 1);
        }
        List<Target> targets;
        try {
            targets = targets(a.positional, false);
        } catch (IllegalStateException e) {
            return PodShell.Io.fail("error: " + e.getMessage() + "\n", 1);
        }
        boolean all = a.has("-A", "--all-namespaces");
        String output = a.flag("-o", "--output");
        Labels selector = Labels.parse(a.flag("-l", "--selector"));
        boolean multi = targets.size() > 1;
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        List<ObjectNode> everything = new ArrayList<>();
        int code = 0;
        for (Target t : targets) {
            String scope = all ? null : ns;
            List<ObjectNode> items = new ArrayList<>();
            if (t.names().isEmpty()) {
                if (t.kind().namespaced() && !all && !cluster.namespaceExists(ns)) {
                    items = List.of();
                } else {
                    items = cluster.list(t.kind(), scope, selector);
                }
            } else {
                for (String n : t.names()) {
                    ObjectNode o = cluster.get(t.kind(), t.kind().namespaced() ? ns : null, n);
                    if (o == null) {
                        err.append(KubeError.notFound(t.kind(), n).kubectlLine()).append('\n');
                        code = 1;
                    } else {
                        items.add(o);
                    }
                }
            }
            everything.addAll(items);
            if (output == null || output.equals("wide")) {
                if (!items.isEmpty()) {
                    if (multi && out.length() > 0) {
                        out.append('\n');
                    }
                    out.append(table(t.kind(), items, all && t.kind().namespaced(), "wide".equals(output), multi,
                            a.has(null, "--show-labels"), a.has(null, "--no-headers")));
                }
            } else if (output.equals("name")) {
                for (ObjectNode o : items) {
                    out.append(t.kind().qualified()).append('/').append(KubeCluster.nameOf(o)).append('\n');
                }
            }
        }
        if (output != null && !output.equals("wide") && !output.equals("name")) {
            boolean single = targets.size() == 1 && targets.get(0).names().size() == 1 && everything.size() == 1;
            JsonNode doc = single ? everything.get(0) : list(everything);
            try {
                if (output.equals("json")) {
                    out.append(json(doc)).append('\n');
                } else if (output.equals("yaml")) {
                    out.append(YAML.writeValueAsString(doc));
                } else if (output.startsWith("jsonpath=")) {
                    out.append(JsonPath.evaluate(output.substring("jsonpath=".length()), doc));
                } else {
                    return PodShell.Io.fail("error: unable to match a printer suitable for the output format \"" + output
                            + "\", allowed formats are: json,jsonpath,name,wide,yaml\n", 1);
                }
            } catch (IOException | IllegalArgumentException e) {
                return PodShell.Io.fail("error: " + e.getMessage() + "\n", 1);
            }
        }
        if (everything.isEmpty() && code == 0 && (output == null || output.equals("wide"))) {
            boolean clusterScoped = targets.stream().noneMatch(t -> t.kind().namespaced());
            err.append(all || clusterScoped ? "No resources found\n" : "No resources found in " + ns + " namespace.\n");
        }
        return new PodShell.Io(out.toString(), err.toString(), code);
    }

    private String table(KubeKind kind, List<ObjectNode> items, boolean withNamespace, boolean wide, boolean qualify,
            boolean showLabels, boolean noHeaders) {
        Instant now = cluster.now();
        List<KubeTables.Column> cols = KubeTables.visible(kind, wide);
        List<List<String>> rows = new ArrayList<>();
        if (!noHeaders) {
            List<String> header = new ArrayList<>();
            if (withNamespace) {
                header.add("NAMESPACE");
            }
            cols.forEach(c -> header.add(c.header()));
            if (showLabels) {
                header.add("LABELS");
            }
            rows.add(header);
        }
        for (ObjectNode o : items) {
            List<String> row = new ArrayList<>();
            if (withNamespace) {
                row.add(KubeCluster.namespaceOf(o));
            }
            for (KubeTables.Column c : cols) {
                String v = c.cell().apply(o, now);
                row.add(c.header().equals("NAME") && qualify ? kind.qualified() + "/" + v : v);
            }
            if (showLabels) {
                List<String> l = new ArrayList<>();
                Labels.of(o).forEach((k, v) -> l.add(k + "=" + v));
                row.add(l.isEmpty() ? "<none>" : String.join(",", l));
            }
            rows.add(row);
        }
        return KubeTables.layout(rows);
    }

    private static ObjectNode list(List<ObjectNode> items) {
        ObjectNode l = KubeCluster.JSON.createObjectNode();
        l.put("apiVersion", "v1");
        ArrayNode arr = l.putArray("items");
        items.forEach(arr::add);
        l.put("kind", "List");
        l.putObject("metadata").put("resourceVersion", "");
        return l;
    }

    static String json(JsonNode n) throws JsonProcessingException {
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("    ", "\n"))
                .withArrayIndenter(new DefaultIndenter("    ", "\n"));
        return KubeCluster.JSON.writer(pp).writeValueAsString(n).replace("\" : ", "\": ");
    }

    // ------------------------------------------------------------------ describe

    private PodShell.Io describe(Args a, String ns) {
        if (a.positional.isEmpty()) {
            return PodShell.Io.fail("You must specify the type of resource to describe. Use \"kubectl api-resources\" for "
                    + "a complete list of supported resources.\n", 1);
        }
        List<Target> targets;
        try {
            targets = targets(a.positional, false);
        } catch (IllegalStateException e) {
            return PodShell.Io.fail("error: " + e.getMessage() + "\n", 1);
        }
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        int code = 0;
        for (Target t : targets) {
            List<ObjectNode> items = new ArrayList<>();
            if (t.names().isEmpty()) {
                items = cluster.list(t.kind(), a.has("-A", "--all-namespaces") ? null : ns,
                        Labels.parse(a.flag("-l", "--selector")));
            } else {
                for (String n : t.names()) {
                    ObjectNode o = cluster.get(t.kind(), t.kind().namespaced() ? ns : null, n);
                    if (o == null) {
                        err.append(KubeError.notFound(t.kind(), n).kubectlLine()).append('\n');
                        code = 1;
                    } else {
                        items.add(o);
                    }
                }
            }
            for (ObjectNode o : items) {
                if (out.length() > 0) {
                    out.append("\n\n");
                }
                out.append(Describe.of(t.kind(), o, cluster));
            }
        }
        return new PodShell.Io(out.toString(), err.toString(), code);
    }

    // ------------------------------------------------------------------ apply, delete, create

    private List<ObjectNode> manifests(List<String> files, List<String> names) {
        List<ObjectNode> out = new ArrayList<>();
        for (String f : files) {
            String path = PodShell.normalise(f);
            List<String> matched = new ArrayList<>();
            if (pod.files.containsKey(path)) {
                matched.add(path);
            } else {
                String prefix = path.equals(".") ? "" : path + "/";
                for (String p : pod.files.keySet()) {
                    if (p.startsWith(prefix) && !p.substring(prefix.length()).contains("/")
                            && (p.endsWith(".yaml") || p.endsWith(".yml") || p.endsWith(".json"))) {
                        matched.add(p);
                    }
                }
                if (matched.isEmpty()) {
                    throw new IllegalArgumentException("the path \"" + f + "\" does not exist");
                }
            }
            for (String p : matched) {
                String text = new String(pod.files.get(p), StandardCharsets.UTF_8);
                try {
                    for (String doc : text.split("(?m)^---\\s*$")) {
                        if (doc.isBlank()) {
                            continue;
                        }
                        JsonNode n = YAML_READER.readTree(doc);
                        if (n == null || n.isNull() || n.isMissingNode()) {
                            continue;
                        }
                        if (!n.isObject()) {
                            throw new IllegalArgumentException("error parsing " + f + ": not a Kubernetes object");
                        }
                        if (n.path("kind").asText().equals("List")) {
                            n.path("items").forEach(item -> {
                                out.add((ObjectNode) item);
                                names.add(f);
                            });
                        } else {
                            out.add((ObjectNode) n);
                            names.add(f);
                        }
                    }
                } catch (IOException e) {
                    throw new IllegalArgumentException("error parsing " + f + ": " + e.getMessage().split("\n")[0]);
                }
            }
        }
        return out;
    }

    private PodShell.Io apply(Args a, String ns) {
        List<String> files = a.all("-f", "--filename");
        if (files.isEmpty()) {
            return PodShell.Io.fail("error: must specify one of -f and -k\n", 1);
        }
        if (!a.positional.isEmpty()) {
            return PodShell.Io.fail("error: Unexpected args: " + a.positional + "\nSee 'kubectl apply -h' for help and examples\n", 1);
        }
        boolean dryRun = a.flags.keySet().stream().anyMatch(k -> k.startsWith("--dry-run"));
        List<String> sources = new ArrayList<>();
        List<ObjectNode> docs;
        try {
            docs = manifests(files, sources);
        } catch (IllegalArgumentException e) {
            return PodShell.Io.fail("error: " + e.getMessage() + "\n", 1);
        }
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        int code = 0;
        for (int i = 0; i < docs.size(); i++) {
            ObjectNode d = docs.get(i);
            String kindName = d.path("kind").asText();
            KubeKind kind = cluster.kinds().byWord(kindName);
            String qualified = kind != null ? kind.qualified()
                    : kindName.toLowerCase(Locale.ROOT) + groupSuffix(d.path("apiVersion").asText());
            String name = d.path("metadata").path("name").asText();
            if (dryRun) {
                out.append(qualified).append('/').append(name).append(" created (dry run)\n");
                continue;
            }
            try {
                KubeCluster.Applied r = cluster.apply(d, ns);
                kind = cluster.kinds().byWord(kindName);
                out.append(kind.qualified()).append('/').append(name).append(' ')
                        .append(r.name().toLowerCase(Locale.ROOT)).append('\n');
            } catch (KubeError e) {
                code = 1;
                err.append("Error from server (").append(e.reason()).append("): error when creating \"")
                        .append(sources.get(i)).append("\": ").append(e.getMessage()).append('\n');
            }
        }
        return new PodShell.Io(out.toString(), err.toString(), code);
    }

    private static String groupSuffix(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : "." + apiVersion.substring(0, slash);
    }

    private PodShell.Io delete(Args a, String ns) {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        int code = 0;
        boolean ignore = a.has(null, "--ignore-not-found");
        List<String> files = a.all("-f", "--filename");
        List<Target> targets = new ArrayList<>();
        if (!files.isEmpty()) {
            try {
                for (ObjectNode d : manifests(files, new ArrayList<>())) {
                    KubeKind k = cluster.kinds().byWord(d.path("kind").asText());
                    String n = d.path("metadata").path("name").asText();
                    if (k == null) {
                        err.append("error: the server doesn't have a resource type \"").append(d.path("kind").asText())
                                .append("\"\n");
                        code = 1;
                    } else {
                        String objNs = d.path("metadata").path("namespace").asText(ns);
                        try {
                            cluster.delete(k, k.namespaced() ? objNs : null, n);
                            out.append(k.qualified()).append(" \"").append(n).append("\" deleted\n");
                        } catch (KubeError e) {
                            if (!ignore) {
                                err.append(e.kubectlLine()).append('\n');
                                code = 1;
                            }
                        }
                    }
                }
            } catch (IllegalArgumentException e) {
                return PodShell.Io.fail("error: " + e.getMessage() + "\n", 1);
            }
            return new PodShell.Io(out.toString(), err.toString(), code);
        }
        if (a.positional.isEmpty()) {
            return PodShell.Io.fail("error: You must provide one or more resources by argument or filename.\n"
                    + "Example resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n"
                    + "   '<resource> <name>'\n   '<resource>'\n", 1);
        }
        try {
            targets = targets(a.positional, !a.has(null, "--all"));
        } catch (IllegalStateException e) {
            return PodShell.Io.fail("error: " + e.getMessage() + "\n", 1);
        }
        for (Target t : targets) {
            List<String> names = t.names();
            if (names.isEmpty()) {
                names = cluster.list(t.kind(), ns, null).stream().map(KubeCluster::nameOf).toList();
            }
            for (String n : names) {
                try {
                    cluster.delete(t.kind(), t.kind().namespaced() ? ns : null, n);
                    out.append(t.kind().qualified()).append(" \"").append(n).append("\" deleted\n");
                } catch (KubeError e) {
                    if (!ignore) {
                        err.append(e.kubectlLine()).append('\n');
                        code = 1;
                    }
                }
            }
        }
        return new PodShell.Io(out.toString(), err.toString(), code);
    }

    private PodShell.Io create(Args a, String ns) {
        if (a.positional.size() < 2) {
            if (!a.all("-f", "--filename").isEmpty()) {
                return apply(a, ns);
            }
            return PodShell.Io.fail("error: must specify one of -f and -k\n", 1);
        }
        String what = a.positional.get(0);
        String name = a.positional.get(1);
        switch (what) {
            case "namespace", "ns" -> {
                cluster.createNamespace(name, cluster.now());
                return PodShell.Io.ok("namespace/" + name + " created\n");
            }
            case "deployment", "deploy" -> {
                String image = a.flag(null, "--image");
                if (image == null) {
                    return PodShell.Io.fail("error: required flag(s) \"image\" not set\n", 1);
                }
                if (!cluster.namespaceExists(ns)) {
                    throw KubeError.namespaceNotFound(ns);
                }
                if (cluster.get(KubeKinds.DEPLOYMENT, ns, name) != null) {
                    throw KubeError.alreadyExists(KubeKinds.DEPLOYMENT, name);
                }
                int replicas = Integer.parseInt(a.flag(null, "--replicas") == null ? "1" : a.flag(null, "--replicas"));
                int port = Integer.parseInt(a.flag(null, "--port") == null ? "80" : a.flag(null, "--port"));
                cluster.apply(KubeSeed.deploymentManifest(name, ns, image, replicas, port, Map.of("app", name)), ns);
                return PodShell.Io.ok("deployment.apps/" + name + " created\n");
            }
            case "configmap", "cm" -> {
                if (!cluster.namespaceExists(ns)) {
                    throw KubeError.namespaceNotFound(ns);
                }
                if (cluster.get(KubeKinds.CONFIG_MAP, ns, name) != null) {
                    throw KubeError.alreadyExists(KubeKinds.CONFIG_MAP, name);
                }
                ObjectNode cm = KubeCluster.JSON.createObjectNode();
                cm.put("apiVersion", "v1").put("kind", "ConfigMap");
                cm.putObject("metadata").put("name", name).put("namespace", ns);
                ObjectNode data = cm.putObject("data");
                for (String lit : a.all(null, "--from-literal")) {
                    int eq = lit.indexOf('=');
                    if (eq <= 0) {
                        return PodShell.Io.fail("error: invalid literal source " + lit + ", expected key=value\n", 1);
                    }
                    data.put(lit.substring(0, eq), lit.substring(eq + 1));
                }
                cluster.apply(cm, ns);
                return PodShell.Io.ok("configmap/" + name + " created\n");
            }
            default -> {
                return PodShell.Io.fail("error: the sandbox's kubectl creates namespaces, deployments and configmaps; "
                        + "apply a manifest with 'kubectl apply -f' for '" + what + "'\n", 1);
            }
        }
    }

    private PodShell.Io scale(Args a, String ns) {
        String replicas = a.flag(null, "--replicas");
        if (replicas == null) {
            return PodShell.Io.fail("error: required flag(s) \"replicas\" not set\n", 1);
        }
        List<Target> targets;
        try {
            targets = targets(a.positional, true);
        } catch (IllegalStateException e) {
            return PodShell.Io.fail("error: " + e.getMessage() + "\n", 1);
        }
        StringBuilder out = new StringBuilder();
        for (Target t : targets) {
            if (!List.of("Deployment", "ReplicaSet", "StatefulSet").contains(t.kind().kind())) {
                return PodShell.Io.fail("error: cannot scale " + t.kind().plural() + "\n", 1);
            }
            for (String n : t.names()) {
                cluster.scale(t.kind(), ns, n, Integer.parseInt(replicas));
                out.append(t.kind().qualified()).append('/').append(n).append(" scaled\n");
            }
        }
        return PodShell.Io.ok(out.toString());
    }

    private PodShell.Io rollout(Args a, String ns) {
        if (a.positional.size() < 2) {
            return PodShell.Io.fail("error: required resource not specified\n", 1);
        }
        String sub = a.positional.get(0);
        List<Target> targets;
        try {
            targets = targets(a.positional.subList(1, a.positional.size()), true);
        } catch (IllegalStateException e) {
            return PodShell.Io.fail("error: " + e.getMessage() + "\n", 1);
        }
        StringBuilder out = new StringBuilder();
        for (Target t : targets) {
            for (String n : t.names()) {
                ObjectNode o = cluster.require(t.kind(), ns, n);
                switch (sub) {
                    case "status" -> {
                        if (!t.kind().equals(KubeKinds.DEPLOYMENT)) {
                            out.append(t.kind().singular()).append(" \"").append(n).append("\" successfully rolled out\n");
                        } else {
                            out.append("deployment \"").append(n).append("\" successfully rolled out\n");
                        }
                    }
                    case "restart" -> {
                        if (!t.kind().equals(KubeKinds.DEPLOYMENT)) {
                            return PodShell.Io.fail("error: " + t.kind().plural() + " \"" + n + "\" restarting is not supported\n", 1);
                        }
                        cluster.restart(ns, n);
                        out.append("deployment.apps/").append(n).append(" restarted\n");
                    }
                    case "history" -> out.append(t.kind().qualified()).append('/').append(n).append(" \nREVISION  CHANGE-CAUSE\n")
                            .append(o.path("metadata").path("generation").asInt(1)).append("         <none>\n\n");
                    default -> {
                        return PodShell.Io.fail("error: unknown command \"" + sub + "\" for \"kubectl rollout\"\n", 1);
                    }
                }
            }
        }
        return PodShell.Io.ok(out.toString());
    }

    private PodShell.Io logs(Args a, String ns) {
        if (a.positional.isEmpty()) {
            return PodShell.Io.fail("error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\n"
                    + "POD or TYPE/NAME is a required argument for the logs command\n", 1);
        }
        String target = a.positional.get(0);
        ObjectNode podObj;
        if (target.contains("/")) {
            KubeKind k = kind(target.substring(0, target.indexOf('/')));
            String n = target.substring(target.indexOf('/') + 1);
            ObjectNode owner = cluster.require(k, ns, n);
            if (k.equals(KubeKinds.POD)) {
                podObj = owner;
            } else {
                podObj = null;
                Labels sel = null;
                JsonNode ml = owner.path("spec").path("selector").path("matchLabels");
                List<String> terms = new ArrayList<>();
                ml.fields().forEachRemaining(e -> terms.add(e.getKey() + "=" + e.getValue().asText()));
                sel = Labels.parse(String.join(",", terms));
                List<ObjectNode> pods = cluster.list(KubeKinds.POD, ns, sel);
                if (!pods.isEmpty()) {
                    podObj = pods.get(0);
                }
                if (podObj == null) {
                    return PodShell.Io.fail("error: timed out waiting for the condition\n", 1);
                }
            }
        } else {
            podObj = cluster.require(KubeKinds.POD, ns, target);
        }
        JsonNode containers = podObj.path("spec").path("containers");
        String container = a.flag("-c", "--container");
        if (container == null && containers.size() > 1) {
            container = containers.get(0).path("name").asText();
        }
        String image = containers.path(0).path("image").asText("app");
        List<String> lines = PodLogs.lines(KubeCluster.nameOf(podObj), image,
                Instant.parse(podObj.path("status").path("startTime").asText(cluster.now().toString())), cluster.now());
        String tail = a.flag(null, "--tail");
        if (tail != null && !tail.equals("-1")) {
            int n = Integer.parseInt(tail);
            lines = lines.subList(Math.max(0, lines.size() - n), lines.size());
        }
        StringBuilder out = new StringBuilder();
        lines.forEach(l -> out.append(l).append('\n'));
        return PodShell.Io.ok(out.toString());
    }

    private PodShell.Io version(Args a) {
        String client = "v" + cluster.version();
        StringBuilder out = new StringBuilder("Client Version: " + client + "\nKustomize Version: v5.5.0\n");
        if (!a.has(null, "--client")) {
            if (!pod.authorized) {
                return new PodShell.Io(out.toString(), "error: You must be logged in to the server (Unauthorized)\n", 1);
            }
            out.append("Server Version: v").append(cluster.version()).append('\n');
        }
        return PodShell.Io.ok(out.toString());
    }

    private PodShell.Io clusterInfo() {
        String base = "https://" + cluster.apiServerHost() + ":443";
        return PodShell.Io.ok("Kubernetes control plane is running at " + base + "\n"
                + "CoreDNS is running at " + base + "/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n"
                + "Metrics-server is running at " + base + "/api/v1/namespaces/kube-system/services/https:metrics-server:/proxy\n"
                + "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n");
    }

    static final DateTimeFormatter DESCRIBE_TIME = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
}
