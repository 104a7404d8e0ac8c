package dev.aksh.azure;

/** Small worlds for service tests. */
final class WorldYaml {
    private WorldYaml() {
    }

    /** One subscription with a cluster per test that writes, and long-running operations of {@code seconds}. */
    static String withLro(double seconds) {
        StringBuilder sb = new StringBuilder("arm: {lroSeconds: " + seconds + "}\n").append("""
                subscriptions:
                  - id: 6f1d3a52-8c4e-4b7a-9e21-3d5f7a9c1b04
                    name: Contoso Production
                    resourceGroups:
                """);
        for (String n : new String[] {"web", "lro", "stale", "busy", "hdr"}) {
            sb.append("      - name: rg-").append(n).append("\n        clusters: [{name: aks-").append(n).append("}]\n");
        }
        return sb.toString();
    }
}
