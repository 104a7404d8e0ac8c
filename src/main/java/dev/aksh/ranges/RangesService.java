package dev.aksh.ranges;

import com.azure.core.management.exception.ManagementException;
import com.azure.core.management.polling.PollResult;
import com.azure.core.util.Context;
import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.PollResponse;
import com.azure.core.util.polling.SyncPoller;
import com.azure.resourcemanager.containerservice.fluent.ManagedClustersClient;
import com.azure.resourcemanager.containerservice.fluent.models.ManagedClusterInner;
import com.azure.resourcemanager.containerservice.models.ManagedClusterApiServerAccessProfile;
import dev.aksh.azure.AzureClients;
import dev.aksh.azure.Cluster;
import dev.aksh.azure.ClusterService;
import dev.aksh.azure.NetworkService;
import dev.aksh.error.AkshException;
import dev.aksh.error.ExitCode;
import dev.aksh.render.Progress;
import dev.aksh.session.ClusterRef;
import dev.aksh.shell.Durations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Changes a cluster's API server authorized IP ranges without losing anyone's entry: read the
 * cluster with its eTag, plan the change on what is there now, write it back with
 * {@code If-Match}. When someone else wrote meanwhile (412) the same operation is planned again on
 * a fresh read; while another update runs (409) it waits. The update is a long-running operation
 * whose progress is shown.
 */
public final class RangesService {
    static final int ATTEMPTS = 25;
    static final Duration BUSY_LIMIT = Duration.ofMinutes(10);

    /** What the cluster says now. */
    public record Current(Cluster cluster, List<String> ranges, List<String> outboundIps, List<String> notes) {
    }

    /** What a change came to. */
    public record Applied(AuthorizedRanges.Plan plan, boolean written, int attempts, Cluster cluster) {
    }

    /** Decides whether a plan made from a fresh read may go ahead; throws to refuse. */
    @FunctionalInterface
    public interface Check {
        void accept(AuthorizedRanges.Plan plan, Current current);
    }

    /** What a simple add did (for callers that only add). */
    public record Change(List<String> before, List<String> after) {
        public boolean changed() {
            return !before.equals(after);
        }
    }

    private final AzureClients clients;
    private final NetworkService network;
    private final Clock clock;

    public RangesService(AzureClients clients) {
        this(clients, new NetworkService(clients), Clock.systemUTC());
    }

    public RangesService(AzureClients clients, NetworkService network, Clock clock) {
        this.clients = clients;
        this.network = network;
        this.clock = clock;
    }

    private ManagedClustersClient api(ClusterRef ref) {
        return clients.containerService(ref.subscriptionId()).getManagedClusters();
    }

    /** The cluster, its ranges and the addresses of its outbound IPs (where they can be read). */
    public Current read(ClusterRef ref) {
        return current(api(ref).getByResourceGroup(ref.resourceGroup(), ref.name()), ref);
    }

    private Current current(ManagedClusterInner inner, ClusterRef ref) {
        Cluster c = ClusterService.toCluster(inner, ref.subscriptionId());
        List<String> outbound = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String id : c.outboundIpIds()) {
            try {
                String ip = network.publicIpAddress(id);
                if (ip != null) {
                    outbound.add(ip);
                }
            } catch (ManagementException e) {
                notes.add("cannot read the outbound IP " + id.substring(id.lastIndexOf('/') + 1) + " ("
                        + (e.getResponse() == null ? "no answer" : e.getResponse().getStatusCode()) + ")");
            }
        }
        return new Current(c, c.authorizedIpRanges(), outbound, notes);
    }

    /** Refuses clusters whose API server takes no authorized ranges, naming what works instead. */
    public static void checkCluster(Cluster c) {
        if (c.privateCluster()) {
            throw AkshException.refused(c.name() + " is a private cluster: its API server has no public endpoint, and "
                    + "authorized IP ranges apply only to public ones", "reach it with 'connect bastion' or 'invoke'");
        }
        if ("basic".equalsIgnoreCase(c.loadBalancerSku())) {
            throw AkshException.refused(c.name() + " uses the Basic load balancer, which authorized IP ranges do not support "
                    + "(and it cannot be migrated to Standard)", "create a cluster with the Standard load balancer, or make "
                    + "this one private");
        }
    }

    /**
     * Plans {@code op} on a fresh read, lets {@code check} refuse, and writes it under
     * {@code If-Match}; replans and retries when someone else wrote meanwhile.
     */
    public Applied apply(ClusterRef ref, AuthorizedRanges.Operation op, Check check, Progress progress) {
        ManagedClustersClient api = api(ref);
        Instant busySince = null;
        for (int attempt = 1; ; attempt++) {
            progress.state(attempt == 1 ? "reading the cluster" : "reading the cluster again (attempt " + attempt + ")");
            ManagedClusterInner inner = api.getByResourceGroup(ref.resourceGroup(), ref.name());
            Current current = current(inner, ref);
            checkCluster(current.cluster());
            AuthorizedRanges.Plan plan = AuthorizedRanges.plan(op, current.ranges());
            AuthorizedRanges.checkLimit(plan, current.cluster().apiServerVnetIntegration(), current.cluster().name());
            if (!plan.changes()) {
                return new Applied(plan, false, attempt, current.cluster());
            }
            check.accept(plan, current);
            ManagedClusterApiServerAccessProfile profile = inner.apiServerAccessProfile();
            if (profile == null) {
                profile = new ManagedClusterApiServerAccessProfile();
                inner.withApiServerAccessProfile(profile);
            }
            profile.withAuthorizedIpRanges(new ArrayList<>(plan.after()));
            SyncPoller<PollResult<ManagedClusterInner>, ManagedClusterInner> poller;
            try {
                progress.state("writing the ranges (If-Match " + shortTag(inner.etag()) + ")");
                poller = api.beginCreateOrUpdate(ref.resourceGroup(), ref.name(), inner, inner.etag(), null, Context.NONE);
            } catch (ManagementException e) {
                int status = e.getResponse() == null ? 0 : e.getResponse().getStatusCode();
                if (status == 412 && attempt < ATTEMPTS) {
                    continue; // someone else wrote since we read: plan the same change on what is there now
                }
                if (status == 409 && attempt < ATTEMPTS) {
                    busySince = busySince == null ? clock.instant() : busySince;
                    if (Duration.between(busySince, clock.instant()).compareTo(BUSY_LIMIT) > 0) {
                        throw e;
                    }
                    progress.state("another update of " + ref.name() + " is running; waiting for it");
                    sleep(retryAfter(e));
                    continue;
                }
                throw e;
            }
            Cluster after = await(poller, ref, progress);
            return new Applied(plan, true, attempt, after);
        }
    }

    /** Adds entries (for callers that only add, such as connect bastion); no guard beyond the service's. */
    public Change add(ClusterRef ref, List<String> cidrs) {
        Applied a = apply(ref, AuthorizedRanges.Operation.add(AuthorizedRanges.parseToWrite(cidrs)), (p, c) -> { },
                Progress.NONE);
        return new Change(a.plan().before(), a.plan().after());
    }

    private Cluster await(SyncPoller<PollResult<ManagedClusterInner>, ManagedClusterInner> poller, ClusterRef ref,
            Progress progress) {
        Instant start = clock.instant();
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                throw new AkshException(ExitCode.INTERRUPTED, "stopped waiting for the update of " + ref.name()
                        + "; it goes on in Azure", "see it with 'ranges show' in a minute");
            }
            PollResponse<PollResult<ManagedClusterInner>> r = poller.poll();
            LongRunningOperationStatus s = r.getStatus();
            if (s == LongRunningOperationStatus.SUCCESSFULLY_COMPLETED) {
                ManagedClusterInner done = poller.getFinalResult();
                return ClusterService.toCluster(done, ref.subscriptionId());
            }
            if (s == LongRunningOperationStatus.FAILED || s == LongRunningOperationStatus.USER_CANCELLED) {
                throw AkshException.remote("the update of " + ref.name() + " " + s.toString().toLowerCase(java.util.Locale.ROOT)
                        .replace('_', ' '), "see 'cluster show " + ref.name() + "'; the ranges may be unchanged");
            }
            progress.state("updating " + ref.name() + " (" + Durations.format(Duration.between(start, clock.instant())) + ")");
            sleep(r.getRetryAfter() == null ? Duration.ofSeconds(1) : r.getRetryAfter());
        }
    }

    private static Duration retryAfter(ManagementException e) {
        String h = e.getResponse() == null ? null : e.getResponse().getHeaderValue("Retry-After");
        try {
            return h == null ? Duration.ofSeconds(2) : Duration.ofSeconds(Math.min(30, Long.parseLong(h.trim())));
        } catch (NumberFormatException ex) {
            return Duration.ofSeconds(2);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(Math.max(50, Math.min(d.toMillis(), 5000)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String shortTag(String etag) {
        if (etag == null) {
            return "none";
        }
        return etag.length() > 12 ? etag.substring(0, 12) + "…" : etag;
    }
}
