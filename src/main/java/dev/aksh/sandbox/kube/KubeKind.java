package dev.aksh.sandbox.kube;

import java.util.List;
import java.util.Locale;

/**
 * A Kubernetes resource type as discovery describes it: kind, group/version, plural and short
 * names, and whether it lives in namespaces.
 */
public record KubeKind(String kind, String group, String version, String plural, List<String> shortNames,
        boolean namespaced) {

    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    public String singular() {
        return kind.toLowerCase(Locale.ROOT);
    }

    /** How kubectl names objects of this kind: {@code deployment.apps/web}, {@code pod/web-1}. */
    public String qualified() {
        return group.isEmpty() ? singular() : singular() + "." + group;
    }

    /** The plural with its group, as in NotFound messages: {@code deployments.apps}. */
    public String qualifiedPlural() {
        return group.isEmpty() ? plural : plural + "." + group;
    }

    /** Whether {@code word} names this kind (plural, singular, short name, kind, with or without the group). */
    public boolean matches(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        int dot = w.indexOf('.');
        if (dot > 0 && w.substring(dot + 1).equals(group)) {
            w = w.substring(0, dot);
        }
        return w.equals(plural) || w.equals(singular()) || shortNames.contains(w);
    }
}
