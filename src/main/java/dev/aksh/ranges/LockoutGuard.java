package dev.aksh.ranges;

import dev.aksh.error.AkshException;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses, unless forced, a change of authorized ranges that takes access away from this machine
 * or from the cluster's own outbound IPs, saying exactly what would stop working.
 */
public final class LockoutGuard {
    private LockoutGuard() {
    }

    /**
     * This machine's public IP as far as aksh knows it.
     *
     * @param ip null when it could not be found
     * @param why why not, when {@code ip} is null
     */
    public record Me(String ip, String via, String why) {
        public static Me known(String ip, String via) {
            return new Me(ip, via, null);
        }

        public static Me unknown(String why) {
            return new Me(null, null, why);
        }
    }

    public static void check(AuthorizedRanges.Plan plan, RangesService.Current current, Me me, boolean force) {
        if (force) {
            return;
        }
        String cluster = current.cluster().name();
        List<AuthorizedRanges.Watched> watched = new ArrayList<>();
        if (me.ip() != null) {
            watched.add(new AuthorizedRanges.Watched(me.ip(), "you (" + me.ip() + ", this machine's public IP): kubectl, "
                    + "helm and 'ranges --wait' from here would be refused (invoke through run command and Bastion tunnels "
                    + "would still work)"));
        }
        for (String ip : current.outboundIps()) {
            watched.add(new AuthorizedRanges.Watched(ip, cluster + "'s own outbound IP " + ip + ": pods calling the API "
                    + "server by its public address would be refused"));
        }
        List<AuthorizedRanges.Watched> lost = AuthorizedRanges.losses(plan, watched, current.outboundIps());
        if (!lost.isEmpty()) {
            throw AkshException.refused("this change would lock out " + String.join("; and ",
                    lost.stream().map(AuthorizedRanges.Watched::who).toList()),
                    "keep or add a range that covers " + (lost.size() > 1 ? "them" : "it") + ", or add --force to do it anyway");
        }
        boolean couldLockOut = !plan.removed().isEmpty() || plan.before().isEmpty() && !plan.after().isEmpty();
        if (me.ip() == null && couldLockOut) {
            throw AkshException.refused("aksh could not find this machine's public IP (" + me.why() + "), so it cannot tell "
                    + "whether this change locks you out of " + cluster, "give it with --my-ip IP, or add --force");
        }
    }
}
