package dev.aksh.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aksh.azure.ArmRest;
import dev.aksh.azure.Cluster;
import dev.aksh.azure.ClusterService;
import dev.aksh.azure.Fleet;
import dev.aksh.azure.FleetMember;
import dev.aksh.azure.FleetService;
import dev.aksh.error.AkshException;
import dev.aksh.sandbox.ArmResponse;
import dev.aksh.sandbox.ArmState;
import dev.aksh.session.SubscriptionRef;
import dev.aksh.testing.SandboxFixture;
import dev.aksh.tunnel.Kubeconfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static dev.aksh.testing.Errors.oneLine;

/** FleetService against FakeAzure over HTTP: fleets, paged members, credentials, the hub, the RBAC roles. */
class FleetServiceTest {
    static final String SUB = "33333333-3333-4333-8333-333333333333";
    static final SubscriptionRef OPS = new SubscriptionRef(SUB, "Ops");
    static final String OID = "0b7d2f4e-3c1a-4e8b-9f6d-5a2c7e1b9d30";
    static SandboxFixture sandbox;
    static FleetService fleets;

    @BeforeAll
    static void start() {
        sandbox = SandboxFixture.world("""
                arm: {pageSize: 2}
                identity:
                  roleAssignments:
                    - role: Azure Kubernetes Fleet Manager RBAC Writer
                      scope: /subscriptions/%1$s/resourceGroups/rg-fleet
                    - role: Reader
                      scope: /subscriptions/%1$s
                subscriptions:
                  - id: %1$s
                    name: Ops
                    resourceGroups:
                      - name: rg-apps
                        location: westeurope
                        clusters: [{name: aks-a}, {name: aks-b}, {name: aks-c}]
                      - name: rg-fleet
                        location: westeurope
                        fleets:
                          - name: fleet-a
                            members:
                              - {name: a, cluster: rg-apps/aks-a, group: prod}
                              - {name: b, cluster: rg-apps/aks-b, group: canary, error: "MemberAgentUnreachable: no route to the hub"}
                              - {name: c, cluster: rg-apps/aks-c, group: prod}
                          - name: fleet-b
                            privateHub: false
                      - name: rg-other
                        location: northeurope
                        fleets:
                          - name: fleet-a
                """.formatted(SUB));
        fleets = new FleetService(ArmRest.of(sandbox.clients()), new ClusterService(sandbox.clients()));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void listsEveryPageAndResolvesByNameGroupAndId() {
        List<String> pages = Collections.synchronizedList(new ArrayList<>());
        sandbox.azure().arm().addInterceptor(r -> {
            if (r.path().endsWith("/fleets")) {
                pages.add(r.query().getOrDefault("$skipToken", "first") + " " + r.apiVersion());
            }
            return null;
        });
        List<Fleet> all = fleets.list(SUB);
        assertThat(all).extracting(f -> f.resourceGroup() + "/" + f.name())
                .containsExactly("rg-fleet/fleet-a", "rg-other/fleet-a", "rg-fleet/fleet-b");
        assertThat(pages).containsExactly("first 2025-03-01", "2 2025-03-01");
        Fleet b = fleets.resolve("fleet-b", OPS);
        assertThat(b.hubAccess()).isEqualTo("public");
        assertThat(b.hubFqdn()).matches("fleet-b-[0-9a-f]{8}\\.flt\\.westeurope\\.azmk8s\\.io");
        assertThat(b.kubernetesVersion()).isNotBlank();
        assertThat(b.provisioningState()).isEqualTo("Succeeded");
        Fleet a = fleets.resolve("rg-fleet/fleet-a", OPS);
        assertThat(a.privateHub()).isTrue();
        assertThat(fleets.resolve(a.id(), null)).isEqualTo(a);
        assertThat(oneLine(() -> fleets.resolve("fleet-a", OPS)))
                .isEqualTo("64 several fleets are named 'fleet-a' (resource groups rg-fleet, rg-other); give RG/NAME");
        assertThat(oneLine(() -> fleets.resolve("fleet-c", OPS)))
                .isEqualTo("65 no fleet 'fleet-c' in subscription Ops; did you mean 'fleet-a'?");
        assertThat(oneLine(() -> fleets.resolve("rg-fleet/nope", OPS)))
                .isEqualTo("65 no fleet nope in resource group rg-fleet; run 'fleet list' to see the fleets");
    }

    @Test
    void membersComeFromEveryPageWithTheirClustersGroupsAndErrors() {
        List<FleetMember> ms = fleets.members(fleets.resolve("rg-fleet/fleet-a", OPS));
        assertThat(ms).extracting(m -> m.name() + " " + m.clusterShort() + " " + m.group() + " " + m.state() + " " + m.lastError())
                .containsExactly("a rg-apps/aks-a prod Succeeded null",
                        "b rg-apps/aks-b canary Failed MemberAgentUnreachable: no route to the hub",
                        "c rg-apps/aks-c prod Succeeded null");
        assertThat(ms.get(1).failed()).isTrue();
        assertThat(fleets.members(fleets.resolve("fleet-b", OPS))).isEmpty();
    }

    @Test
    void credentialsAreTheHubsKubeconfig() {
        Fleet a = fleets.resolve("rg-fleet/fleet-a", OPS);
        Kubeconfig.Source s = Kubeconfig.read(fleets.credentials(a));
        assertThat(s.host()).isEqualTo(a.hubFqdn());
        assertThat(s.kubeloginServerId()).isEqualTo("6dae42f8-4368-4678-94ff-3960e28e3630");
    }

    @Test
    void theHubIsTheClusterInTheFlGroupWithTheHubsFqdn() {
        Fleet a = fleets.resolve("rg-fleet/fleet-a", OPS);
        assertThat(FleetService.hubResourceGroup(a)).isEqualTo("FL_rg-fleet_fleet-a_westeurope");
        Cluster hub = fleets.hub(a);
        assertThat(hub.id()).isEqualTo("/subscriptions/" + SUB + "/resourceGroups/FL_rg-fleet_fleet-a_westeurope/providers/"
                + "Microsoft.ContainerService/managedClusters/hub");
        assertThat(hub.privateCluster()).isTrue();

        Fleet other = fleets.resolve("rg-other/fleet-a", OPS);
        ArmState state = sandbox.azure().state();
        String otherHub = "/subscriptions/" + SUB + "/resourceGroups/FL_rg-other_fleet-a_northeurope/providers/"
                + "Microsoft.ContainerService/managedClusters/hub";
        ObjectNode twin;
        synchronized (state) {
            twin = ArmState.copy(state.resource(otherHub));
            twin.put("name", "hub-copy");
            twin.put("id", otherHub + "-copy");
            state.putResource(twin);
        }
        assertThat(oneLine(() -> fleets.hub(other))).startsWith("64 2 clusters in FL_rg-other_fleet-a_northeurope have the "
                + "hub's FQDN: ");
        synchronized (state) {
            state.removeResource(otherHub + "-copy");
            ((ObjectNode) state.resource(otherHub).get("properties")).put("fqdn", "elsewhere.example");
        }
        assertThat(oneLine(() -> fleets.hub(other))).isEqualTo("65 no managed cluster in FL_rg-other_fleet-a_northeurope has "
                + "the hub's FQDN " + other.hubFqdn() + " (it holds hub); the hub may still be provisioning; 'fleet show' "
                + "gives its state");
    }

    @Test
    void rolesAreReadFromAssignmentsAtOrAboveTheFleet() {
        Fleet a = fleets.resolve("rg-fleet/fleet-a", OPS);
        FleetService.Roles r = fleets.hubRoles(a, OID);
        assertThat(r.readable()).isTrue();
        assertThat(r.held()).containsExactly("Azure Kubernetes Fleet Manager RBAC Writer");
        assertThat(fleets.requireHubRole(a, OID, w -> { throw new AssertionError(w); }).any()).isTrue();

        Fleet elsewhere = fleets.resolve("rg-other/fleet-a", OPS);
        assertThat(fleets.hubRoles(elsewhere, OID).held()).as("Reader on the subscription is not a Fleet role").isEmpty();
        assertThat(oneLine(() -> fleets.requireHubRole(elsewhere, OID, w -> { })))
                .isEqualTo("66 you hold none of the four Fleet Manager RBAC roles on fleet-a (Azure Kubernetes Fleet Manager "
                        + "RBAC Reader, Azure Kubernetes Fleet Manager RBAC Writer, Azure Kubernetes Fleet Manager RBAC Admin, "
                        + "Azure Kubernetes Fleet Manager RBAC Cluster Admin), so its hub would refuse you (403); ask for one "
                        + "at the fleet's scope, e.g. az role assignment create --role \"Azure Kubernetes Fleet Manager RBAC "
                        + "Reader\" --assignee " + OID + " --scope " + elsewhere.id() + "; a new assignment takes a few "
                        + "minutes to apply");

        sandbox.azure().arm().addInterceptor(req -> req.path().endsWith("/roleAssignments") && req.path().contains("fleet-b")
                ? ArmResponse.error(new dev.aksh.sandbox.ArmError(403, "AuthorizationFailed", "no read on role assignments"))
                : null);
        List<String> warnings = new ArrayList<>();
        FleetService.Roles unknown = fleets.requireHubRole(fleets.resolve("fleet-b", OPS), OID, warnings::add);
        assertThat(unknown.readable()).isFalse();
        assertThat(warnings).containsExactly("cannot check your Fleet Manager RBAC roles on fleet-b (no permission to read "
                + "role assignments on fleet-b); without one of them the hub answers 403");
    }
}
