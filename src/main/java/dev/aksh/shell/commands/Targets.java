package dev.aksh.shell.commands;

import com.azure.core.management.exception.ManagementException;
import dev.aksh.azure.Cluster;
import dev.aksh.azure.ClusterService;
import dev.aksh.error.AkshException;
import dev.aksh.session.SessionContext;
import dev.aksh.session.SessionState;
import dev.aksh.shell.Invocation;

/** The cluster a command is about: {@code --cluster NAME}, else the current one. */
final class Targets {
    private Targets() {
    }

    static Cluster cluster(Invocation inv, SessionState session, ClusterService clusters) {
        SessionContext c = session.get();
        String name = inv.option("cluster");
        try {
            if (name != null) {
                return clusters.resolve(name, c.subscription(), null);
            }
            if (c.cluster() == null) {
                throw AkshException.usage("no current cluster", "'cluster use NAME' first, or give --cluster NAME");
            }
            return clusters.get(c.cluster());
        } catch (ManagementException e) {
            if (e.getResponse() != null && e.getResponse().getStatusCode() == 403) {
                String which = name != null ? name : c.cluster().name();
                throw AkshException.auth("no Reader role on cluster " + which,
                        "ask for Reader on it: Bastion tunnels need Reader on the cluster, the Bastion and, across a "
                                + "peering, the cluster's VNet");
            }
            throw e;
        }
    }

    /** The fleet a command is about: {@code spec} (a name, RG/NAME or id) if given, else the current fleet. */
    static dev.aksh.azure.Fleet fleet(String spec, SessionState session, dev.aksh.azure.FleetService fleets) {
        if (spec != null && !spec.isBlank()) {
            return fleets.resolve(spec, session.get().subscription());
        }
        String id = session.get().fleet();
        if (id == null) {
            throw AkshException.usage("no current fleet", "'fleet list', then 'fleet use NAME' (or give --fleet NAME)");
        }
        return fleets.get(id);
    }

    /** A path an operator typed: '~' is {@code home}, a relative path is from the current directory. */
    static java.nio.file.Path path(String p, java.nio.file.Path home) {
        if (p.equals("~")) {
            return home;
        }
        if (p.startsWith("~/")) {
            return home.resolve(p.substring(2));
        }
        return java.nio.file.Path.of(p).toAbsolutePath();
    }
}
