package dev.aksh.azure;

import com.azure.core.management.exception.ManagementException;
import com.azure.resourcemanager.containerservice.fluent.ManagedClustersClient;
import com.azure.resourcemanager.containerservice.fluent.models.ManagedClusterInner;
import com.azure.resourcemanager.containerservice.models.ManagedClusterAgentPoolProfile;
import com.azure.resourcemanager.containerservice.models.ManagedClusterApiServerAccessProfile;
import com.azure.resourcemanager.containerservice.models.RestrictionLevel;
import dev.aksh.error.AkshException;
import dev.aksh.session.ClusterRef;
import dev.aksh.session.SubscriptionRef;
import dev.aksh.text.Suggest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Managed clusters: list, get, and find one from what the operator typed. */
public final class ClusterService {
    private final AzureClients clients;
    /**
     * Reads go through the shared pipeline by hand (at the SDK's api-version, as run commands do) and
     * are parsed by the SDK's own models: building the SDK's client (a proxy per operation group)
     * costs a third of a second of a cold start, and a one-shot run ({@code -c}, a script) mostly
     * reads. Writes use the SDK client.
     */
    private final ArmRest arm;

    public ClusterService(AzureClients clients) {
        this.clients = clients;
        this.arm = ArmRest.of(clients);
    }

    private static ManagedClusterInner parse(com.fasterxml.jackson.databind.JsonNode json) {
        try (com.azure.json.JsonReader r = com.azure.json.JsonProviders.createReader(ArmRest.JSON.writeValueAsString(json))) {
            return ManagedClusterInner.fromJson(r);
        } catch (java.io.IOException e) {
            throw AkshException.remote("ARM sent a managed cluster aksh cannot read (" + e.getMessage() + ")",
                    "retry; if it persists, report it with 'aksh --debug'");
        }
    }

    private ManagedClustersClient api(String subscriptionId) {
        return clients.containerService(subscriptionId).getManagedClusters();
    }

    /** The clusters of a subscription (every page), or of one resource group when {@code resourceGroup} is set. */
    public List<Cluster> list(String subscriptionId, String resourceGroup) {
        String path = "/subscriptions/" + subscriptionId + (resourceGroup == null ? "" : "/resourceGroups/" + resourceGroup)
                + "/providers/Microsoft.ContainerService/managedClusters";
        List<Cluster> out = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode item : arm.list(path, RunCommandClient.API_VERSION, null)) {
            out.add(toCluster(parse(item), subscriptionId));
        }
        out.sort(Comparator.comparing((Cluster c) -> c.name().toLowerCase(Locale.ROOT))
                .thenComparing(c -> c.resourceGroup().toLowerCase(Locale.ROOT)));
        return out;
    }

    /**
     * The kubeconfig AKS hands out for the cluster: the user one ({@code listClusterUserCredential})
     * or, with {@code admin}, the admin one. It holds secrets: callers keep it in memory or in
     * private files.
     */
    public byte[] kubeconfig(ClusterRef ref, boolean admin) {
        var result = admin
                ? api(ref.subscriptionId()).listClusterAdminCredentials(ref.resourceGroup(), ref.name())
                : api(ref.subscriptionId()).listClusterUserCredentials(ref.resourceGroup(), ref.name());
        if (result.kubeconfigs() == null || result.kubeconfigs().isEmpty() || result.kubeconfigs().get(0).value() == null) {
            throw AkshException.remote("AKS returned no kubeconfig for " + ref.name(), "retry; if it persists, check the cluster's state");
        }
        return result.kubeconfigs().get(0).value();
    }

    public Cluster get(ClusterRef ref) {
        return toCluster(parse(arm.get(ref.id(), RunCommandClient.API_VERSION)), ref.subscriptionId());
    }

    /**
     * Finds the cluster an operator means: a resource id, {@code RG/NAME}, or a name in the
     * subscription (optionally within {@code resourceGroup}).
     */
    public Cluster resolve(String spec, SubscriptionRef subscription, String resourceGroup) {
        String subscriptionId = subscription == null ? null : subscription.id();
        ClusterRef byId = ClusterRef.parseId(spec);
        if (byId != null) {
            return getOrExplain(byId, byId.subscriptionId());
        }
        String name = spec;
        String rg = resourceGroup;
        int slash = spec.indexOf('/');
        if (slash > 0 && slash == spec.lastIndexOf('/')) {
            rg = spec.substring(0, slash);
            name = spec.substring(slash + 1);
        }
        if (subscriptionId == null) {
            throw AkshException.usage("no subscription selected", "run 'subscription list', then 'subscription use NAME'");
        }
        if (rg != null) {
            return getOrExplain(new ClusterRef(subscriptionId, rg, name), subscription.name());
        }
        List<Cluster> all = list(subscriptionId, null);
        String wanted = name;
        List<Cluster> matches = all.stream().filter(c -> c.name().equalsIgnoreCase(wanted)).toList();
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.size() > 1) {
            throw AkshException.usage("several clusters are named '" + name + "' (resource groups "
                    + String.join(", ", matches.stream().map(Cluster::resourceGroup).toList()) + ")",
                    "give -g RG or RG/NAME");
        }
        String near = Suggest.nearest(name, all.stream().map(Cluster::name).toList());
        throw AkshException.notFound("no cluster '" + name + "' in subscription " + subscription.name(),
                near != null ? "did you mean '" + near + "'?" : "run 'cluster list' to see its clusters");
    }

    private Cluster getOrExplain(ClusterRef ref, String subscriptionName) {
        try {
            return get(ref);
        } catch (ManagementException e) {
            if (e.getResponse() != null && e.getResponse().getStatusCode() == 404) {
                String code = e.getValue() == null ? "" : e.getValue().getCode();
                if ("ResourceGroupNotFound".equalsIgnoreCase(code)) {
                    throw AkshException.notFound("no resource group '" + ref.resourceGroup() + "' in subscription "
                            + subscriptionName, "run 'cluster list' to see the clusters and their groups");
                }
                throw AkshException.notFound("no cluster '" + ref.name() + "' in resource group '" + ref.resourceGroup()
                        + "'", "run 'cluster list' to see the clusters");
            }
            throw e;
        }
    }

    private static List<String> outboundIps(ManagedClusterInner m) {
        if (m.networkProfile() == null || m.networkProfile().loadBalancerProfile() == null
                || m.networkProfile().loadBalancerProfile().effectiveOutboundIPs() == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        m.networkProfile().loadBalancerProfile().effectiveOutboundIPs().forEach(r -> {
            if (r.id() != null) {
                out.add(r.id());
            }
        });
        return out;
    }

    /** Maps the ARM resource to aksh's view; public so contract tests can map the official examples. */
    public static Cluster toCluster(ManagedClusterInner m, String subscriptionId) {
        ClusterRef ref = ClusterRef.parseId(m.id());
        String rg = ref != null ? ref.resourceGroup() : null;
        String sub = ref != null ? ref.subscriptionId() : subscriptionId;
        ManagedClusterApiServerAccessProfile api = m.apiServerAccessProfile();
        boolean priv = api != null && Boolean.TRUE.equals(api.enablePrivateCluster());
        Boolean publicFqdn = priv ? Boolean.TRUE.equals(api.enablePrivateClusterPublicFqdn()) : null;
        List<String> ranges = api == null || api.authorizedIpRanges() == null ? List.of() : List.copyOf(api.authorizedIpRanges());
        String subnet = null;
        if (m.agentPoolProfiles() != null) {
            for (ManagedClusterAgentPoolProfile p : m.agentPoolProfiles()) {
                if (p.vnetSubnetId() != null) {
                    subnet = p.vnetSubnetId();
                    break;
                }
            }
        }
        boolean lockdown = m.nodeResourceGroupProfile() != null
                && RestrictionLevel.READ_ONLY.equals(m.nodeResourceGroupProfile().restrictionLevel());
        return new Cluster(
                m.id(), m.name(), rg, sub, m.location(),
                m.currentKubernetesVersion() != null ? m.currentKubernetesVersion() : m.kubernetesVersion(),
                m.provisioningState(),
                m.powerState() == null || m.powerState().code() == null ? null : m.powerState().code().toString(),
                priv,
                m.fqdn(),
                m.privateFqdn(),
                publicFqdn,
                ranges,
                api != null && Boolean.TRUE.equals(api.disableRunCommand()),
                m.aadProfile() != null && Boolean.TRUE.equals(m.aadProfile().managed()),
                m.aadProfile() != null && Boolean.TRUE.equals(m.aadProfile().enableAzureRbac()),
                Boolean.TRUE.equals(m.disableLocalAccounts()),
                m.sku() == null || m.sku().name() == null ? null : m.sku().name().toString(),
                m.sku() == null || m.sku().tier() == null ? null : m.sku().tier().toString(),
                m.nodeResourceGroup(),
                lockdown,
                api != null && Boolean.TRUE.equals(api.enableVnetIntegration()),
                api == null ? null : api.privateDnsZone(),
                m.networkProfile() == null || m.networkProfile().loadBalancerSku() == null ? null
                        : m.networkProfile().loadBalancerSku().toString(),
                m.networkProfile() == null || m.networkProfile().outboundType() == null ? null
                        : m.networkProfile().outboundType().toString(),
                subnet,
                m.etag(),
                outboundIps(m));
    }
}
