package dev.aksh.session;

/**
 * The whole session context as one immutable value: the prompt, the completion caches and the
 * persisted file all follow it. Change it only through {@link SessionState#update}.
 *
 * @param subscription the current subscription, or null
 * @param cluster the current cluster, or null
 * @param previousCluster the cluster before the last {@code cluster use}, for {@code cluster use -}
 * @param fleet the current fleet's resource id, or null
 * @param route how commands reach the current cluster
 * @param readOnly whether state-changing commands are refused
 * @param sandbox whether this session talks to the sandbox rather than real Azure (not persisted:
 *     it is a property of how aksh was started)
 */
public record SessionContext(
        SubscriptionRef subscription,
        ClusterRef cluster,
        ClusterRef previousCluster,
        String fleet,
        Route route,
        boolean readOnly,
        boolean sandbox) {

    public SessionContext {
        route = route == null ? Route.RUN_COMMAND : route;
    }

    public static SessionContext empty(boolean sandbox) {
        return new SessionContext(null, null, null, null, Route.RUN_COMMAND, false, sandbox);
    }

    public SessionContext withSubscription(SubscriptionRef s) {
        return new SessionContext(s, cluster, previousCluster, fleet, route, readOnly, sandbox);
    }

    /** Makes {@code c} current and remembers the current one as previous (unless they are the same). */
    public SessionContext withCluster(ClusterRef c) {
        ClusterRef prev = cluster != null && !cluster.sameAs(c) ? cluster : previousCluster;
        return new SessionContext(subscription, c, prev, fleet, Route.RUN_COMMAND, readOnly, sandbox);
    }

    public SessionContext withFleet(String f) {
        return new SessionContext(subscription, cluster, previousCluster, f, route, readOnly, sandbox);
    }

    public SessionContext withRoute(Route r) {
        return new SessionContext(subscription, cluster, previousCluster, fleet, r, readOnly, sandbox);
    }

    public SessionContext withReadOnly(boolean ro) {
        return new SessionContext(subscription, cluster, previousCluster, fleet, route, ro, sandbox);
    }
}
