package dev.aksh.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The columns kubectl prints for each kind (the API server's Table columns), default and wide,
 * computed from the objects: the same definitions serve {@code kubectl get} in the run-command
 * pod and server-side Table output for a real kubectl.
 */
public final class KubeTables {

    /** A column: its header, whether only {@code -o wide} shows it, and how to compute a cell. */
    public record Column(String header, boolean wide, BiFunction<JsonNode, Instant, String> cell) {
    }

    private KubeTables() {
    }

    public static List<Column> columns(KubeKind kind) {
        List<Column> c = new ArrayList<>();
        c.add(new Column("NAME", false, (o, now) -> KubeCluster.nameOf(o)));
        switch (kind.kind()) {
            case "Pod" -> {
                c.add(col("READY", KubeTables::podReady));
                c.add(col("STATUS", (o, now) -> o.path("status").path("phase").asText("Pending")));
                c.add(col("RESTARTS", (o, now) -> String.valueOf(restarts(o))));
                c.add(age());
                c.add(wide("IP", (o, now) -> o.path("status").path("podIP").asText("<none>")));
                c.add(wide("NODE", (o, now) -> o.path("spec").path("nodeName").asText("<none>")));
                c.add(wide("NOMINATED NODE", (o, now) -> "<none>"));
                c.add(wide("READINESS GATES", (o, now) -> "<none>"));
            }
            case "Deployment" -> {
                c.add(col("READY", (o, now) -> o.path("status").path("readyReplicas").asInt(0) + "/"
                        + o.path("spec").path("replicas").asInt(1)));
                c.add(col("UP-TO-DATE", (o, now) -> String.valueOf(o.path("status").path("updatedReplicas").asInt(0))));
                c.add(col("AVAILABLE", (o, now) -> String.valueOf(o.path("status").path("availableReplicas").asInt(0))));
                c.add(age());
                c.add(wide("CONTAINERS", (o, now) -> join(o.path("spec").path("template").path("spec").path("containers"), "name")));
                c.add(wide("IMAGES", (o, now) -> join(o.path("spec").path("template").path("spec").path("containers"), "image")));
                c.add(wide("SELECTOR", (o, now) -> selector(o.path("spec").path("selector").path("matchLabels"))));
            }
            case "ReplicaSet" -> {
                c.add(col("DESIRED", (o, now) -> String.valueOf(o.path("spec").path("replicas").asInt(1))));
                c.add(col("CURRENT", (o, now) -> String.valueOf(o.path("status").path("replicas").asInt(0))));
                c.add(col("READY", (o, now) -> String.valueOf(o.path("status").path("readyReplicas").asInt(0))));
                c.add(age());
                c.add(wide("CONTAINERS", (o, now) -> join(o.path("spec").path("template").path("spec").path("containers"), "name")));
                c.add(wide("IMAGES", (o, now) -> join(o.path("spec").path("template").path("spec").path("containers"), "image")));
                c.add(wide("SELECTOR", (o, now) -> selector(o.path("spec").path("selector").path("matchLabels"))));
            }
            case "Service" -> {
                c.add(col("TYPE", (o, now) -> o.path("spec").path("type").asText("ClusterIP")));
                c.add(col("CLUSTER-IP", (o, now) -> o.path("spec").path("clusterIP").asText("<none>")));
                c.add(col("EXTERNAL-IP", KubeTables::externalIp));
                c.add(col("PORT(S)", (o, now) -> ports(o)));
                c.add(age());
                c.add(wide("SELECTOR", (o, now) -> o.path("spec").has("selector")
                        ? selector(o.path("spec").path("selector")) : "<none>"));
            }
            case "Node" -> {
                c.add(col("STATUS", (o, now) -> "Ready"));
                c.add(col("ROLES", (o, now) -> "<none>"));
                c.add(age());
                c.add(col("VERSION", (o, now) -> o.path("status").path("nodeInfo").path("kubeletVersion").asText()));
                c.add(wide("INTERNAL-IP", (o, now) -> o.path("status").path("addresses").path(0).path("address").asText()));
                c.add(wide("EXTERNAL-IP", (o, now) -> "<none>"));
                c.add(wide("OS-IMAGE", (o, now) -> o.path("status").path("nodeInfo").path("osImage").asText()));
                c.add(wide("KERNEL-VERSION", (o, now) -> o.path("status").path("nodeInfo").path("kernelVersion").asText()));
                c.add(wide("CONTAINER-RUNTIME", (o, now) -> o.path("status").path("nodeInfo").path("containerRuntimeVersion").asText()));
            }
            case "Namespace" -> {
                c.add(col("STATUS", (o, now) -> o.path("status").path("phase").asText("Active")));
                c.add(age());
            }
            case "ConfigMap" -> {
                c.add(col("DATA", (o, now) -> String.valueOf(o.path("data").size() + o.path("binaryData").size())));
                c.add(age());
            }
            case "Secret" -> {
                c.add(col("TYPE", (o, now) -> o.path("type").asText("Opaque")));
                c.add(col("DATA", (o, now) -> String.valueOf(o.path("data").size() + o.path("stringData").size())));
                c.add(age());
            }
            case "ServiceAccount" -> {
                c.add(col("SECRETS", (o, now) -> String.valueOf(o.path("secrets").size())));
                c.add(age());
            }
            case "DaemonSet" -> {
                c.add(col("DESIRED", (o, now) -> String.valueOf(o.path("status").path("desiredNumberScheduled").asInt(0))));
                c.add(col("CURRENT", (o, now) -> String.valueOf(o.path("status").path("currentNumberScheduled").asInt(0))));
                c.add(col("READY", (o, now) -> String.valueOf(o.path("status").path("numberReady").asInt(0))));
                c.add(col("UP-TO-DATE", (o, now) -> String.valueOf(o.path("status").path("updatedNumberScheduled").asInt(0))));
                c.add(col("AVAILABLE", (o, now) -> String.valueOf(o.path("status").path("numberAvailable").asInt(0))));
                c.add(col("NODE SELECTOR", (o, now) -> {
                    String s = selector(o.path("spec").path("template").path("spec").path("nodeSelector"));
                    return s.isEmpty() ? "<none>" : s;
                }));
                c.add(age());
            }
            case "StatefulSet" -> {
                c.add(col("READY", (o, now) -> o.path("status").path("readyReplicas").asInt(0) + "/"
                        + o.path("spec").path("replicas").asInt(1)));
                c.add(age());
            }
            case "Ingress" -> {
                c.add(col("CLASS", (o, now) -> o.path("spec").path("ingressClassName").asText("<none>")));
                c.add(col("HOSTS", (o, now) -> {
                    List<String> hosts = new ArrayList<>();
                    o.path("spec").path("rules").forEach(r -> hosts.add(r.path("host").asText("*")));
                    return hosts.isEmpty() ? "*" : String.join(",", hosts);
                }));
                c.add(col("ADDRESS", (o, now) -> o.path("status").path("loadBalancer").path("ingress").path(0).path("ip").asText("")));
                c.add(col("PORTS", (o, now) -> "80"));
                c.add(age());
            }
            case "MemberCluster" -> {
                c.add(col("JOINED", (o, now) -> {
                    for (JsonNode cond : o.path("status").path("conditions")) {
                        if (cond.path("type").asText().equals("Joined")) {
                            return cond.path("status").asText("Unknown");
                        }
                    }
                    return "Unknown";
                }));
                c.add(age());
            }
            default -> c.add(age());
        }
        return c;
    }

    /** The columns shown for {@code wide} or the default view. */
    public static List<Column> visible(KubeKind kind, boolean wide) {
        List<Column> out = new ArrayList<>();
        for (Column c : columns(kind)) {
            if (wide || !c.wide()) {
                out.add(c);
            }
        }
        return out;
    }

    private static Column col(String header, BiFunction<JsonNode, Instant, String> cell) {
        return new Column(header, false, cell);
    }

    private static Column wide(String header, BiFunction<JsonNode, Instant, String> cell) {
        return new Column(header, true, cell);
    }

    private static Column age() {
        return col("AGE", (o, now) -> age(o, now));
    }

    public static String age(JsonNode o, Instant now) {
        String created = o.path("metadata").path("creationTimestamp").asText(null);
        if (created == null) {
            return "<unknown>";
        }
        return HumanDuration.of(Duration.between(Instant.parse(created), now));
    }

    private static String podReady(JsonNode o, Instant now) {
        int total = o.path("spec").path("containers").size();
        int ready = 0;
        for (JsonNode s : o.path("status").path("containerStatuses")) {
            if (s.path("ready").asBoolean()) {
                ready++;
            }
        }
        return ready + "/" + total;
    }

    private static int restarts(JsonNode o) {
        int n = 0;
        for (JsonNode s : o.path("status").path("containerStatuses")) {
            n += s.path("restartCount").asInt();
        }
        return n;
    }

    private static String externalIp(JsonNode o, Instant now) {
        String type = o.path("spec").path("type").asText("ClusterIP");
        if (type.equals("LoadBalancer")) {
            String ip = o.path("status").path("loadBalancer").path("ingress").path(0).path("ip").asText(null);
            return ip == null ? "<pending>" : ip;
        }
        if (type.equals("ExternalName")) {
            return o.path("spec").path("externalName").asText("<none>");
        }
        return "<none>";
    }

    private static String ports(JsonNode o) {
        List<String> out = new ArrayList<>();
        for (JsonNode p : o.path("spec").path("ports")) {
            String s = p.path("port").asText();
            if (p.has("nodePort")) {
                s += ":" + p.path("nodePort").asText();
            }
            out.add(s + "/" + p.path("protocol").asText("TCP"));
        }
        return out.isEmpty() ? "<none>" : String.join(",", out);
    }

    private static String join(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(c -> out.add(c.path(field).asText()));
        return String.join(",", out);
    }

    private static String selector(JsonNode labels) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) labels::fields) {
            out.add(e.getKey() + "=" + e.getValue().asText());
        }
        return String.join(",", out);
    }

    /**
     * Lays rows out as kubectl does: columns left-aligned, separated by three spaces, no trailing
     * blanks.
     */
    public static String layout(List<List<String>> rows) {
        if (rows.isEmpty()) {
            return "";
        }
        int cols = rows.get(0).size();
        int[] w = new int[cols];
        for (List<String> r : rows) {
            for (int i = 0; i < cols; i++) {
                w[i] = Math.max(w[i], r.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (List<String> r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < cols; i++) {
                line.append(r.get(i));
                if (i < cols - 1) {
                    line.append(" ".repeat(w[i] - r.get(i).length() + 3));
                }
            }
            int end = line.length();
            while (end > 0 && line.charAt(end - 1) == ' ') {
                end--;
            }
            sb.append(line, 0, end).append('\n');
        }
        return sb.toString();
    }
}
