package dev.aksh.sandbox.kube;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aksh.sandbox.World;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What a new fake cluster contains: the namespaces, nodes and system workloads every AKS cluster
 * has, then the workloads the world file describes, each created as long ago as it says.
 */
public final class KubeSeed {
    /** How old the sandbox's clusters are. */
    static final Duration CLUSTER_AGE = Duration.ofDays(45);

    private KubeSeed() {
    }

    public static KubeCluster seed(KubeCluster c, World.ClusterSpec spec, String poolName) {
        Instant born = c.now().minus(CLUSTER_AGE);
        c.at(born, () -> {
            for (String ns : new String[] {"default", "kube-node-lease", "kube-public", "kube-system"}) {
                c.createNamespace(ns, born);
            }
            String vmss = "aks-" + poolName + "-" + String.format("%08d", Math.floorMod(spec.name().hashCode(), 100_000_000))
                    + "-vmss";
            for (int i = 0; i < spec.nodes(); i++) {
                c.addNode(vmss + String.format("%06d", i), poolName, born, i);
            }
            ObjectNode kubernetes = c.newObject(KubeKinds.SERVICE, "default", "kubernetes", born);
            ((ObjectNode) kubernetes.get("metadata")).putObject("labels").put("component", "apiserver")
                    .put("provider", "kubernetes");
            ObjectNode ks = kubernetes.putObject("spec");
            ks.put("type", "ClusterIP").put("clusterIP", "10.0.0.1");
            ks.putArray("ports").addObject().put("name", "https").put("port", 443).put("protocol", "TCP").put("targetPort", 443);
            c.put(KubeKinds.SERVICE, kubernetes);

            deployment(c, "coredns", "kube-system", "mcr.microsoft.com/oss/v2/kubernetes/coredns:v1.11.3-8", 2, 53,
                    Map.of("k8s-app", "kube-dns"));
            deployment(c, "coredns-autoscaler", "kube-system",
                    "mcr.microsoft.com/oss/v2/kubernetes/autoscaler/cluster-proportional-autoscaler:v1.8.11", 1, 8080,
                    Map.of("k8s-app", "coredns-autoscaler"));
            deployment(c, "konnectivity-agent", "kube-system",
                    "mcr.microsoft.com/oss/v2/kubernetes/apiserver-network-proxy/agent:v0.30.3", 2, 8082,
                    Map.of("app", "konnectivity-agent"));
            deployment(c, "metrics-server", "kube-system", "mcr.microsoft.com/oss/v2/kubernetes/metrics-server:v0.7.2", 2,
                    4443, Map.of("k8s-app", "metrics-server"));
            service(c, born, "kube-dns", "kube-system", "ClusterIP", "10.0.0.10", Map.of("k8s-app", "kube-dns"), 53, "UDP", 53,
                    "TCP");
            service(c, born, "metrics-server", "kube-system", "ClusterIP", null, Map.of("k8s-app", "metrics-server"), 443,
                    "TCP");
        });

        World.Kubernetes k = spec.kubernetes();
        Instant month = c.now().minus(Duration.ofDays(30));
        c.at(month, () -> k.namespaces().forEach(ns -> c.createNamespace(ns, month)));
        for (World.DeploymentSpec d : k.deployments()) {
            Instant when = c.now().minus(age(d.age(), Duration.ofDays(3)));
            c.at(when, () -> {
                ensureNamespace(c, d.namespace(), when);
                deployment(c, d.name(), d.namespace(), d.image(), d.replicas(), d.port(), Map.of("app", d.name()));
            });
        }
        Instant threeDays = c.now().minus(Duration.ofDays(3));
        c.at(threeDays, () -> {
            for (World.ServiceSpec s : k.services()) {
                ensureNamespace(c, s.namespace(), threeDays);
                ObjectNode svc = c.newObject(KubeKinds.SERVICE, s.namespace(), s.name(), threeDays);
                ObjectNode spec2 = svc.putObject("spec");
                spec2.put("type", s.type());
                ObjectNode sel = spec2.putObject("selector");
                s.selector().forEach(sel::put);
                spec2.putArray("ports").addObject().put("port", s.port()).put("protocol", "TCP").put("targetPort", s.targetPort());
                c.put(KubeKinds.SERVICE, svc);
            }
            for (World.ConfigMapSpec m : k.configMaps()) {
                ensureNamespace(c, m.namespace(), threeDays);
                ObjectNode cm = c.newObject(KubeKinds.CONFIG_MAP, m.namespace(), m.name(), threeDays);
                ObjectNode data = cm.putObject("data");
                m.data().forEach(data::put);
                c.put(KubeKinds.CONFIG_MAP, cm);
            }
            for (World.ReleaseSpec r : k.releases()) {
                ensureNamespace(c, r.namespace(), threeDays);
                c.installRelease(r.namespace(), r.name(), r.chart(), r.appVersion() == null ? "" : r.appVersion());
            }
        });
        if (!k.memberClusters().isEmpty()) {
            c.kinds().register(KubeKinds.MEMBER_CLUSTER);
            for (World.MemberClusterSpec m : k.memberClusters()) {
                Instant when = c.now().minus(age(m.age(), Duration.ofDays(3)));
                c.at(when, () -> {
                    ObjectNode mc = c.newObject(KubeKinds.MEMBER_CLUSTER, null, m.name(), when);
                    mc.putObject("spec").putObject("identity").put("kind", "User").put("name", m.name());
                    ObjectNode cond = mc.putObject("status").putArray("conditions").addObject();
                    cond.put("type", "Joined");
                    cond.put("status", m.joined() ? "True" : "False");
                    cond.put("reason", m.joined() ? "MemberClusterJoined" : "MemberClusterJoinFailed");
                    cond.put("lastTransitionTime", when.toString());
                    c.put(KubeKinds.MEMBER_CLUSTER, mc);
                });
            }
        }
        return c;
    }

    private static void ensureNamespace(KubeCluster c, String ns, Instant when) {
        if (!c.namespaceExists(ns)) {
            c.createNamespace(ns, when);
        }
    }

    /** A Deployment as {@code kubectl create deployment} would make it. */
    public static ObjectNode deploymentManifest(String name, String namespace, String image, int replicas, int port,
            Map<String, String> labels) {
        ObjectNode d = KubeCluster.JSON.createObjectNode();
        d.put("apiVersion", "apps/v1");
        d.put("kind", "Deployment");
        ObjectNode meta = d.putObject("metadata");
        meta.put("name", name);
        meta.put("namespace", namespace);
        ObjectNode ml = meta.putObject("labels");
        labels.forEach(ml::put);
        ObjectNode spec = d.putObject("spec");
        spec.put("replicas", replicas);
        ObjectNode sel = spec.putObject("selector").putObject("matchLabels");
        labels.forEach(sel::put);
        ObjectNode template = spec.putObject("template");
        ObjectNode tl = template.putObject("metadata").putObject("labels");
        labels.forEach(tl::put);
        ObjectNode container = template.putObject("spec").putArray("containers").addObject();
        String containerName = name.length() > 63 ? name.substring(0, 63) : name;
        container.put("name", containerName);
        container.put("image", image);
        container.putArray("ports").addObject().put("containerPort", port).put("protocol", "TCP");
        return d;
    }

    private static void deployment(KubeCluster c, String name, String ns, String image, int replicas, int port,
            Map<String, String> labels) {
        c.apply(deploymentManifest(name, ns, image, replicas, port, labels), ns);
    }

    private static void service(KubeCluster c, Instant created, String name, String ns, String type, String ip,
            Map<String, String> selector, Object... portsAndProtocols) {
        ObjectNode svc = c.newObject(KubeKinds.SERVICE, ns, name, created);
        ObjectNode spec = svc.putObject("spec");
        spec.put("type", type);
        if (ip != null) {
            spec.put("clusterIP", ip);
        }
        ObjectNode sel = spec.putObject("selector");
        selector.forEach(sel::put);
        ArrayNode ports = spec.putArray("ports");
        for (int i = 0; i < portsAndProtocols.length; i += 2) {
            ports.addObject().put("name", "port-" + i / 2).put("port", (Integer) portsAndProtocols[i])
                    .put("protocol", (String) portsAndProtocols[i + 1]).put("targetPort", (Integer) portsAndProtocols[i]);
        }
        c.put(KubeKinds.SERVICE, svc);
    }

    /** {@code 3d}, {@code 5h}, {@code 40m}. */
    static Duration age(String text, Duration fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        String t = text.trim();
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        return switch (t.charAt(t.length() - 1)) {
            case 'd' -> Duration.ofDays(n);
            case 'h' -> Duration.ofHours(n);
            case 'm' -> Duration.ofMinutes(n);
            case 's' -> Duration.ofSeconds(n);
            default -> throw new IllegalArgumentException("age must look like 3d, 5h or 40m, not " + text);
        };
    }
}
