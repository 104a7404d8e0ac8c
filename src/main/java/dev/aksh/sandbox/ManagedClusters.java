package dev.aksh.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code Microsoft.ContainerService/managedClusters} as the AKS resource provider serves it: GET and
 * list from the store; PUT honours {@code If-Match}/{@code If-None-Match} against the body
 * {@code eTag} (412 when stale), refuses while another operation runs (409), keeps read-only
 * properties, issues a new eTag, and runs as a long-running operation (200 with
 * {@code provisioningState: Updating} and {@code Azure-AsyncOperation}/{@code Location} headers).
 */
final class ManagedClusters implements ResourceKind {
    static final String NS = "Microsoft.ContainerService";
    private static final Set<String> READ_ONLY = Set.of("provisioningState", "powerState", "fqdn", "privateFQDN",
            "azurePortalFQDN", "currentKubernetesVersion", "maxAgentPools", "nodeResourceGroup", "resourceUID");

    private final Operations operations;
    private final RunCommands runCommands;
    private final ClusterCredentials credentials;
    private final ApiServerFirewall firewall;

    ManagedClusters(Operations operations, RunCommands runCommands, ClusterCredentials credentials,
            ApiServerFirewall firewall) {
        this.operations = operations;
        this.runCommands = runCommands;
        this.credentials = credentials;
        this.firewall = firewall;
    }

    @Override
    public ArmResponse action(FakeArm.Call call, ResourceId id, String action, JsonNode body) {
        if (action.equalsIgnoreCase("runCommand")) {
            return runCommands.submit(call, id, body);
        }
        boolean user = action.equalsIgnoreCase("listClusterUserCredential");
        if (user || action.equalsIgnoreCase("listClusterAdminCredential")) {
            ObjectNode cluster = call.state().resource(id.id());
            if (cluster == null) {
                throw ArmError.notFound(type(), id.name(), id.resourceGroup());
            }
            return credentials.list(cluster, id, !user, call.request().query().get("format"));
        }
        return ResourceKind.super.action(call, id, action, body);
    }

    @Override
    public String type() {
        return ArmDocuments.CLUSTER_TYPE;
    }

    @Override
    public ArmResponse put(FakeArm.Call call, ResourceId id, ObjectNode body) {
        ArmState state = call.state();
        ObjectNode existing = state.resource(id.id());
        Preconditions.check(call.request(), existing == null ? null : existing.path("eTag").asText(null), "managed cluster");
        if (existing == null) {
            throw new ArmError(400, "BadRequest", "The sandbox does not create managed clusters; describe '"
                    + id.name() + "' in the world file instead.");
        }
        String current = existing.path("properties").path("provisioningState").asText();
        if (current.equals("Updating") || current.equals("Creating") || current.equals("Deleting")) {
            throw new ArmError(409, "OperationNotAllowed", "Operation is not allowed because there's an in progress "
                    + current.toLowerCase(java.util.Locale.ROOT).replace("ing", "e")
                    + " managed cluster operation on the managed cluster. Please wait for it to finish.");
        }
        String location = body.path("location").asText(null);
        if (location != null && !location.replace(" ", "").equalsIgnoreCase(existing.path("location").asText())) {
            throw new ArmError(400, "LocationCannotBeChanged", "The location of a managed cluster cannot be changed.");
        }
        ObjectNode doc = merge(existing, body);
        validate(call, doc);
        List<String> before = ApiServerFirewall.ranges(existing);
        if (!before.equals(ApiServerFirewall.ranges(doc))) {
            firewall.changing(id.id(), before, lroDuration(state).plus(
                    Duration.ofMillis(Math.round(state.world().arm().rangePropagationSeconds() * 1000))));
        }
        doc.put("eTag", ArmState.newEtag());
        ((ObjectNode) doc.get("properties")).put("provisioningState", "Updating");
        state.putResource(doc);
        String resourceId = id.id();
        Operations.Op op = operations.start(lroDuration(state), () -> {
            ObjectNode now = state.resource(resourceId);
            if (now != null) {
                ((ObjectNode) now.get("properties")).put("provisioningState", "Succeeded");
            }
        });
        String loc = doc.path("location").asText();
        String opsBase = "/subscriptions/" + id.subscriptionId() + "/providers/" + NS + "/locations/" + loc;
        return ArmResponse.ok(ArmState.copy(doc))
                .header("Azure-AsyncOperation", call.request().link(opsBase + "/operations/" + op.id(), Map.of()))
                .header("Location", call.request().link(opsBase + "/operationresults/" + op.id(), Map.of()))
                .header("Retry-After", Operations.retryAfter(op));
    }

    /** Service-side rules on a PUT body; more arrive with the features that need them. */
    void validate(FakeArm.Call call, ObjectNode doc) {
        if (!doc.path("properties").isObject()) {
            throw new ArmError(400, "InvalidParameter", "The 'properties' of the managed cluster are missing.");
        }
        validateRanges(doc);
    }

    /** What AKS enforces on authorized IP ranges (seed 004). */
    static void validateRanges(ObjectNode doc) {
        JsonNode p = doc.path("properties");
        JsonNode api = p.path("apiServerAccessProfile");
        JsonNode ranges = api.path("authorizedIPRanges");
        if (!ranges.isArray() || ranges.isEmpty()) {
            return;
        }
        String field = "properties.apiServerAccessProfile.authorizedIPRanges";
        if (api.path("enablePrivateCluster").asBoolean(false)) {
            throw new ArmError(400, "InvalidParameter", "The value of " + field + " is invalid: API server authorized IP "
                    + "ranges are not supported for private clusters.");
        }
        if ("basic".equalsIgnoreCase(p.path("networkProfile").path("loadBalancerSku").asText())) {
            throw new ArmError(400, "InvalidParameter", "The value of " + field + " is invalid: API server authorized IP "
                    + "ranges require the Standard load balancer SKU.");
        }
        int limit = api.path("enableVnetIntegration").asBoolean(false) ? 2000 : 200;
        if (ranges.size() > limit) {
            throw new ArmError(400, "InvalidParameter", "The value of " + field + " is invalid: " + ranges.size()
                    + " ranges exceed the limit of " + limit + ".");
        }
        for (JsonNode r : ranges) {
            String text = r.asText();
            dev.aksh.ranges.Cidr c;
            try {
                c = dev.aksh.ranges.Cidr.parse(text);
            } catch (IllegalArgumentException e) {
                throw new ArmError(400, "InvalidParameter", "The value of " + field + " is invalid: '" + text
                        + "' is not a valid IPv4 CIDR.");
            }
            if (c.hasHostBits()) {
                throw new ArmError(400, "InvalidParameter", "The value of " + field + " is invalid: '" + text
                        + "' is not the network address of its range.");
            }
        }
    }

    static Duration lroDuration(ArmState state) {
        return Duration.ofMillis(Math.round(state.world().arm().lroSeconds() * 1000));
    }

    /** The stored document with the body's writable parts applied, read-only properties kept. */
    static ObjectNode merge(ObjectNode existing, ObjectNode body) {
        ObjectNode doc = ArmState.copy(existing);
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            switch (e.getKey()) {
                case "id", "name", "type", "eTag", "systemData", "properties" -> {
                }
                default -> doc.set(e.getKey(), e.getValue().deepCopy());
            }
        }
        JsonNode props = body.get("properties");
        if (props != null && props.isObject()) {
            ObjectNode target = (ObjectNode) doc.get("properties");
            for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!READ_ONLY.contains(e.getKey())) {
                    target.set(e.getKey(), e.getValue().deepCopy());
                }
            }
        }
        // read-only values the service computes inside writable objects survive a PUT that omits them
        JsonNode effective = existing.at("/properties/networkProfile/loadBalancerProfile/effectiveOutboundIPs");
        JsonNode lb = doc.at("/properties/networkProfile/loadBalancerProfile");
        if (!effective.isMissingNode() && lb.isObject() && !lb.has("effectiveOutboundIPs")) {
            ((ObjectNode) lb).set("effectiveOutboundIPs", effective.deepCopy());
        }
        return doc;
    }
}
