package dev.aksh.lessons;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aksh.sandbox.FakeAzure;
import dev.aksh.sandbox.World;
import java.util.List;

/** What lessons change in a freshly reset world before they start, and what they read from the world. */
final class LessonFixtures {
    private LessonFixtures() {
    }

    /** Lesson 4 starts with "my IP" in aks-web's ranges, as if added earlier. */
    static void admitMyIp(FakeAzure sandbox) {
        synchronized (sandbox.state()) {
            ObjectNode web = sandbox.cluster("aks-web");
            if (web == null) {
                throw new IllegalStateException("this lesson needs the default world's aks-web");
            }
            ObjectNode stored = sandbox.state().resource(web.get("id").asText());
            ArrayNode ranges = (ArrayNode) stored.with("properties").with("apiServerAccessProfile").withArray("authorizedIPRanges");
            ranges.add(sandbox.world().myIp() + "/32");
            stored.put("eTag", dev.aksh.sandbox.ArmState.newEtag());
        }
    }

    /** The authorized ranges the world file gives a cluster. */
    static List<String> worldRanges(World world, String cluster) {
        for (World.SubscriptionSpec s : world.subscriptions()) {
            for (World.ResourceGroupSpec g : s.resourceGroups()) {
                for (World.ClusterSpec c : g.clusters()) {
                    if (c.name().equalsIgnoreCase(cluster)) {
                        return c.authorizedIpRanges();
                    }
                }
            }
        }
        return List.of();
    }
}
