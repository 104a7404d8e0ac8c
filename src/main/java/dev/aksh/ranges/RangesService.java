package dev.aksh.ranges;

import com.azure.core.management.exception.ManagementException;
import com.azure.core.util.Context;
import com.azure.resourcemanager.containerservice.fluent.ManagedClustersClient;
import com.azure.resourcemanager.containerservice.fluent.models.ManagedClusterInner;
import com.azure.resourcemanager.containerservice.models.ManagedClusterApiServerAccessProfile;
import dev.aksh.azure.AzureClients;
import dev.aksh.session.ClusterRef;
import java.util.ArrayList;
import java.util.List;

/**
 * Changes a cluster's API server authorized IP ranges without losing anyone's entry: read the
 * cluster with its eTag, change the list, write it back with {@code If-Match}; when someone else
 * wrote meanwhile (412), read again and re-apply.
 */
public final class RangesService {
    static final int ATTEMPTS = 4;

    /** What a change did: the ranges before and after. */
    public record Change(List<String> before, List<String> after) {
        public boolean changed() {
            return !before.equals(after);
        }
    }

    private final AzureClients clients;

    public RangesService(AzureClients clients) {
        this.clients = clients;
    }

    /** Adds {@code cidrs} that no existing entry covers; waits for the update to finish. */
    public Change add(ClusterRef ref, List<String> cidrs) {
        ManagedClustersClient api = clients.containerService(ref.subscriptionId()).getManagedClusters();
        for (int attempt = 1; ; attempt++) {
            ManagedClusterInner cluster = api.getByResourceGroup(ref.resourceGroup(), ref.name());
            ManagedClusterApiServerAccessProfile profile = cluster.apiServerAccessProfile();
            List<String> before = profile == null || profile.authorizedIpRanges() == null ? List.of()
                    : List.copyOf(profile.authorizedIpRanges());
            List<String> after = new ArrayList<>(before);
            for (String c : cidrs) {
                Cidr wanted = Cidr.parse(c);
                if (after.stream().map(Cidr::parse).noneMatch(e -> e.contains(wanted))) {
                    after.add(wanted.toString());
                }
            }
            if (after.equals(before)) {
                return new Change(before, before);
            }
            if (profile == null) {
                profile = new ManagedClusterApiServerAccessProfile();
                cluster.withApiServerAccessProfile(profile);
            }
            profile.withAuthorizedIpRanges(after);
            try {
                api.beginCreateOrUpdate(ref.resourceGroup(), ref.name(), cluster, cluster.etag(), null, Context.NONE)
                        .getFinalResult();
                return new Change(before, List.copyOf(after));
            } catch (ManagementException e) {
                if (e.getResponse() == null || e.getResponse().getStatusCode() != 412 || attempt >= ATTEMPTS) {
                    throw e;
                }
                // someone changed the cluster since we read it: read again, so their entries stay
            }
        }
    }
}
