package dev.aksh.session;

/** How commands reach the current cluster's API server. */
public enum Route {
    /** AKS command invoke: the ARM runCommand API runs the command in a pod on the cluster. */
    RUN_COMMAND("run-command"),
    /** A local Bastion tunnel; the operator's own kubectl and helm run against it. */
    TUNNEL("tunnel");

    private final String label;

    Route(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Route fromLabel(String label) {
        for (Route r : values()) {
            if (r.label.equalsIgnoreCase(label) || r.name().equalsIgnoreCase(label)) {
                return r;
            }
        }
        return null;
    }
}
