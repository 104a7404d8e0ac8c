package dev.aksh.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Azure RBAC as far as the sandbox needs it: built-in role definitions by name and id, and the
 * sandbox identity's role assignments (from the world), listed at a scope as ARM lists them with
 * {@code $filter=atScope()} and {@code assignedTo('…')}.
 */
final class RoleDocuments {
    static final String DEFINITION_TYPE = "Microsoft.Authorization/roleDefinitions";
    static final String ASSIGNMENT_TYPE = "Microsoft.Authorization/roleAssignments";

    /** Built-in roles the sandbox knows, by name. */
    static final Map<String, String> BUILT_IN = new LinkedHashMap<>();

    static {
        BUILT_IN.put("Owner", "8e3af657-a8ff-443c-a75c-2fe8c4bcb635");
        BUILT_IN.put("Reader", "acdd72a7-3385-48ef-bd42-f606fba81ae7");
        BUILT_IN.put("Network Contributor", "4d97b98b-1d4f-4787-a291-c67834d212e7");
        BUILT_IN.put("Azure Kubernetes Service Cluster User Role", "4abbcc35-e782-43d8-92c5-2d3f1bd2253f");
        BUILT_IN.put("Azure Kubernetes Service Cluster Admin Role", "0ab0b1a8-8aac-4efd-b8c2-3ee1fb270be8");
        BUILT_IN.put("Azure Kubernetes Service Contributor Role", "ed7f3fbd-7b88-4dd4-9017-9adb7ce333f8");
        BUILT_IN.put("Contributor", "b24988ac-6180-42a0-ab88-20f7382dd24c");
        BUILT_IN.put("Azure Kubernetes Fleet Manager Contributor Role", "63bb64ad-9799-4770-b5c3-24ed299a07bf");
        BUILT_IN.put("Azure Kubernetes Fleet Manager Hub Cluster User Role", "850c5848-fc51-4a9a-8823-f220370626e3");
        BUILT_IN.put("Azure Kubernetes Fleet Manager RBAC Reader", "30b27cfc-9c84-438e-b0ce-70e35255df80");
        BUILT_IN.put("Azure Kubernetes Fleet Manager RBAC Writer", "5af6afb3-c06c-4fa4-8848-71a8aee05683");
        BUILT_IN.put("Azure Kubernetes Fleet Manager RBAC Admin", "434fb43a-c01c-447e-9f67-c3ad923cfaba");
        BUILT_IN.put("Azure Kubernetes Fleet Manager RBAC Cluster Admin", "18ab4d3d-a1bf-4477-8ad9-8359bc988f69");
    }

    /** The four data-plane roles that open a Fleet hub (seed 002). */
    static final List<String> FLEET_HUB_ROLES = List.of("Azure Kubernetes Fleet Manager RBAC Reader",
            "Azure Kubernetes Fleet Manager RBAC Writer", "Azure Kubernetes Fleet Manager RBAC Admin",
            "Azure Kubernetes Fleet Manager RBAC Cluster Admin");

    private RoleDocuments() {
    }

    static ObjectNode definition(String subscriptionId, String name, String guid) {
        ObjectNode n = ArmState.JSON.createObjectNode();
        n.put("id", (subscriptionId == null ? "" : "/subscriptions/" + subscriptionId) + "/providers/" + DEFINITION_TYPE + "/" + guid);
        n.put("name", guid);
        n.put("type", DEFINITION_TYPE);
        ObjectNode p = n.putObject("properties");
        p.put("roleName", name);
        p.put("type", "BuiltInRole");
        p.put("description", name);
        p.putArray("assignableScopes").add("/");
        return n;
    }

    /** {@code …/providers/Microsoft.Authorization/roleDefinitions/{guid}}: built-in definitions. */
    static ResourceKind definitionKind() {
        return new ResourceKind() {
            @Override
            public String type() {
                return DEFINITION_TYPE;
            }

            @Override
            public ArmResponse get(FakeArm.Call call, ResourceId id) {
                for (Map.Entry<String, String> e : BUILT_IN.entrySet()) {
                    if (e.getValue().equalsIgnoreCase(id.name())) {
                        return ArmResponse.ok(definition(id.subscriptionId(), e.getKey(), e.getValue()));
                    }
                }
                throw new ArmError(404, "RoleDefinitionDoesNotExist", "The specified role definition with ID '" + id.name()
                        + "' does not exist.");
            }

            @Override
            public ArmResponse list(FakeArm.Call call, String scope) {
                List<ObjectNode> all = new ArrayList<>();
                String sub = scope.startsWith("/subscriptions/") ? scope.split("/")[2] : null;
                BUILT_IN.forEach((name, guid) -> all.add(definition(sub, name, guid)));
                return call.page(all);
            }
        };
    }

    private static final Pattern ASSIGNED_TO = Pattern.compile("assignedTo\\('([^']*)'\\)", Pattern.CASE_INSENSITIVE);

    /**
     * The identity's assignments: the world's, and — when the world gives none at a subscription's
     * scope — Owner on each subscription it may read, which is what the sandbox lets it do.
     */
    static List<World.RoleAssignmentSpec> effective(World world) {
        List<World.RoleAssignmentSpec> out = new ArrayList<>(world.identity().roleAssignments());
        boolean subscriptionLevel = out.stream().anyMatch(r -> r.scope().replaceAll("/+$", "").split("/").length == 3);
        if (!subscriptionLevel) {
            for (World.SubscriptionSpec s : world.subscriptions()) {
                String scope = "/subscriptions/" + s.id();
                if (!world.identity().denied(scope)) {
                    out.add(new World.RoleAssignmentSpec("Owner", scope));
                }
            }
        }
        return out;
    }

    /** Role assignments at {@code scope} (and above it, with atScope()), for the principal asked about. */
    static ArmResponse assignments(FakeArm.Call call, String scope) {
        World world = call.state().world();
        String filter = call.request().query().getOrDefault("$filter", "");
        Matcher m = ASSIGNED_TO.matcher(filter);
        String principal = m.find() ? m.group(1) : null;
        boolean atScope = filter.toLowerCase(Locale.ROOT).contains("atscope()");
        List<ObjectNode> out = new ArrayList<>();
        int i = 0;
        for (World.RoleAssignmentSpec r : effective(world)) {
            i++;
            if (principal != null && !principal.equalsIgnoreCase(world.identity().objectId())) {
                continue;
            }
            String rs = r.scope().toLowerCase(Locale.ROOT);
            String s = scope.toLowerCase(Locale.ROOT);
            boolean covers = s.equals(rs) || s.startsWith(rs.endsWith("/") ? rs : rs + "/");
            boolean below = rs.startsWith(s.endsWith("/") ? s : s + "/");
            if (!(covers || (!atScope && below))) {
                continue;
            }
            String guid = BUILT_IN.get(r.role());
            if (guid == null) {
                continue;
            }
            String sub = scope.split("/").length > 2 ? scope.split("/")[2] : "";
            ObjectNode n = ArmState.JSON.createObjectNode();
            String name = ArmDocuments.guid(ArmDocuments.hash(r.role() + r.scope()), i);
            n.put("id", r.scope() + "/providers/" + ASSIGNMENT_TYPE + "/" + name);
            n.put("name", name);
            n.put("type", ASSIGNMENT_TYPE);
            ObjectNode p = n.putObject("properties");
            p.put("roleDefinitionId", "/subscriptions/" + sub + "/providers/" + DEFINITION_TYPE + "/" + guid);
            p.put("principalId", world.identity().objectId());
            p.put("principalType", "User");
            p.put("scope", r.scope());
            out.add(n);
        }
        return call.page(out);
    }

    /**
     * Whether the identity holds one of {@code roles} at a scope covering {@code resourceId}, as the
     * data plane sees it (pending assignments do not count yet).
     */
    static boolean holds(World world, String resourceId, List<String> roles) {
        String id = resourceId.toLowerCase(Locale.ROOT);
        for (World.RoleAssignmentSpec r : effective(world)) {
            String rs = r.scope().toLowerCase(Locale.ROOT);
            if (!r.pending() && roles.contains(r.role()) && (id.equals(rs) || id.startsWith(rs.endsWith("/") ? rs : rs + "/"))) {
                return true;
            }
        }
        return false;
    }
}
