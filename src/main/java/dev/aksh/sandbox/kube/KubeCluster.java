package dev.aksh.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The state of one fake cluster: Kubernetes objects as Kubernetes JSON, and the controllers an
 * operator notices (a Deployment gets a ReplicaSet and Pods; scaling and deleting follow; Services
 * get cluster IPs; a new Namespace gets its default ServiceAccount and root CA ConfigMap). The
 * run-command "pod" and the fake API server read and change the same state. Callers synchronize
 * on the cluster.
 */
public final class KubeCluster {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String NAME_CHARS = "bcdfghjklmnpqrstvwxz2456789";

    private final String name;
    private final String version;
    private final String apiServerHost;
    private final Clock clock;
    private final KubeKinds kinds = new KubeKinds();
    private final Map<String, ObjectNode> objects = new TreeMap<>();
    private final Map<String, HelmRelease> releases = new TreeMap<>();
    private final Random random;
    private final List<String> nodeNames = new ArrayList<>();
    private long resourceVersion = 1000;
    private int podIp = 10;
    private int serviceIp = 20;
    private int nodeCursor;
    private Instant fixedTime;

    /** A Helm release as {@code helm list} shows it. */
    public record HelmRelease(String name, String namespace, int revision, Instant updated, String status, String chart,
            String appVersion) {
    }

    /**
     * @param version the Kubernetes version ({@code 1.32.4})
     * @param apiServerHost the API server's host name, for cluster-info
     */
    public KubeCluster(String name, String version, String apiServerHost, Clock clock) {
        this.name = name;
        this.version = version;
        this.apiServerHost = apiServerHost;
        this.clock = clock;
        this.random = new Random(name.hashCode());
    }

    public String name() {
        return name;
    }

    public String version() {
        return version;
    }

    public String apiServerHost() {
        return apiServerHost;
    }

    public KubeKinds kinds() {
        return kinds;
    }

    public Instant now() {
        return clock.instant();
    }

    /** Runs {@code change} as if it happened at {@code time} (seeding objects with an age). */
    public void at(Instant time, Runnable change) {
        fixedTime = time;
        try {
            change.run();
        } finally {
            fixedTime = null;
        }
    }

    private Instant currentTime() {
        return fixedTime != null ? fixedTime : clock.instant();
    }

    // ------------------------------------------------------------------ queries

    /** Objects of a kind, in a namespace (null: all namespaces), matching a selector, sorted by namespace and name. */
    public List<ObjectNode> list(KubeKind kind, String namespace, Labels selector) {
        String prefix = kind.plural() + "/";
        List<ObjectNode> out = new ArrayList<>();
        for (Map.Entry<String, ObjectNode> e : objects.entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                continue;
            }
            ObjectNode o = e.getValue();
            if (kind.namespaced() && namespace != null && !namespace.equals(namespaceOf(o))) {
                continue;
            }
            if (selector == null || selector.matches(o)) {
                out.add(o);
            }
        }
        out.sort(Comparator.comparing(KubeCluster::namespaceOf).thenComparing(KubeCluster::nameOf));
        return out;
    }

    public ObjectNode get(KubeKind kind, String namespace, String name) {
        return objects.get(key(kind, namespace, name));
    }

    public ObjectNode require(KubeKind kind, String namespace, String name) {
        if (kind.namespaced() && !namespaceExists(namespace)) {
            throw KubeError.notFound(kind, name);
        }
        ObjectNode o = get(kind, namespace, name);
        if (o == null) {
            throw KubeError.notFound(kind, name);
        }
        return o;
    }

    public boolean namespaceExists(String namespace) {
        return get(KubeKinds.NAMESPACE, null, namespace) != null;
    }

    public List<String> nodeNames() {
        return List.copyOf(nodeNames);
    }

    public List<HelmRelease> releases(String namespace) {
        List<HelmRelease> out = new ArrayList<>();
        for (HelmRelease r : releases.values()) {
            if (namespace == null || r.namespace().equals(namespace)) {
                out.add(r);
            }
        }
        return out;
    }

    public HelmRelease release(String namespace, String name) {
        return releases.get(namespace + "/" + name);
    }

    // ------------------------------------------------------------------ saving

    /** Everything this cluster holds, as JSON (for {@code sandbox save}); {@link #restore} reads it back. */
    public ObjectNode snapshot() {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode objs = out.putArray("objects");
        for (ObjectNode o : objects.values()) {
            objs.add(o.deepCopy());
        }
        ArrayNode rels = out.putArray("releases");
        for (HelmRelease r : releases.values()) {
            rels.addObject().put("name", r.name()).put("namespace", r.namespace()).put("revision", r.revision())
                    .put("updated", r.updated().toString()).put("status", r.status()).put("chart", r.chart())
                    .put("appVersion", r.appVersion());
        }
        ArrayNode nodes = out.putArray("nodeNames");
        nodeNames.forEach(nodes::add);
        out.put("resourceVersion", resourceVersion).put("podIp", podIp).put("serviceIp", serviceIp)
                .put("nodeCursor", nodeCursor);
        return out;
    }

    /** Replaces what this cluster holds with a {@link #snapshot}. */
    public void restore(JsonNode saved) {
        objects.clear();
        releases.clear();
        nodeNames.clear();
        for (JsonNode o : saved.path("objects")) {
            String kindName = o.path("kind").asText();
            KubeKind kind = kinds.forManifest(o.path("apiVersion").asText(), kindName, !clusterScoped(kindName));
            objects.put(key(kind, namespaceOf(o), nameOf(o)), (ObjectNode) o.deepCopy());
        }
        for (JsonNode r : saved.path("releases")) {
            HelmRelease h = new HelmRelease(r.path("name").asText(), r.path("namespace").asText(), r.path("revision").asInt(1),
                    Instant.parse(r.path("updated").asText()), r.path("status").asText(), r.path("chart").asText(),
                    r.path("appVersion").asText());
            releases.put(h.namespace() + "/" + h.name(), h);
        }
        saved.path("nodeNames").forEach(n -> nodeNames.add(n.asText()));
        resourceVersion = saved.path("resourceVersion").asLong(resourceVersion);
        podIp = saved.path("podIp").asInt(podIp);
        serviceIp = saved.path("serviceIp").asInt(serviceIp);
        nodeCursor = saved.path("nodeCursor").asInt(nodeCursor);
    }

    // ------------------------------------------------------------------ changes

    /** What applying a manifest did. */
    public enum Applied {
        CREATED, CONFIGURED, UNCHANGED
    }

    /**
     * Creates or updates an object from a manifest, like {@code kubectl apply}.
     *
     * @param defaultNamespace the namespace for namespaced objects that name none
     */
    public Applied apply(ObjectNode manifest, String defaultNamespace) {
        String apiVersion = manifest.path("apiVersion").asText("");
        String kindName = manifest.path("kind").asText("");
        String objName = manifest.path("metadata").path("name").asText("");
        if (apiVersion.isEmpty() || kindName.isEmpty()) {
            throw new KubeError(400, "BadRequest", "Object 'Kind' is missing in '" + manifest + "'");
        }
        if (objName.isEmpty()) {
            throw new KubeError(422, "Invalid", kindName + " \"\" is invalid: metadata.name: Required value: name or "
                    + "generateName is required");
        }
        KubeKind kind = kinds.byWord(kindName.toLowerCase(Locale.ROOT));
        if (kind == null || !kind.kind().equals(kindName)) {
            kind = kinds.forManifest(apiVersion, kindName, !clusterScoped(kindName));
        }
        String ns = null;
        if (kind.namespaced()) {
            ns = manifest.path("metadata").path("namespace").asText(defaultNamespace);
            if (!namespaceExists(ns)) {
                throw KubeError.namespaceNotFound(ns);
            }
        }
        ObjectNode existing = get(kind, ns, objName);
        if (existing != null) {
            ObjectNode desired = existing.deepCopy();
            boolean changed = false;
            for (String field : List.of("spec", "data", "stringData", "type")) {
                JsonNode v = manifest.get(field);
                if (v != null && !v.equals(existing.get(field))) {
                    desired.set(field, v.deepCopy());
                    changed = true;
                }
            }
            JsonNode labels = manifest.path("metadata").get("labels");
            if (labels != null && !labels.equals(existing.path("metadata").get("labels"))) {
                ((ObjectNode) desired.get("metadata")).set("labels", labels.deepCopy());
                changed = true;
            }
            if (!changed) {
                return Applied.UNCHANGED;
            }
            ObjectNode meta = (ObjectNode) desired.get("metadata");
            meta.put("generation", meta.path("generation").asLong(1) + 1);
            store(kind, desired);
            reconcile(kind, desired);
            return Applied.CONFIGURED;
        }
        ObjectNode created = newObject(kind, ns, objName, currentTime());
        ObjectNode meta = (ObjectNode) created.get("metadata");
        JsonNode labels = manifest.path("metadata").get("labels");
        if (labels != null) {
            meta.set("labels", labels.deepCopy());
        }
        JsonNode annotations = manifest.path("metadata").get("annotations");
        if (annotations != null) {
            meta.set("annotations", annotations.deepCopy());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = manifest.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!List.of("apiVersion", "kind", "metadata", "status").contains(e.getKey())) {
                created.set(e.getKey(), e.getValue().deepCopy());
            }
        }
        store(kind, created);
        reconcile(kind, created);
        return Applied.CREATED;
    }

    /** Creates an object (POST): 409 if it exists. */
    public ObjectNode create(KubeKind kind, String namespace, ObjectNode manifest) {
        String objName = manifest.path("metadata").path("name").asText("");
        if (kind.namespaced() && !namespaceExists(namespace)) {
            throw KubeError.namespaceNotFound(namespace);
        }
        if (!objName.isEmpty() && get(kind, namespace, objName) != null) {
            throw KubeError.alreadyExists(kind, objName);
        }
        if (kind.equals(KubeKinds.NAMESPACE)) {
            return createNamespace(objName, currentTime());
        }
        ObjectNode m = manifest.deepCopy();
        if (kind.namespaced()) {
            m.with("metadata").put("namespace", namespace);
        }
        m.put("apiVersion", kind.apiVersion());
        m.put("kind", kind.kind());
        apply(m, namespace);
        return get(kind, namespace, objName);
    }

    /**
     * Replaces an object's desired state (PUT, or the result of a PATCH), keeping what the server
     * owns (uid, creation time), and runs the controllers.
     */
    public ObjectNode replace(KubeKind kind, String namespace, String objName, ObjectNode desired) {
        ObjectNode existing = require(kind, namespace, objName);
        ObjectNode next = desired.deepCopy();
        ObjectNode meta = next.with("metadata");
        JsonNode oldMeta = existing.get("metadata");
        for (String f : List.of("uid", "creationTimestamp", "namespace", "name", "ownerReferences")) {
            if (oldMeta.has(f)) {
                meta.set(f, oldMeta.get(f).deepCopy());
            }
        }
        next.put("apiVersion", kind.apiVersion());
        next.put("kind", kind.kind());
        if (!desired.path("spec").equals(existing.path("spec"))) {
            meta.put("generation", oldMeta.path("generation").asLong(1) + 1);
        } else {
            meta.put("generation", oldMeta.path("generation").asLong(1));
        }
        if (!next.has("status") && existing.has("status")) {
            next.set("status", existing.get("status").deepCopy());
        }
        store(kind, next);
        reconcile(kind, next);
        return next;
    }

    /** Deletes an object and what it owns (a Deployment's ReplicaSets and Pods, a Namespace's contents). */
    public void delete(KubeKind kind, String namespace, String objName) {
        ObjectNode o = require(kind, namespace, objName);
        objects.remove(key(kind, namespace, objName));
        String uid = o.path("metadata").path("uid").asText();
        if (kind.equals(KubeKinds.NAMESPACE)) {
            objects.values().removeIf(x -> objName.equals(namespaceOf(x)));
            releases.values().removeIf(r -> r.namespace().equals(objName));
            return;
        }
        deleteOwnedBy(uid);
        if (kind.equals(KubeKinds.POD)) {
            // a ReplicaSet replaces a pod it owns
            JsonNode owner = o.path("metadata").path("ownerReferences").path(0);
            if (owner.path("kind").asText().equals("ReplicaSet")) {
                ObjectNode rs = get(KubeKinds.REPLICA_SET, namespace, owner.path("name").asText());
                if (rs != null) {
                    reconcileReplicaSet(rs);
                }
            }
        }
    }

    private void deleteOwnedBy(String uid) {
        List<String> owned = new ArrayList<>();
        for (Map.Entry<String, ObjectNode> e : objects.entrySet()) {
            for (JsonNode ref : e.getValue().path("metadata").path("ownerReferences")) {
                if (ref.path("uid").asText().equals(uid)) {
                    owned.add(e.getKey());
                }
            }
        }
        for (String k : owned) {
            ObjectNode child = objects.remove(k);
            if (child != null) {
                deleteOwnedBy(child.path("metadata").path("uid").asText());
            }
        }
    }

    /** Scales a Deployment, ReplicaSet or StatefulSet. */
    public void scale(KubeKind kind, String namespace, String objName, int replicas) {
        ObjectNode o = require(kind, namespace, objName);
        ((ObjectNode) o.with("spec")).put("replicas", replicas);
        bump(o);
        reconcile(kind, o);
    }

    /** {@code kubectl rollout restart}: a new template annotation, so a new ReplicaSet rolls out. */
    public void restart(String namespace, String deployment) {
        ObjectNode d = require(KubeKinds.DEPLOYMENT, namespace, deployment);
        ObjectNode annotations = d.with("spec").with("template").with("metadata").with("annotations");
        annotations.put("kubectl.kubernetes.io/restartedAt", currentTime().toString());
        bump(d);
        reconcile(KubeKinds.DEPLOYMENT, d);
    }

    public ObjectNode createNamespace(String ns, Instant created) {
        if (namespaceExists(ns)) {
            throw KubeError.alreadyExists(KubeKinds.NAMESPACE, ns);
        }
        ObjectNode n = newObject(KubeKinds.NAMESPACE, null, ns, created);
        ((ObjectNode) n.get("metadata")).putObject("labels").put("kubernetes.io/metadata.name", ns);
        n.putObject("spec").putArray("finalizers").add("kubernetes");
        n.putObject("status").put("phase", "Active");
        store(KubeKinds.NAMESPACE, n);
        ObjectNode sa = newObject(KubeKinds.SERVICE_ACCOUNT, ns, "default", created);
        store(KubeKinds.SERVICE_ACCOUNT, sa);
        ObjectNode ca = newObject(KubeKinds.CONFIG_MAP, ns, "kube-root-ca.crt", created);
        ca.putObject("data").put("ca.crt", "-----BEGIN CERTIFICATE-----\n(sandbox cluster CA)\n-----END CERTIFICATE-----\n");
        store(KubeKinds.CONFIG_MAP, ca);
        return n;
    }

    public ObjectNode addNode(String nodeName, String pool, Instant created, int index) {
        ObjectNode n = newObject(KubeKinds.NODE, null, nodeName, created);
        ObjectNode labels = ((ObjectNode) n.get("metadata")).putObject("labels");
        labels.put("agentpool", pool);
        labels.put("beta.kubernetes.io/arch", "amd64");
        labels.put("beta.kubernetes.io/os", "linux");
        labels.put("kubernetes.azure.com/agentpool", pool);
        labels.put("kubernetes.azure.com/mode", "system");
        labels.put("kubernetes.azure.com/role", "agent");
        labels.put("kubernetes.io/hostname", nodeName);
        labels.put("kubernetes.io/os", "linux");
        labels.put("node.kubernetes.io/instance-type", "Standard_D4ds_v5");
        labels.put("topology.kubernetes.io/zone", "westeurope-" + (index % 3 + 1));
        n.putObject("spec").put("podCIDR", "10.244." + index + ".0/24")
                .put("providerID", "azure:///subscriptions/.../virtualMachineScaleSets/" + pool + "/virtualMachines/" + index);
        ObjectNode status = n.putObject("status");
        status.putArray("addresses").addObject().put("type", "InternalIP").put("address", "10.224.0." + (4 + index));
        ((ArrayNode) status.get("addresses")).addObject().put("type", "Hostname").put("address", nodeName);
        status.putObject("capacity").put("cpu", "4").put("memory", "16365228Ki").put("pods", "110");
        status.putObject("allocatable").put("cpu", "3860m").put("memory", "12914348Ki").put("pods", "110");
        status.putArray("conditions").addObject().put("type", "Ready").put("status", "True").put("reason", "KubeletReady")
                .put("message", "kubelet is posting ready status").put("lastTransitionTime", created.toString());
        status.putObject("nodeInfo").put("kubeletVersion", "v" + version).put("kubeProxyVersion", "v" + version)
                .put("osImage", "Azure Linux 3.0").put("kernelVersion", "6.6.64.2-9.azl3")
                .put("containerRuntimeVersion", "containerd://2.0.0").put("operatingSystem", "linux").put("architecture", "amd64");
        store(KubeKinds.NODE, n);
        nodeNames.add(nodeName);
        return n;
    }

    /** Stores an object as given (seeding, and kinds without controllers). */
    public void put(KubeKind kind, ObjectNode object) {
        store(kind, object);
        reconcile(kind, object);
    }

    public HelmRelease installRelease(String namespace, String releaseName, String chart, String appVersion) {
        HelmRelease old = releases.get(namespace + "/" + releaseName);
        HelmRelease r = new HelmRelease(releaseName, namespace, old == null ? 1 : old.revision() + 1, currentTime(),
                "deployed", chart, appVersion);
        releases.put(namespace + "/" + releaseName, r);
        return r;
    }

    public void uninstallRelease(String namespace, String releaseName) {
        releases.remove(namespace + "/" + releaseName);
        List<ObjectNode> doomed = new ArrayList<>();
        for (ObjectNode o : objects.values()) {
            if (releaseName.equals(o.path("metadata").path("labels").path("app.kubernetes.io/instance").asText(null))
                    && namespace.equals(namespaceOf(o)) && o.path("metadata").path("ownerReferences").isEmpty()) {
                doomed.add(o);
            }
        }
        for (ObjectNode o : doomed) {
            KubeKind k = kinds.byWord(o.get("kind").asText());
            if (k != null && get(k, namespaceOf(o), nameOf(o)) != null) {
                delete(k, namespaceOf(o), nameOf(o));
            }
        }
    }

    // ------------------------------------------------------------------ controllers

    private void reconcile(KubeKind kind, ObjectNode o) {
        if (kind.equals(KubeKinds.DEPLOYMENT)) {
            reconcileDeployment(o);
        } else if (kind.equals(KubeKinds.REPLICA_SET)) {
            reconcileReplicaSet(o);
        } else if (kind.equals(KubeKinds.SERVICE)) {
            ObjectNode spec = o.with("spec");
            if (!spec.has("type")) {
                spec.put("type", "ClusterIP");
            }
            if (!spec.has("clusterIP")) {
                spec.put("clusterIP", "10.0." + (serviceIp / 250) + "." + (serviceIp % 250 + 2));
                serviceIp++;
            }
            for (JsonNode p : spec.path("ports")) {
                ObjectNode port = (ObjectNode) p;
                if (!port.has("protocol")) {
                    port.put("protocol", "TCP");
                }
                if ("LoadBalancer".equals(spec.path("type").asText()) && !port.has("nodePort")) {
                    port.put("nodePort", 30000 + Math.floorMod(nameOf(o).hashCode() + port.path("port").asInt(), 2768));
                }
            }
            if ("LoadBalancer".equals(spec.path("type").asText()) && !o.path("status").has("loadBalancer")) {
                o.putObject("status").putObject("loadBalancer").putArray("ingress").addObject()
                        .put("ip", "20.23." + (serviceIp % 200) + "." + (17 + serviceIp % 200));
            }
        } else if (kind.equals(KubeKinds.POD)) {
            if (!o.has("status") || !o.path("status").has("phase")) {
                runPod(o, null);
            }
        } else if (kind.equals(KubeKinds.NAMESPACE)) {
            if (!o.has("status")) {
                o.putObject("status").put("phase", "Active");
            }
        }
    }

    private void reconcileDeployment(ObjectNode d) {
        String ns = namespaceOf(d);
        JsonNode template = d.path("spec").path("template");
        String hash = templateHash(template);
        String rsName = nameOf(d) + "-" + hash;
        int replicas = d.path("spec").path("replicas").asInt(1);
        String uid = d.path("metadata").path("uid").asText();
        for (ObjectNode rs : list(KubeKinds.REPLICA_SET, ns, null)) {
            if (ownedBy(rs, uid) && !nameOf(rs).equals(rsName) && rs.path("spec").path("replicas").asInt() != 0) {
                rs.with("spec").put("replicas", 0);
                reconcileReplicaSet(rs);
            }
        }
        ObjectNode rs = get(KubeKinds.REPLICA_SET, ns, rsName);
        if (rs == null) {
            rs = newObject(KubeKinds.REPLICA_SET, ns, rsName, currentTime());
            ObjectNode meta = (ObjectNode) rs.get("metadata");
            ObjectNode labels = meta.putObject("labels");
            template.path("metadata").path("labels").fields().forEachRemaining(e -> labels.set(e.getKey(), e.getValue()));
            labels.put("pod-template-hash", hash);
            owner(rs, d);
            ObjectNode spec = rs.putObject("spec");
            spec.put("replicas", replicas);
            ObjectNode sel = spec.putObject("selector").putObject("matchLabels");
            d.path("spec").path("selector").path("matchLabels").fields().forEachRemaining(e -> sel.set(e.getKey(), e.getValue()));
            sel.put("pod-template-hash", hash);
            ObjectNode t = template.deepCopy();
            t.with("metadata").with("labels").put("pod-template-hash", hash);
            spec.set("template", t);
            store(KubeKinds.REPLICA_SET, rs);
        } else {
            rs.with("spec").put("replicas", replicas);
        }
        reconcileReplicaSet(rs);
        int ready = replicas;
        ObjectNode status = d.putObject("status");
        status.put("observedGeneration", d.path("metadata").path("generation").asLong(1));
        status.put("replicas", replicas);
        status.put("updatedReplicas", replicas);
        status.put("readyReplicas", ready);
        status.put("availableReplicas", ready);
        ArrayNode conditions = status.putArray("conditions");
        String now = currentTime().toString();
        conditions.addObject().put("type", "Available").put("status", "True").put("reason", "MinimumReplicasAvailable")
                .put("message", "Deployment has minimum availability.").put("lastTransitionTime", now);
        conditions.addObject().put("type", "Progressing").put("status", "True").put("reason", "NewReplicaSetAvailable")
                .put("message", "ReplicaSet \"" + rsName + "\" has successfully progressed.").put("lastTransitionTime", now);
        if (replicas == 0) {
            status.remove("readyReplicas");
            status.remove("availableReplicas");
        }
    }

    private void reconcileReplicaSet(ObjectNode rs) {
        String ns = namespaceOf(rs);
        String uid = rs.path("metadata").path("uid").asText();
        int want = rs.path("spec").path("replicas").asInt(1);
        List<ObjectNode> pods = new ArrayList<>();
        for (ObjectNode p : list(KubeKinds.POD, ns, null)) {
            if (ownedBy(p, uid)) {
                pods.add(p);
            }
        }
        while (pods.size() > want) {
            ObjectNode p = pods.remove(pods.size() - 1);
            objects.remove(key(KubeKinds.POD, ns, nameOf(p)));
        }
        while (pods.size() < want) {
            String podName;
            do {
                podName = nameOf(rs) + "-" + randomSuffix(5);
            } while (get(KubeKinds.POD, ns, podName) != null);
            ObjectNode p = newObject(KubeKinds.POD, ns, podName, currentTime());
            ObjectNode labels = ((ObjectNode) p.get("metadata")).putObject("labels");
            rs.path("spec").path("template").path("metadata").path("labels").fields()
                    .forEachRemaining(e -> labels.set(e.getKey(), e.getValue()));
            owner(p, rs);
            p.set("spec", rs.path("spec").path("template").path("spec").deepCopy());
            runPod(p, null);
            store(KubeKinds.POD, p);
            pods.add(p);
        }
        ObjectNode status = rs.putObject("status");
        status.put("replicas", want);
        status.put("fullyLabeledReplicas", want);
        status.put("observedGeneration", 1);
        if (want > 0) {
            status.put("readyReplicas", want);
            status.put("availableReplicas", want);
        }
    }

    /** Puts a pod on a node, running and ready. */
    void runPod(ObjectNode p, String node) {
        ObjectNode spec = p.with("spec");
        if (!spec.has("nodeName")) {
            spec.put("nodeName", node != null ? node
                    : nodeNames.isEmpty() ? "aks-system-00000000-vmss000000" : nodeNames.get(nodeCursor++ % nodeNames.size()));
        }
        if (!spec.has("serviceAccountName")) {
            spec.put("serviceAccountName", "default");
        }
        if (!spec.has("restartPolicy")) {
            spec.put("restartPolicy", "Always");
        }
        String started = p.path("metadata").path("creationTimestamp").asText(currentTime().toString());
        ObjectNode status = p.putObject("status");
        status.put("phase", "Running");
        ArrayNode conditions = status.putArray("conditions");
        for (String c : List.of("PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled")) {
            conditions.addObject().put("type", c).put("status", "True").put("lastTransitionTime", started);
        }
        status.put("hostIP", "10.224.0.4");
        status.put("podIP", "10.244." + (podIp / 250) + "." + (podIp % 250 + 2));
        podIp++;
        status.put("startTime", started);
        status.put("qosClass", "BestEffort");
        ArrayNode cs = status.putArray("containerStatuses");
        for (JsonNode c : spec.path("containers")) {
            ObjectNode s = cs.addObject();
            s.put("name", c.path("name").asText());
            s.put("image", c.path("image").asText());
            s.put("imageID", c.path("image").asText() + "@sha256:" + UUID.nameUUIDFromBytes(c.path("image").asText().getBytes())
                    .toString().replace("-", "") + "00000000000000000000000000000000");
            s.put("ready", true);
            s.put("started", true);
            s.put("restartCount", 0);
            s.putObject("state").putObject("running").put("startedAt", started);
        }
    }

    // ------------------------------------------------------------------ plumbing

    /** A new object with metadata filled in as the API server would. */
    public ObjectNode newObject(KubeKind kind, String namespace, String objName, Instant created) {
        ObjectNode o = JSON.createObjectNode();
        o.put("apiVersion", kind.apiVersion());
        o.put("kind", kind.kind());
        ObjectNode meta = o.putObject("metadata");
        meta.put("creationTimestamp", created.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        meta.put("generation", 1);
        meta.put("name", objName);
        if (kind.namespaced()) {
            meta.put("namespace", namespace);
        }
        meta.put("resourceVersion", String.valueOf(++resourceVersion));
        meta.put("uid", new UUID(random.nextLong(), random.nextLong()).toString());
        return o;
    }

    private void store(KubeKind kind, ObjectNode o) {
        ((ObjectNode) o.get("metadata")).put("resourceVersion", String.valueOf(++resourceVersion));
        objects.put(key(kind, namespaceOf(o), nameOf(o)), o);
    }

    private void bump(ObjectNode o) {
        ObjectNode meta = (ObjectNode) o.get("metadata");
        meta.put("generation", meta.path("generation").asLong(1) + 1);
        meta.put("resourceVersion", String.valueOf(++resourceVersion));
    }

    private static void owner(ObjectNode child, ObjectNode parent) {
        ((ObjectNode) child.get("metadata")).putArray("ownerReferences").addObject()
                .put("apiVersion", parent.get("apiVersion").asText())
                .put("kind", parent.get("kind").asText())
                .put("name", nameOf(parent))
                .put("uid", parent.path("metadata").path("uid").asText())
                .put("controller", true)
                .put("blockOwnerDeletion", true);
    }

    private static boolean ownedBy(JsonNode o, String uid) {
        for (JsonNode ref : o.path("metadata").path("ownerReferences")) {
            if (ref.path("uid").asText().equals(uid)) {
                return true;
            }
        }
        return false;
    }

    private String randomSuffix(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(NAME_CHARS.charAt(random.nextInt(NAME_CHARS.length())));
        }
        return sb.toString();
    }

    /** A stable 10-character hash of a pod template, in the alphabet Kubernetes uses for names. */
    static String templateHash(JsonNode template) {
        long h = 0xcbf29ce484222325L;
        for (byte b : template.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            h ^= b;
            h *= 0x100000001b3L;
        }
        StringBuilder sb = new StringBuilder();
        long v = h & Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            sb.append(NAME_CHARS.charAt((int) (v % NAME_CHARS.length())));
            v /= NAME_CHARS.length();
        }
        return sb.toString();
    }

    private static boolean clusterScoped(String kind) {
        return List.of("Namespace", "Node", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition",
                "StorageClass", "PersistentVolume", "PriorityClass", "MemberCluster", "ClusterResourcePlacement")
                .contains(kind);
    }

    private static String key(KubeKind kind, String namespace, String objName) {
        return kind.plural() + "/" + (kind.namespaced() ? namespace : "") + "/" + objName;
    }

    public static String nameOf(JsonNode o) {
        return o.path("metadata").path("name").asText();
    }

    public static String namespaceOf(JsonNode o) {
        return o.path("metadata").path("namespace").asText("");
    }
}
