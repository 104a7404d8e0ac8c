package dev.aksh.sandbox.kube;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The resource types a fake cluster knows; kinds met in applied manifests are added as they come. */
public final class KubeKinds {
    public static final KubeKind POD = new KubeKind("Pod", "", "v1", "pods", List.of("po"), true);
    public static final KubeKind SERVICE = new KubeKind("Service", "", "v1", "services", List.of("svc"), true);
    public static final KubeKind CONFIG_MAP = new KubeKind("ConfigMap", "", "v1", "configmaps", List.of("cm"), true);
    public static final KubeKind SECRET = new KubeKind("Secret", "", "v1", "secrets", List.of(), true);
    public static final KubeKind SERVICE_ACCOUNT = new KubeKind("ServiceAccount", "", "v1", "serviceaccounts", List.of("sa"), true);
    public static final KubeKind NAMESPACE = new KubeKind("Namespace", "", "v1", "namespaces", List.of("ns"), false);
    public static final KubeKind NODE = new KubeKind("Node", "", "v1", "nodes", List.of("no"), false);
    public static final KubeKind EVENT = new KubeKind("Event", "", "v1", "events", List.of("ev"), true);
    public static final KubeKind DEPLOYMENT = new KubeKind("Deployment", "apps", "v1", "deployments", List.of("deploy"), true);
    public static final KubeKind REPLICA_SET = new KubeKind("ReplicaSet", "apps", "v1", "replicasets", List.of("rs"), true);
    public static final KubeKind DAEMON_SET = new KubeKind("DaemonSet", "apps", "v1", "daemonsets", List.of("ds"), true);
    public static final KubeKind STATEFUL_SET = new KubeKind("StatefulSet", "apps", "v1", "statefulsets", List.of("sts"), true);
    public static final KubeKind INGRESS = new KubeKind("Ingress", "networking.k8s.io", "v1", "ingresses", List.of("ing"), true);
    public static final KubeKind JOB = new KubeKind("Job", "batch", "v1", "jobs", List.of(), true);
    public static final KubeKind CRON_JOB = new KubeKind("CronJob", "batch", "v1", "cronjobs", List.of("cj"), true);
    public static final KubeKind MEMBER_CLUSTER = new KubeKind("MemberCluster", "cluster.kubernetes-fleet.io", "v1beta1",
            "memberclusters", List.of(), false);

    private final List<KubeKind> kinds = new ArrayList<>(List.of(POD, SERVICE, CONFIG_MAP, SECRET, SERVICE_ACCOUNT,
            NAMESPACE, NODE, EVENT, DEPLOYMENT, REPLICA_SET, DAEMON_SET, STATEFUL_SET, INGRESS, JOB, CRON_JOB));

    public synchronized List<KubeKind> all() {
        return List.copyOf(kinds);
    }

    /** The kind a kubectl resource word names ({@code po}, {@code deployments.apps}), or null. */
    public synchronized KubeKind byWord(String word) {
        for (KubeKind k : kinds) {
            if (k.matches(word)) {
                return k;
            }
        }
        return null;
    }

    /** The kind of a manifest, registering it (plural: lower-case kind + "s") when new. */
    public synchronized KubeKind forManifest(String apiVersion, String kind, boolean namespaced) {
        for (KubeKind k : kinds) {
            if (k.kind().equals(kind) && k.apiVersion().equals(apiVersion)) {
                return k;
            }
        }
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String version = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
        String lower = kind.toLowerCase(Locale.ROOT);
        KubeKind k = new KubeKind(kind, group, version, lower.endsWith("s") ? lower + "es" : lower + "s", List.of(), namespaced);
        kinds.add(k);
        return k;
    }

    public synchronized void register(KubeKind kind) {
        if (!kinds.contains(kind)) {
            kinds.add(kind);
        }
    }
}
