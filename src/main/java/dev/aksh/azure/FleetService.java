package dev.aksh.azure;

import com.azure.core.management.exception.ManagementException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aksh.error.AkshException;
import dev.aksh.session.ClusterRef;
import dev.aksh.session.SubscriptionRef;
import dev.aksh.text.Suggest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Kubernetes Fleet Manager: fleets, members, credentials, the hub cluster, and the Fleet Manager
 * RBAC roles the hub requires. The Fleet SDK is not on the mirror, so these are ARM REST calls over
 * the shared pipeline ({@link ArmRest}).
 */
public final class FleetService {
    public static final String API_VERSION = "2025-03-01";
    static final String TYPE = "Microsoft.ContainerService/fleets";

    /** The four data-plane roles that open a Fleet hub (seed 002), weakest first. */
    public static final List<String> HUB_ROLES = List.of("Azure Kubernetes Fleet Manager RBAC Reader",
            "Azure Kubernetes Fleet Manager RBAC Writer", "Azure Kubernetes Fleet Manager RBAC Admin",
            "Azure Kubernetes Fleet Manager RBAC Cluster Admin");

    private final ArmRest arm;
    private final ClusterService clusters;

    public FleetService(ArmRest arm, ClusterService clusters) {
        this.arm = arm;
        this.clusters = clusters;
    }

    public List<Fleet> list(String subscriptionId) {
        List<Fleet> out = new ArrayList<>();
        for (JsonNode n : arm.list("/subscriptions/" + subscriptionId + "/providers/" + TYPE, API_VERSION, null)) {
            out.add(toFleet(n, subscriptionId));
        }
        out.sort(Comparator.comparing((Fleet f) -> f.name().toLowerCase(Locale.ROOT)));
        return out;
    }

    public Fleet get(String id) {
        ArmId a = ArmId.parse(id);
        if (a == null || !a.is(TYPE)) {
            throw AkshException.usage("'" + id + "' is not a fleet's resource id", "give a fleet's name or its id");
        }
        try {
            return toFleet(arm.get(a.id(), API_VERSION), a.subscriptionId());
        } catch (ManagementException e) {
            if (status(e) == 404) {
                throw AkshException.notFound("no fleet " + a.name() + " in resource group " + a.resourceGroup(),
                        "run 'fleet list' to see the fleets");
            }
            throw e;
        }
    }

    /** The fleet an operator means: a resource id, {@code RG/NAME}, or a name in the subscription. */
    public Fleet resolve(String spec, SubscriptionRef subscription) {
        if (spec.startsWith("/")) {
            return get(spec);
        }
        if (subscription == null) {
            throw AkshException.usage("no subscription selected", "run 'subscription use NAME' first");
        }
        int slash = spec.indexOf('/');
        if (slash > 0) {
            return get("/subscriptions/" + subscription.id() + "/resourceGroups/" + spec.substring(0, slash)
                    + "/providers/" + TYPE + "/" + spec.substring(slash + 1));
        }
        List<Fleet> all = list(subscription.id());
        List<Fleet> named = all.stream().filter(f -> f.name().equalsIgnoreCase(spec)).toList();
        if (named.size() == 1) {
            return named.get(0);
        }
        if (named.size() > 1) {
            throw AkshException.usage("several fleets are named '" + spec + "' (resource groups "
                    + String.join(", ", named.stream().map(Fleet::resourceGroup).toList()) + ")", "give RG/NAME");
        }
        String near = Suggest.nearest(spec, all.stream().map(Fleet::name).toList());
        throw AkshException.notFound("no fleet '" + spec + "' in subscription " + subscription.name(),
                near != null ? "did you mean '" + near + "'?" : "run 'fleet list' to see the fleets");
    }

    /** Every member (every page). */
    public List<FleetMember> members(Fleet fleet) {
        List<FleetMember> out = new ArrayList<>();
        for (JsonNode n : arm.list(fleet.id() + "/members", API_VERSION, null)) {
            out.add(toMember(n));
        }
        out.sort(Comparator.comparing((FleetMember m) -> m.name().toLowerCase(Locale.ROOT)));
        return out;
    }

    /** The hub's kubeconfig from {@code listCredentials}. It holds secrets: keep it in memory or private files. */
    public byte[] credentials(Fleet fleet) {
        if (!fleet.hasHub()) {
            throw AkshException.refused(fleet.name() + " has no hub cluster, so it has no credentials",
                    "members are reached as clusters: 'cluster use NAME'");
        }
        JsonNode r = arm.post(fleet.id() + "/listCredentials", API_VERSION);
        JsonNode value = r.path("kubeconfigs").path(0).path("value");
        if (!value.isTextual()) {
            throw AkshException.remote("Fleet returned no kubeconfig for " + fleet.name(), "retry; if it persists, report it");
        }
        return Base64.getDecoder().decode(value.asText().getBytes(StandardCharsets.US_ASCII));
    }

    /** The hub's resource group, as Fleet names it: {@code FL_<rg>_<fleet>_<location>}. */
    public static String hubResourceGroup(Fleet f) {
        return "FL_" + f.resourceGroup() + "_" + f.name() + "_" + f.location().replace(" ", "").toLowerCase(Locale.ROOT);
    }

    /**
     * The hub's managed cluster: in the fleet's {@code FL_} resource group, the one whose FQDN is the
     * hub's — what the docs tell operators to look up by hand.
     */
    public Cluster hub(Fleet fleet) {
        if (!fleet.hasHub()) {
            throw AkshException.refused(fleet.name() + " has no hub cluster", "its members are reached as clusters");
        }
        String rg = hubResourceGroup(fleet);
        List<Cluster> candidates;
        try {
            candidates = clusters.list(fleet.subscriptionId(), rg);
        } catch (ManagementException e) {
            if (status(e) == 404) {
                throw AkshException.notFound("the hub's resource group " + rg + " does not exist in subscription "
                        + fleet.subscriptionId(), "check the fleet's location and resource group; 'fleet show' has them");
            }
            if (status(e) == 403) {
                throw AkshException.auth("no Reader role on the hub's resource group " + rg,
                        "ask for Reader there (or on the subscription)");
            }
            throw e;
        }
        List<Cluster> matched = candidates.stream().filter(c -> fleet.hubFqdn() != null
                && (fleet.hubFqdn().equalsIgnoreCase(c.fqdn()) || fleet.hubFqdn().equalsIgnoreCase(c.privateFqdn()))).toList();
        if (matched.size() == 1) {
            return matched.get(0);
        }
        if (matched.isEmpty()) {
            throw AkshException.notFound("no managed cluster in " + rg + " has the hub's FQDN " + fleet.hubFqdn()
                    + (candidates.isEmpty() ? " (the group holds none)" : " (it holds " + String.join(", ",
                            candidates.stream().map(Cluster::name).toList()) + ")"),
                    "the hub may still be provisioning; 'fleet show' gives its state");
        }
        throw AkshException.usage(matched.size() + " clusters in " + rg + " have the hub's FQDN: " + String.join(", ",
                matched.stream().map(Cluster::id).toList()), "give the hub with --cluster ID");
    }

    /** Which of the four Fleet Manager RBAC roles the caller holds on the fleet (at its scope or above). */
    public record Roles(List<String> held, boolean readable, String why) {
        public boolean any() {
            return !held.isEmpty();
        }

        /** The hub roles not held, weakest first. */
        public List<String> missing() {
            return HUB_ROLES.stream().filter(r -> !held.contains(r)).toList();
        }
    }

    /**
     * Before hub access: refuses (66) when the caller holds none of the four Fleet Manager RBAC
     * roles, naming them; warns when the assignments cannot be read.
     *
     * @param principalObjectId the caller's object id, or null when the token does not say
     */
    public Roles requireHubRole(Fleet fleet, String principalObjectId, java.util.function.Consumer<String> warnings) {
        Roles r = hubRoles(fleet, principalObjectId);
        if (!r.readable()) {
            warnings.accept("cannot check your Fleet Manager RBAC roles on " + fleet.name() + " (" + r.why()
                    + "); without one of them the hub answers 403");
            return r;
        }
        if (!r.any()) {
            throw AkshException.auth("you hold none of the four Fleet Manager RBAC roles on " + fleet.name() + " ("
                    + String.join(", ", HUB_ROLES) + "), so its hub would refuse you (403)",
                    "ask for one at the fleet's scope, e.g. az role assignment create --role \"" + HUB_ROLES.get(0)
                            + "\" --assignee " + principalObjectId + " --scope " + fleet.id()
                            + "; a new assignment takes a few minutes to apply");
        }
        return r;
    }

    public Roles hubRoles(Fleet fleet, String principalObjectId) {
        RoleService.Held h = new RoleService(arm).at(fleet.id(), principalObjectId);
        if (!h.readable()) {
            return new Roles(List.of(), false, h.why().replace("there", "on " + fleet.name()));
        }
        List<String> held = new ArrayList<>(h.names().stream().filter(HUB_ROLES::contains).toList());
        held.sort(Comparator.comparingInt(HUB_ROLES::indexOf));
        return new Roles(held, true, null);
    }

    /** Maps the ARM resource; public so contract tests can map the official examples. */
    public static Fleet toFleet(JsonNode n, String subscriptionId) {
        ArmId a = ArmId.parse(n.path("id").asText());
        JsonNode p = n.path("properties");
        JsonNode hub = p.path("hubProfile");
        JsonNode err = p.path("status").path("lastOperationError");
        String error = err.isObject() && !err.path("code").asText("None").equals("None")
                ? err.path("code").asText() + ": " + err.path("message").asText() : null;
        return new Fleet(n.path("id").asText(), n.path("name").asText(), a == null ? null : a.resourceGroup(),
                a == null ? subscriptionId : a.subscriptionId(), n.path("location").asText(""), hub.isObject(),
                hub.path("apiServerAccessProfile").path("enablePrivateCluster").asBoolean(false),
                text(hub, "fqdn"), text(hub, "portalFqdn"), text(hub, "kubernetesVersion"), text(p, "provisioningState"),
                error, text(hub.path("agentProfile"), "subnetId"));
    }

    /** Maps the ARM resource; public so contract tests can map the official examples. */
    public static FleetMember toMember(JsonNode n) {
        JsonNode p = n.path("properties");
        JsonNode err = p.path("status").path("lastOperationError");
        String error = err.isObject() && !err.path("code").asText("None").equals("None")
                ? err.path("code").asText() + ": " + err.path("message").asText() : null;
        Map<String, String> labels = new LinkedHashMap<>();
        p.path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return new FleetMember(n.path("id").asText(), n.path("name").asText(), text(p, "clusterResourceId"), text(p, "group"),
                text(p, "provisioningState"), error, labels);
    }

    private static String text(JsonNode n, String f) {
        JsonNode v = n.path(f);
        return v.isTextual() ? v.asText() : null;
    }

    private static int status(ManagementException e) {
        return e.getResponse() == null ? 0 : e.getResponse().getStatusCode();
    }

    /** For messages: the cluster a member's id names. */
    public static ClusterRef clusterOf(FleetMember m) {
        return ClusterRef.parseId(m.clusterId());
    }
}
