package dev.aksh.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aksh.sandbox.kube.KubeCluster;
import dev.aksh.sandbox.kube.PodShell;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * AKS command invoke, as the resource provider serves it: {@code POST …/runCommand} checks the
 * cluster (running, run command enabled), unpacks the attachments, runs the command in a "pod"
 * against the cluster's state and answers 202 with a {@code Location}; {@code GET
 * …/commandResults/{id}} answers 202 (with that Location again) until the pod has taken its time,
 * then 200 with the RunCommandResult. Logs are cut at 512 kB as the service cuts them. Per cluster,
 * the world sets the pod's start-up latency, a Retry-After, the spelling of the final state, and
 * the "unschedulable" fault (the command fails after ARM's scheduling limit).
 */
final class RunCommands {
    /** The AKS AAD server app: the audience of a cluster token. */
    static final String AKS_AAD_SERVER_APP = "6dae42f8-4368-4678-94ff-3960e28e3630";
    /** AKS cuts command output at 512 kB. */
    static final int LOG_LIMIT = 512 * 1024;
    /** ARM refuses requests over 4 MB. */
    static final int REQUEST_LIMIT = 4 * 1024 * 1024;

    /** A submitted command and its result, revealed at {@code doneAt}. */
    record Command(String id, String clusterId, Instant startedAt, Instant doneAt, String state, Integer exitCode,
            String logs, String reason, Integer retryAfter) {
    }

    private final KubeClusters clusters;
    private final Map<String, Command> commands = new ConcurrentHashMap<>();

    private final Activity activity;

    RunCommands(KubeClusters clusters, Activity activity) {
        this.clusters = clusters;
        this.activity = activity;
    }

    /** Forgets every command and its result (the world was replaced). */
    void clear() {
        commands.clear();
    }

    /** The {@code runCommand} action on a managed cluster. */
    ArmResponse submit(FakeArm.Call call, ResourceId id, JsonNode body) {
        ArmState state = call.state();
        ObjectNode cluster = state.resource(id.id());
        if (cluster == null) {
            throw ArmError.notFound(ArmDocuments.CLUSTER_TYPE, id.name(), id.resourceGroup());
        }
        if (body == null || !body.hasNonNull("command") || body.get("command").asText().isBlank()) {
            throw new ArmError(400, "InvalidParameter", "Required parameter 'command' is missing (null).");
        }
        if (body.toString().length() > REQUEST_LIMIT) {
            throw new ArmError(413, "RequestEntityTooLarge", "The request content size exceeds the limit of 4 MB.");
        }
        JsonNode p = cluster.path("properties");
        if (p.path("apiServerAccessProfile").path("disableRunCommand").asBoolean(false)) {
            throw new ArmError(400, "OperationNotAllowed", "Run command is disabled for managed cluster '" + id.name()
                    + "' (apiServerAccessProfile.disableRunCommand is true).");
        }
        if ("Stopped".equalsIgnoreCase(p.path("powerState").path("code").asText())) {
            throw new ArmError(409, "OperationNotAllowed", "Managed cluster '" + id.name()
                    + "' is stopped; start it before running commands.");
        }
        Map<String, byte[]> files = unzip(body.path("context").asText(""));
        boolean authorized = !p.path("aadProfile").path("managed").asBoolean(false)
                || validClusterToken(body.path("clusterToken").asText(""));
        World.CommandPod pod = override(state.clusterSpec(id.id(), id.name()).commandPod(), id.name());
        Instant now = Instant.now();
        String commandId = ArmState.newId();
        Command c;
        if ("unschedulable".equalsIgnoreCase(pod.fault())) {
            c = new Command(commandId, id.id(), now, now.plusSeconds(pod.schedulingTimeoutSeconds()), failed(pod), null, null,
                    "the command pod could not be scheduled within " + pod.schedulingTimeoutSeconds() + "s: 0/"
                            + clusters.of(cluster).nodeNames().size() + " nodes are available: "
                            + clusters.of(cluster).nodeNames().size() + " Insufficient cpu.", pod.retryAfterSeconds());
        } else {
            KubeCluster kube = clusters.of(cluster);
            PodShell.Result r;
            synchronized (kube) {
                r = new PodShell(kube, files, authorized).run(body.get("command").asText());
            }
            String logs = r.logs();
            byte[] bytes = logs.getBytes(StandardCharsets.UTF_8);
            if (bytes.length > LOG_LIMIT) {
                logs = new String(bytes, 0, LOG_LIMIT, StandardCharsets.UTF_8);
            }
            Instant done = now.plusMillis(pod.latencyMs()).plus(r.took());
            c = new Command(commandId, id.id(), now, done, succeeded(pod), r.exitCode(), logs, null, pod.retryAfterSeconds());
        }
        commands.put(commandId, c);
        Command ran = c;
        activity.record(seq -> new Activity.RunCommand(seq, Instant.now(), id.id(), body.get("command").asText(),
                List.copyOf(files.keySet()), ran.exitCode()));
        ArmResponse accepted = ArmResponse.empty(202).header("Location", location(call, id.id(), commandId));
        return pod.retryAfterSeconds() == null ? accepted : accepted.header("Retry-After", String.valueOf(pod.retryAfterSeconds()));
    }

    /** The {@code managedClusters/commandResults} resource. */
    ResourceKind resultsKind() {
        return new ResourceKind() {
            @Override
            public String type() {
                return ArmDocuments.CLUSTER_TYPE + "/commandResults";
            }

            @Override
            public ArmResponse get(FakeArm.Call call, ResourceId id) {
                String clusterId = id.parentId();
                Command c = commands.get(id.name().toLowerCase(Locale.ROOT));
                if (c == null || !c.clusterId().equalsIgnoreCase(clusterId)) {
                    if (call.state().resource(clusterId) == null) {
                        throw ArmError.notFound(ArmDocuments.CLUSTER_TYPE, clusterId.substring(clusterId.lastIndexOf('/') + 1),
                                id.resourceGroup());
                    }
                    throw new ArmError(404, "NotFound", "Command result '" + id.name() + "' was not found.");
                }
                if (Instant.now().isBefore(c.doneAt())) {
                    // the body says how far it is (the Azure CLI's --no-wait prints it); clients poll Location
                    ObjectNode progress = ArmState.JSON.createObjectNode().put("id", c.id());
                    progress.putObject("properties").put("provisioningState", "Running")
                            .put("startedAt", c.startedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
                    ArmResponse running = ArmResponse.of(202, progress).header("Location", location(call, clusterId, c.id()));
                    return c.retryAfter() == null ? running : running.header("Retry-After", String.valueOf(c.retryAfter()));
                }
                ObjectNode n = ArmState.JSON.createObjectNode();
                n.put("id", c.id());
                ObjectNode props = n.putObject("properties");
                props.put("provisioningState", c.state());
                if (c.exitCode() != null) {
                    props.put("exitCode", c.exitCode());
                }
                props.put("startedAt", c.startedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
                props.put("finishedAt", c.doneAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
                if (c.logs() != null) {
                    props.put("logs", c.logs());
                }
                if (c.reason() != null) {
                    props.put("reason", c.reason());
                }
                return ArmResponse.ok(n);
            }

            @Override
            public ArmResponse list(FakeArm.Call call, String scope) {
                throw new ArmError(405, "MethodNotAllowed", "Command results are read one at a time.");
            }
        };
    }

    private static String location(FakeArm.Call call, String clusterId, String commandId) {
        return call.request().link(clusterId + "/commandResults/" + commandId, Map.of());
    }

    private static String succeeded(World.CommandPod pod) {
        return pod.stateSpelling().equals("succeeded") ? "succeeded" : "Succeeded";
    }

    private static String failed(World.CommandPod pod) {
        return pod.stateSpelling().equals("succeeded") ? "failed" : "Failed";
    }

    /** Unpacks the base64 zip of attachments; a bad one is a 400, as the service would answer. */
    static Map<String, byte[]> unzip(String context) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        if (context.isEmpty()) {
            return files;
        }
        // base64 with line breaks (Python's encodebytes, which the Azure CLI uses) is base64 to the service
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(Base64.getMimeDecoder().decode(context)))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (!e.isDirectory()) {
                    String name = e.getName();
                    if (name.startsWith("/") || name.contains("..")) {
                        throw new ArmError(400, "InvalidParameter", "The attachment '" + name + "' has an unsafe path.");
                    }
                    files.put(name, zip.readAllBytes());
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new ArmError(400, "InvalidParameter", "The 'context' is not a base64-encoded zip file.");
        }
        return files;
    }

    /** A cluster token is a JWT for the AKS AAD server app that has not expired. */
    static boolean validClusterToken(String token) {
        if (token.isBlank()) {
            return false;
        }
        try {
            JsonNode claims = new TokenVerifier(java.util.Set.of(AKS_AAD_SERVER_APP, "api://" + AKS_AAD_SERVER_APP))
                    .verify("Bearer " + token);
            return claims != null;
        } catch (ArmError e) {
            return false;
        }
    }

    static Duration latency(World.CommandPod pod) {
        return Duration.ofMillis(pod.latencyMs());
    }

    /** Faults on the command pod, set at run time ('sandbox fault'): extra latency, unschedulable. */
    private volatile int extraLatencyMs;
    private volatile String unschedulable; // a cluster name, "*" for every cluster, or null

    /** Commands from now on take {@code ms} longer (0: as the world says). */
    void slowCommands(int ms) {
        extraLatencyMs = Math.max(0, ms);
    }

    /** The command pod cannot be scheduled on {@code cluster} ("*": any; null: as the world says). */
    void unschedulable(String cluster) {
        unschedulable = cluster;
    }

    String describeFaults() {
        List<String> out = new java.util.ArrayList<>();
        if (extraLatencyMs > 0) {
            out.add("slow-commands: run-command pods take " + extraLatencyMs + " ms longer");
        }
        if (unschedulable != null) {
            out.add("unschedulable: run-command pods cannot be scheduled on " + (unschedulable.equals("*") ? "any cluster"
                    : unschedulable));
        }
        return String.join("; ", out);
    }

    private World.CommandPod override(World.CommandPod pod, String cluster) {
        boolean unsched = unschedulable != null && (unschedulable.equals("*") || unschedulable.equalsIgnoreCase(cluster));
        if (extraLatencyMs == 0 && !unsched) {
            return pod;
        }
        return new World.CommandPod(pod.latencyMs() + extraLatencyMs, pod.retryAfterSeconds(), unsched ? "unschedulable"
                : pod.fault(), unsched ? 5 : pod.schedulingTimeoutSeconds(), pod.stateSpelling());
    }
}
