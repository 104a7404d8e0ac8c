package dev.aksh.invoke;

import dev.aksh.shell.Tokenizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which kubectl and helm commands change a cluster: what read-only mode refuses inside
 * {@code invoke "…"} and hides from its completion. The command line is split the way bash would
 * run it (pipes, {@code &&}, {@code ||}, {@code ;}), and each kubectl or helm in it is judged by
 * its verb.
 */
public final class Mutations {
    /** kubectl verbs that change the cluster. */
    public static final Set<String> KUBECTL = Set.of("apply", "create", "delete", "edit", "patch", "replace", "scale",
            "autoscale", "drain", "cordon", "uncordon", "taint", "label", "annotate", "set", "expose", "run", "exec", "cp",
            "attach", "debug", "certificate");
    /** kubectl rollout subcommands that change the cluster (status and history only read). */
    static final Set<String> ROLLOUT = Set.of("restart", "undo", "pause", "resume");
    /** helm verbs that change the cluster. */
    public static final Set<String> HELM = Set.of("install", "upgrade", "uninstall", "delete", "rollback", "test");

    private Mutations() {
    }

    /** The first mutating call in {@code commandLine} ("kubectl apply"), or null when it only reads. */
    public static String find(String commandLine) {
        for (String part : commandLine.split("\\|\\||&&|[|;\\n]")) {
            List<String> words = new java.util.ArrayList<>();
            Tokenizer.scan(part.trim()).statements().forEach(st -> st.forEach(t -> words.add(t.text())));
            String m = judge(words);
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    static String judge(List<String> words) {
        int i = 0;
        while (i < words.size() && (words.get(i).contains("=") && !words.get(i).startsWith("-") || words.get(i).equals("sudo"))) {
            i++; // VAR=value prefixes
        }
        if (i >= words.size()) {
            return null;
        }
        String tool = words.get(i).replaceAll(".*/", "").toLowerCase(Locale.ROOT);
        if (!tool.equals("kubectl") && !tool.equals("helm")) {
            return null;
        }
        List<String> rest = positional(words.subList(i + 1, words.size()));
        if (rest.isEmpty()) {
            return null;
        }
        String verb = rest.get(0).toLowerCase(Locale.ROOT);
        if (tool.equals("kubectl")) {
            if (KUBECTL.contains(verb)) {
                return "kubectl " + verb;
            }
            if (verb.equals("rollout") && rest.size() > 1 && ROLLOUT.contains(rest.get(1).toLowerCase(Locale.ROOT))) {
                return "kubectl rollout " + rest.get(1);
            }
            return null;
        }
        return HELM.contains(verb) ? "helm " + verb : null;
    }

    /** The words that are not flags (a flag's separate value is skipped for the flags that take one). */
    private static List<String> positional(List<String> words) {
        Set<String> withValue = Set.of("-n", "--namespace", "--context", "--kubeconfig", "-c", "--container", "--cluster",
                "--user", "-s", "--server", "--kube-context");
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.startsWith("-")) {
                if (withValue.contains(w)) {
                    i++;
                }
                continue;
            }
            out.add(w);
        }
        return out;
    }
}
