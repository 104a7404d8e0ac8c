package dev.aksh.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code kubectl describe}, in kubectl's layout, for the kinds an operator describes most. */
final class Describe {
    private Describe() {
    }

    static String of(KubeKind kind, JsonNode o, KubeCluster cluster) {
        StringBuilder sb = new StringBuilder();
        line(sb, "Name", KubeCluster.nameOf(o));
        if (kind.namespaced()) {
            line(sb, "Namespace", KubeCluster.namespaceOf(o));
        }
        switch (kind.kind()) {
            case "Pod" -> pod(sb, o);
            case "Deployment" -> {
                line(sb, "CreationTimestamp", time(o.path("metadata").path("creationTimestamp").asText()));
                labels(sb, "Labels", o.path("metadata").path("labels"));
                labels(sb, "Annotations", o.path("metadata").path("annotations"));
                line(sb, "Selector", selector(o.path("spec").path("selector").path("matchLabels")));
                int r = o.path("spec").path("replicas").asInt(1);
                line(sb, "Replicas", r + " desired | " + o.path("status").path("updatedReplicas").asInt() + " updated | "
                        + o.path("status").path("replicas").asInt() + " total | " + o.path("status").path("availableReplicas").asInt()
                        + " available | 0 unavailable");
                line(sb, "StrategyType", "RollingUpdate");
                line(sb, "MinReadySeconds", "0");
                line(sb, "RollingUpdateStrategy", "25% max unavailable, 25% max surge");
                sb.append("Pod Template:\n");
                labels(sb, "  Labels", o.path("spec").path("template").path("metadata").path("labels"));
                containers(sb, o.path("spec").path("template").path("spec").path("containers"), null, "  ");
                sb.append("Conditions:\n  Type           Status  Reason\n  ----           ------  ------\n");
                for (JsonNode c : o.path("status").path("conditions")) {
                    sb.append(String.format("  %-14s %-7s %s%n", c.path("type").asText(), c.path("status").asText(),
                            c.path("reason").asText()));
                }
                List<String> rs = new ArrayList<>();
                for (JsonNode x : cluster.list(KubeKinds.REPLICA_SET, KubeCluster.namespaceOf(o), null)) {
                    if (x.path("metadata").path("ownerReferences").path(0).path("name").asText().equals(KubeCluster.nameOf(o))
                            && x.path("spec").path("replicas").asInt() > 0) {
                        rs.add(KubeCluster.nameOf(x) + " (" + x.path("status").path("replicas").asInt() + "/"
                                + x.path("spec").path("replicas").asInt() + " replicas created)");
                    }
                }
                line(sb, "OldReplicaSets", "<none>");
                line(sb, "NewReplicaSet", rs.isEmpty() ? "<none>" : rs.get(0));
                sb.append("Events:          <none>\n");
            }
            case "Node" -> {
                line(sb, "Roles", "<none>");
                labels(sb, "Labels", o.path("metadata").path("labels"));
                line(sb, "CreationTimestamp", time(o.path("metadata").path("creationTimestamp").asText()));
                line(sb, "Unschedulable", o.path("spec").path("unschedulable").asBoolean(false) ? "true" : "false");
                sb.append("Conditions:\n  Type    Status  Reason        Message\n  ----    ------  ------        -------\n");
                for (JsonNode c : o.path("status").path("conditions")) {
                    sb.append(String.format("  %-7s %-7s %-13s %s%n", c.path("type").asText(), c.path("status").asText(),
                            c.path("reason").asText(), c.path("message").asText()));
                }
                sb.append("Addresses:\n");
                for (JsonNode a : o.path("status").path("addresses")) {
                    sb.append("  ").append(a.path("type").asText()).append(":  ").append(a.path("address").asText()).append('\n');
                }
                sb.append("Capacity:\n");
                o.path("status").path("capacity").fields().forEachRemaining(e ->
                        sb.append("  ").append(e.getKey()).append(":  ").append(e.getValue().asText()).append('\n'));
                sb.append("System Info:\n");
                JsonNode info = o.path("status").path("nodeInfo");
                sb.append("  Kernel Version:             ").append(info.path("kernelVersion").asText()).append('\n');
                sb.append("  OS Image:                   ").append(info.path("osImage").asText()).append('\n');
                sb.append("  Container Runtime Version:  ").append(info.path("containerRuntimeVersion").asText()).append('\n');
                sb.append("  Kubelet Version:            ").append(info.path("kubeletVersion").asText()).append('\n');
                line(sb, "PodCIDR", o.path("spec").path("podCIDR").asText());
                int pods = 0;
                for (JsonNode p : cluster.list(KubeKinds.POD, null, null)) {
                    if (p.path("spec").path("nodeName").asText().equals(KubeCluster.nameOf(o))) {
                        pods++;
                    }
                }
                sb.append("Non-terminated Pods:          (").append(pods).append(" in total)\n");
                sb.append("Events:                       <none>\n");
            }
            case "Service" -> {
                labels(sb, "Labels", o.path("metadata").path("labels"));
                labels(sb, "Annotations", o.path("metadata").path("annotations"));
                line(sb, "Selector", o.path("spec").has("selector") ? selector(o.path("spec").path("selector")) : "<none>");
                line(sb, "Type", o.path("spec").path("type").asText("ClusterIP"));
                line(sb, "IP Family Policy", "SingleStack");
                line(sb, "IP Families", "IPv4");
                line(sb, "IP", o.path("spec").path("clusterIP").asText());
                line(sb, "IPs", o.path("spec").path("clusterIP").asText());
                for (JsonNode p : o.path("spec").path("ports")) {
                    line(sb, "Port", p.path("name").asText("<unset>") + "  " + p.path("port").asText() + "/"
                            + p.path("protocol").asText("TCP"));
                    line(sb, "TargetPort", p.path("targetPort").asText() + "/" + p.path("protocol").asText("TCP"));
                }
                line(sb, "Session Affinity", "None");
                sb.append("Events:            <none>\n");
            }
            default -> {
                labels(sb, "Labels", o.path("metadata").path("labels"));
                labels(sb, "Annotations", o.path("metadata").path("annotations"));
                if (kind.equals(KubeKinds.NAMESPACE)) {
                    line(sb, "Status", o.path("status").path("phase").asText("Active"));
                    sb.append("\nNo resource quota.\n\nNo LimitRange resource.\n");
                    return sb.toString();
                }
                if (o.has("data")) {
                    sb.append("\nData\n====\n");
                    o.path("data").fields().forEachRemaining(e -> sb.append(e.getKey()).append(":\n----\n")
                            .append(e.getValue().asText()).append("\n\n"));
                }
                sb.append("\nEvents:  <none>\n");
            }
        }
        return sb.toString();
    }

    private static void pod(StringBuilder sb, JsonNode o) {
        line(sb, "Priority", "0");
        line(sb, "Service Account", o.path("spec").path("serviceAccountName").asText("default"));
        line(sb, "Node", o.path("spec").path("nodeName").asText() + "/" + o.path("status").path("hostIP").asText());
        line(sb, "Start Time", time(o.path("status").path("startTime").asText()));
        labels(sb, "Labels", o.path("metadata").path("labels"));
        labels(sb, "Annotations", o.path("metadata").path("annotations"));
        line(sb, "Status", o.path("status").path("phase").asText());
        line(sb, "IP", o.path("status").path("podIP").asText());
        sb.append("IPs:\n  IP:           ").append(o.path("status").path("podIP").asText()).append('\n');
        JsonNode owner = o.path("metadata").path("ownerReferences").path(0);
        if (!owner.isMissingNode()) {
            line(sb, "Controlled By", owner.path("kind").asText() + "/" + owner.path("name").asText());
        }
        sb.append("Containers:\n");
        containers(sb, o.path("spec").path("containers"), o.path("status").path("containerStatuses"), "");
        sb.append("Conditions:\n  Type                        Status\n");
        for (JsonNode c : o.path("status").path("conditions")) {
            sb.append(String.format("  %-27s %s%n", c.path("type").asText(), c.path("status").asText()));
        }
        line(sb, "QoS Class", o.path("status").path("qosClass").asText("BestEffort"));
        line(sb, "Node-Selectors", "<none>");
        line(sb, "Tolerations", "node.kubernetes.io/not-ready:NoExecute op=Exists for 300s");
        sb.append("                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s\n");
        sb.append("Events:                      <none>\n");
    }

    private static void containers(StringBuilder sb, JsonNode containers, JsonNode statuses, String indent) {
        if (!indent.isEmpty()) {
            sb.append(indent).append("Containers:\n");
        }
        for (int i = 0; i < containers.size(); i++) {
            JsonNode c = containers.get(i);
            sb.append(indent).append("  ").append(c.path("name").asText()).append(":\n");
            sb.append(indent).append("    Image:          ").append(c.path("image").asText()).append('\n');
            JsonNode port = c.path("ports").path(0);
            sb.append(indent).append("    Port:           ").append(port.isMissingNode() ? "<none>"
                    : port.path("containerPort").asText() + "/" + port.path("protocol").asText("TCP")).append('\n');
            if (statuses != null && statuses.size() > i) {
                JsonNode s = statuses.get(i);
                sb.append(indent).append("    State:          Running\n");
                sb.append(indent).append("      Started:      ").append(time(s.path("state").path("running").path("startedAt").asText()))
                        .append('\n');
                sb.append(indent).append("    Ready:          ").append(s.path("ready").asBoolean() ? "True" : "False").append('\n');
                sb.append(indent).append("    Restart Count:  ").append(s.path("restartCount").asInt()).append('\n');
            }
            sb.append(indent).append("    Environment:    <none>\n");
            sb.append(indent).append("    Mounts:         <none>\n");
        }
    }

    private static void line(StringBuilder sb, String label, String value) {
        String l = label + ":";
        sb.append(l).append(" ".repeat(Math.max(1, 18 - l.length()))).append(value).append('\n');
    }

    private static void labels(StringBuilder sb, String label, JsonNode labels) {
        List<String> items = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) labels::fields) {
            items.add(e.getKey() + "=" + e.getValue().asText());
        }
        items.sort(null);
        if (items.isEmpty()) {
            line(sb, label, "<none>");
            return;
        }
        line(sb, label, items.get(0));
        String pad = " ".repeat(Math.max(label.length() + 2, 18));
        for (int i = 1; i < items.size(); i++) {
            sb.append(pad).append(items.get(i)).append('\n');
        }
    }

    private static String selector(JsonNode labels) {
        List<String> out = new ArrayList<>();
        labels.fields().forEachRemaining(e -> out.add(e.getKey() + "=" + e.getValue().asText()));
        return String.join(",", out);
    }

    private static String time(String iso) {
        if (iso == null || iso.isEmpty()) {
            return "<unknown>";
        }
        return FakeKubectl.DESCRIBE_TIME.format(Instant.parse(iso));
    }
}
