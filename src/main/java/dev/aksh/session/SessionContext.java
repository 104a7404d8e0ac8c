package dev.aksh.session;

import java.util.ArrayList;
import java.util.List;

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
 * @param tunnels the tunnels open in this process (not persisted); with one open to the current
 *     cluster, the route is {@link Route#TUNNEL}
 */
public record SessionContext(
        SubscriptionRef subscription,
        ClusterRef cluster,
        ClusterRef previousCluster,
        String fleet,
        Route route,
        boolean readOnly,
        boolean sandbox,
        List<TunnelRef> tunnels) {

    public SessionContext {
        tunnels = tunnels == null ? List.of() : List.copyOf(tunnels);
        route = route == null ? Route.RUN_COMMAND : route;
        if (route == Route.TUNNEL && tunnelFor(tunnels, cluster) == null) {
            route = Route.RUN_COMMAND; // a tunnel route needs an open tunnel to the current cluster
        }
    }

    public SessionContext(SubscriptionRef subscription, ClusterRef cluster, ClusterRef previousCluster, String fleet,
            Route route, boolean readOnly, boolean sandbox) {
        this(subscription, cluster, previousCluster, fleet, route, readOnly, sandbox, List.of());
    }

    public static SessionContext empty(boolean sandbox) {
        return new SessionContext(null, null, null, null, Route.RUN_COMMAND, false, sandbox, List.of());
    }

    public SessionContext withSubscription(SubscriptionRef s) {
        return new SessionContext(s, cluster, previousCluster, fleet, route, readOnly, sandbox, tunnels);
    }

    /**
     * Makes {@code c} current and remembers the current one as previous (unless they are the same).
     * The route follows the cluster: its tunnel if one is open, else run command.
     */
    public SessionContext withCluster(ClusterRef c) {
        ClusterRef prev = cluster != null && !cluster.sameAs(c) ? cluster : previousCluster;
        Route r = tunnelFor(tunnels, c) != null ? Route.TUNNEL : Route.RUN_COMMAND;
        return new SessionContext(subscription, c, prev, fleet, r, readOnly, sandbox, tunnels);
    }

    public SessionContext withFleet(String f) {
        return new SessionContext(subscription, cluster, previousCluster, f, route, readOnly, sandbox, tunnels);
    }

    public SessionContext withRoute(Route r) {
        return new SessionContext(subscription, cluster, previousCluster, fleet, r, readOnly, sandbox, tunnels);
    }

    public SessionContext withReadOnly(boolean ro) {
        return new SessionContext(subscription, cluster, previousCluster, fleet, route, ro, sandbox, tunnels);
    }

    /** Adds an open tunnel; if it goes to the current cluster, the route becomes the tunnel. */
    public SessionContext withTunnel(TunnelRef t) {
        List<TunnelRef> next = new ArrayList<>(tunnels);
        next.removeIf(x -> x.id() == t.id());
        next.add(t);
        Route r = t.cluster().sameAs(cluster) ? Route.TUNNEL : route;
        return new SessionContext(subscription, cluster, previousCluster, fleet, r, readOnly, sandbox, next);
    }

    /** Forgets a closed tunnel; the route falls back to run command if it was that tunnel. */
    public SessionContext withoutTunnel(int id) {
        List<TunnelRef> next = new ArrayList<>(tunnels);
        next.removeIf(x -> x.id() == id);
        return new SessionContext(subscription, cluster, previousCluster, fleet, route, readOnly, sandbox, next);
    }

    /** {@code run-command}, or {@code tunnel :PORT} while the route is an open tunnel. */
    public String routeLabel() {
        TunnelRef t = currentTunnel();
        return route == Route.TUNNEL && t != null ? route.label() + " :" + t.port() : route.label();
    }

    /** The open tunnel to the current cluster, or null. */
    public TunnelRef currentTunnel() {
        return tunnelFor(tunnels, cluster);
    }

    private static TunnelRef tunnelFor(List<TunnelRef> tunnels, ClusterRef c) {
        if (c == null || tunnels == null) {
            return null;
        }
        for (TunnelRef t : tunnels) {
            if (t.cluster().sameAs(c)) {
                return t;
            }
        }
        return null;
    }
}
