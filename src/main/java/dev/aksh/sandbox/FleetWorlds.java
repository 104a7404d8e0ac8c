package dev.aksh.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a world's fleets imply beyond what the file says: each fleet's hub cluster (a managed
 * cluster named {@code hub} in the fleet's {@code FL_} resource group, as Fleet Manager makes it,
 * whose API server holds a MemberCluster per member), and generated members with clusters of
 * their own for fleets that ask for many.
 */
final class FleetWorlds {
    private FleetWorlds() {
    }

    /** The name AKS Fleet gives the hub's resource group. */
    static String hubResourceGroup(String fleetResourceGroup, String fleet, String location) {
        return "FL_" + fleetResourceGroup + "_" + fleet + "_" + location.replace(" ", "").toLowerCase(java.util.Locale.ROOT);
    }

    static World expand(World world) {
        boolean any = world.subscriptions().stream().flatMap(s -> s.resourceGroups().stream()).anyMatch(g -> !g.fleets().isEmpty());
        if (!any) {
            return world;
        }
        List<World.SubscriptionSpec> subs = new ArrayList<>();
        for (World.SubscriptionSpec s : world.subscriptions()) {
            Map<String, World.ResourceGroupSpec> groups = new LinkedHashMap<>();
            s.resourceGroups().forEach(g -> groups.put(g.name().toLowerCase(java.util.Locale.ROOT), g));
            for (World.ResourceGroupSpec g : s.resourceGroups()) {
                List<World.FleetSpec> fleets = new ArrayList<>();
                for (World.FleetSpec f : g.fleets()) {
                    List<World.MemberSpec> members = new ArrayList<>(f.members());
                    World.GenerateSpec gen = f.generate();
                    if (gen != null && gen.members() > 0) {
                        String rg = gen.resourceGroup() != null ? gen.resourceGroup() : "rg-" + f.name() + "-members";
                        List<World.ClusterSpec> clusters = new ArrayList<>();
                        for (int i = 1; i <= gen.members(); i++) {
                            String n = String.format("%02d", i);
                            clusters.add(cluster("aks-" + f.name() + "-" + n, g.location(), false, false, null, null,
                                    new World.CommandPod(gen.commandLatencyMs(), null, null, null, null)));
                            members.add(new World.MemberSpec("member-" + n, rg + "/aks-" + f.name() + "-" + n,
                                    i % 5 == 0 ? "canary" : "main", null));
                        }
                        World.ResourceGroupSpec existing = groups.get(rg.toLowerCase(java.util.Locale.ROOT));
                        List<World.ClusterSpec> all = new ArrayList<>(existing == null ? List.of() : existing.clusters());
                        all.addAll(clusters);
                        groups.put(rg.toLowerCase(java.util.Locale.ROOT), new World.ResourceGroupSpec(rg, g.location(),
                                existing == null ? null : existing.tags(), all,
                                existing == null ? null : existing.virtualNetworks(),
                                existing == null ? null : existing.bastions(), existing == null ? null : existing.fleets()));
                    }
                    fleets.add(new World.FleetSpec(f.name(), f.privateHub(), f.hubSubnet(), members, null));
                    List<World.MemberClusterSpec> objects = new ArrayList<>();
                    for (World.MemberSpec m : members) {
                        objects.add(new World.MemberClusterSpec(m.name(), m.error() == null, "3d"));
                    }
                    String hubRg = hubResourceGroup(g.name(), f.name(), g.location());
                    String subnet = f.hubSubnet() == null ? null : f.hubSubnet().startsWith("/") ? f.hubSubnet()
                            : ArmDocuments.subnetId(s.id(), g.name(), f.hubSubnet());
                    World.ClusterSpec hub = cluster("hub", g.location(), f.privateHub(), true, subnet,
                            new World.Kubernetes(null, null, null, null, null, objects), null);
                    groups.put(hubRg.toLowerCase(java.util.Locale.ROOT), new World.ResourceGroupSpec(hubRg, g.location(),
                            Map.of("fleet", f.name()), List.of(hub), null, null, null));
                }
                World.ResourceGroupSpec now = groups.get(g.name().toLowerCase(java.util.Locale.ROOT));
                groups.put(g.name().toLowerCase(java.util.Locale.ROOT), new World.ResourceGroupSpec(now.name(), now.location(),
                        now.tags(), now.clusters(), now.virtualNetworks(), now.bastions(), fleets));
            }
            subs.add(new World.SubscriptionSpec(s.id(), s.name(), s.state(), List.copyOf(groups.values())));
        }
        return new World(world.name(), world.tenant(), world.identity(), world.myIp(), world.defaultSubscription(),
                world.arm(), subs, world.servicePrincipal());
    }

    private static World.ClusterSpec cluster(String name, String location, boolean privateCluster, boolean publicFqdn,
            String subnet, World.Kubernetes kubernetes, World.CommandPod pod) {
        return new World.ClusterSpec(name, location, "1.32.4", privateCluster, publicFqdn, true, true, "Base", "Standard",
                false, "Running", "Succeeded", null, "standard", false, subnet, null, 2, Map.of(), kubernetes, pod);
    }
}
