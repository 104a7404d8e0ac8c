package dev.aksh.lessons;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aksh.sandbox.FakeAzure;

/** What lessons change in a freshly reset world before they start. */
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
}
