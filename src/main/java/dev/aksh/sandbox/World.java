package dev.aksh.sandbox;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The sandbox world as written in a world file: a readable description of tenants, subscriptions,
 * clusters and their surroundings. {@link WorldLoader} reads it; {@link ArmState} turns it into ARM
 * documents shaped like the official examples.
 *
 * @param name what the banner calls this world
 * @param tenant the directory the sandbox identity signs in to
 * @param identity who the sandbox credential says the operator is
 * @param myIp the public IP the sandbox world says this machine has
 * @param defaultSubscription the subscription a fresh context starts in (as {@code az}'s default does)
 * @param arm how the fake ARM behaves
 * @param subscriptions the subscriptions and everything in them
 * @param servicePrincipal what the Azure CLI signs in with against {@code sandbox serve}
 */
public record World(
        String name,
        Tenant tenant,
        Principal identity,
        String myIp,
        String defaultSubscription,
        Arm arm,
        List<SubscriptionSpec> subscriptions,
        ServicePrincipal servicePrincipal) {

    public World(String name, Tenant tenant, Principal identity, String myIp, String defaultSubscription, Arm arm,
            List<SubscriptionSpec> subscriptions) {
        this(name, tenant, identity, myIp, defaultSubscription, arm, subscriptions, null);
    }

    /**
     * The sandbox's service principal: {@code az login --service-principal -u APP_ID -p SECRET
     * --tenant TENANT} against {@code sandbox serve}. Its tokens act as the world's identity.
     */
    public record ServicePrincipal(String appId, String secret) {
        public ServicePrincipal {
            appId = appId == null ? "3c9f2b1e-6a4d-4e8b-a7c5-1d2e3f4a5b6c" : appId;
            secret = secret == null ? "sandbox-secret-not-for-azure" : secret;
        }
    }

    public World {
        servicePrincipal = servicePrincipal == null ? new ServicePrincipal(null, null) : servicePrincipal;
        name = name == null ? "sandbox" : name;
        tenant = tenant == null ? new Tenant(null, null) : tenant;
        identity = identity == null ? new Principal(null, null, null, null, null) : identity;
        myIp = myIp == null ? "203.0.113.10" : myIp;
        arm = arm == null ? new Arm(null, null, null, null) : arm;
        subscriptions = subscriptions == null ? List.of() : List.copyOf(subscriptions);
    }

    public record Tenant(String id, String name) {
        public Tenant {
            id = id == null ? "5f0c1a2e-7d2b-4c41-9b6e-2f4c8a1d0e77" : id;
            name = name == null ? "Contoso (sandbox)" : name;
        }
    }

    /**
     * @param noAccess scopes (resource ids, or the ids of the resource groups or subscriptions
     *     holding them) where this identity has no role: ARM answers 403 AuthorizationFailed there,
     *     and lists leave what is under them out
     * @param roleAssignments built-in roles this identity holds (for the roles Fleet hubs require)
     */
    public record Principal(String user, String displayName, String objectId, List<String> noAccess,
            List<RoleAssignmentSpec> roleAssignments) {
        public Principal {
            roleAssignments = roleAssignments == null ? List.of() : List.copyOf(roleAssignments);
            user = user == null ? "trainee@contoso.example" : user;
            displayName = displayName == null ? "Sandbox Trainee" : displayName;
            objectId = objectId == null ? "0b7d2f4e-3c1a-4e8b-9f6d-5a2c7e1b9d30" : objectId;
            noAccess = noAccess == null ? List.of() : List.copyOf(noAccess);
        }

        /** Whether this identity may not read {@code resourceId}. */
        public boolean denied(String resourceId) {
            String id = resourceId.toLowerCase(java.util.Locale.ROOT);
            for (String scope : noAccess) {
                String s = scope.toLowerCase(java.util.Locale.ROOT);
                if (id.equals(s) || id.startsWith(s.endsWith("/") ? s : s + "/")) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * @param pageSize lists longer than this are paged with {@code nextLink}
     * @param lroSeconds how long a PUT's long-running operation takes
     * @param latencyMs how long every ARM request takes before it is answered (real ARM takes 100–500 ms)
     * @param rangePropagationSeconds how long a change of authorized IP ranges takes to reach the API
     *     server's firewall after its update finished (AKS: up to 2 minutes)
     */
    public record Arm(Integer pageSize, Double lroSeconds, Integer latencyMs, Double rangePropagationSeconds) {
        public Arm {
            pageSize = pageSize == null ? 100 : pageSize;
            lroSeconds = lroSeconds == null ? 2.0 : lroSeconds;
            latencyMs = latencyMs == null ? 0 : latencyMs;
            rangePropagationSeconds = rangePropagationSeconds == null ? 3.0 : rangePropagationSeconds;
        }
    }

    public record SubscriptionSpec(String id, String name, String state, List<ResourceGroupSpec> resourceGroups) {
        public SubscriptionSpec {
            state = state == null ? "Enabled" : state;
            resourceGroups = resourceGroups == null ? List.of() : List.copyOf(resourceGroups);
        }
    }

    public record ResourceGroupSpec(String name, String location, Map<String, String> tags, List<ClusterSpec> clusters,
            List<VnetSpec> virtualNetworks, List<BastionSpec> bastions, List<FleetSpec> fleets) {
        public ResourceGroupSpec(String name, String location, Map<String, String> tags, List<ClusterSpec> clusters,
                List<VnetSpec> virtualNetworks, List<BastionSpec> bastions) {
            this(name, location, tags, clusters, virtualNetworks, bastions, null);
        }

        public ResourceGroupSpec {
            fleets = fleets == null ? List.of() : List.copyOf(fleets);
            location = location == null ? "westeurope" : location;
            tags = tags == null ? Map.of() : Map.copyOf(tags);
            clusters = clusters == null ? List.of() : List.copyOf(clusters);
            virtualNetworks = virtualNetworks == null ? List.of() : List.copyOf(virtualNetworks);
            bastions = bastions == null ? List.of() : List.copyOf(bastions);
        }
    }

    /**
     * A virtual network. VNets that clusters name in {@code subnet} but nobody declares are made
     * for them.
     *
     * @param peerings peerings from this VNet; a Connected one gets its mirror on the remote VNet
     */
    public record VnetSpec(String name, List<String> addressSpace, List<SubnetSpec> subnets, List<PeeringSpec> peerings) {
        public VnetSpec {
            addressSpace = addressSpace == null ? List.of() : List.copyOf(addressSpace);
            subnets = subnets == null ? List.of() : List.copyOf(subnets);
            peerings = peerings == null ? List.of() : List.copyOf(peerings);
        }
    }

    public record SubnetSpec(String name, String prefix) {
    }

    /**
     * A Kubernetes Fleet Manager fleet.
     *
     * @param privateHub whether its hub cluster's API server is private (default true)
     * @param hubSubnet the hub's subnet as {@code VNET/SUBNET} in this resource group, or a full id
     * @param members member clusters; more can be generated
     * @param generate a number of generated members, each with a cluster of its own (for scale)
     */
    public record FleetSpec(String name, Boolean privateHub, String hubSubnet, List<MemberSpec> members,
            GenerateSpec generate) {
        public FleetSpec {
            privateHub = privateHub == null || privateHub;
            members = members == null ? List.of() : List.copyOf(members);
        }
    }

    /**
     * @param cluster the member cluster: {@code RG/NAME} in the fleet's subscription, or a resource id
     * @param group the update group
     * @param error when set, the member failed to join: {@code CODE: message}
     */
    public record MemberSpec(String name, String cluster, String group, String error) {
    }

    /**
     * @param members how many members to generate (each with its own cluster)
     * @param resourceGroup where their clusters go
     * @param commandLatencyMs how long a command takes on each (the run-command pod's latency)
     */
    public record GenerateSpec(Integer members, String resourceGroup, Integer commandLatencyMs) {
        public GenerateSpec {
            members = members == null ? 0 : members;
            commandLatencyMs = commandLatencyMs == null ? 1000 : commandLatencyMs;
        }
    }

    /** A role assignment of the sandbox identity: a built-in role's name at a scope (a resource id). */
    /**
     * @param pending made moments ago: ARM lists it, but the hub's API server does not honour it yet
     *     (Azure RBAC takes minutes to apply)
     */
    public record RoleAssignmentSpec(String role, String scope, Boolean pending) {
        public RoleAssignmentSpec {
            pending = pending != null && pending;
        }

        public RoleAssignmentSpec(String role, String scope) {
            this(role, scope, false);
        }
    }

    /**
     * @param remote the remote VNet: a resource id, or {@code RG/VNET} in the same subscription
     * @param state Connected (default), Initiated or Disconnected
     * @param linkDns also link each VNet to the private DNS zones of the private clusters on the other side (as
     *     seed 000's peering steps do), so machines there resolve their API servers
     */
    public record PeeringSpec(String name, String remote, String state, Boolean linkDns) {
        public PeeringSpec {
            state = state == null ? "Connected" : state;
            linkDns = linkDns != null && linkDns;
        }
    }

    /**
     * An Azure Bastion host.
     *
     * @param sku Basic, Standard (default), Developer or Premium
     * @param tunneling native client support (enableTunneling)
     * @param vnet the VNet it sits in (its AzureBastionSubnet), in this resource group
     * @param publicIp its public IP address (none for a private-only Bastion)
     */
    public record BastionSpec(String name, String sku, Boolean tunneling, String vnet, String publicIp, Integer scaleUnits) {
        public BastionSpec {
            sku = sku == null ? "Standard" : sku;
            tunneling = tunneling == null || tunneling;
            scaleUnits = scaleUnits == null ? 2 : scaleUnits;
        }
    }

    /**
     * A managed cluster, described by the facts that matter to an operator.
     *
     * @param privateCluster {@code private: true} for a private API server
     * @param publicFqdn for a private cluster, whether it also gets a public FQDN
     * @param runCommand false sets {@code disableRunCommand}
     * @param aad AKS-managed Entra ID with Azure RBAC
     * @param sku Base or Automatic
     * @param tier Free, Standard or Premium
     * @param nodeResourceGroupLockdown restriction level ReadOnly on the node resource group
     * @param powerState Running or Stopped
     * @param subnet the node subnet as {@code VNET/SUBNET} in this resource group, or a full subnet id
     * @param outboundIp the public IP its load balancer sends traffic from (default: one made up from its id)
     * @param nodes how many nodes the system pool has
     * @param kubernetes what runs in the cluster besides the system components
     * @param commandPod how the run-command pod behaves (latency, faults)
     */
    public record ClusterSpec(
            String name,
            String location,
            String kubernetesVersion,
            @JsonProperty("private") Boolean privateCluster,
            Boolean publicFqdn,
            Boolean runCommand,
            Boolean aad,
            String sku,
            String tier,
            Boolean nodeResourceGroupLockdown,
            String powerState,
            String provisioningState,
            List<String> authorizedIpRanges,
            String loadBalancerSku,
            Boolean apiServerVnetIntegration,
            String subnet,
            String outboundIp,
            Integer nodes,
            Map<String, String> tags,
            Kubernetes kubernetes,
            CommandPod commandPod) {

        public ClusterSpec {
            kubernetesVersion = kubernetesVersion == null ? "1.32.4" : kubernetesVersion;
            privateCluster = privateCluster != null && privateCluster;
            publicFqdn = publicFqdn != null && publicFqdn;
            runCommand = runCommand == null || runCommand;
            aad = aad == null || aad;
            sku = sku == null ? "Base" : sku;
            tier = tier == null ? "Standard" : tier;
            nodeResourceGroupLockdown = nodeResourceGroupLockdown != null && nodeResourceGroupLockdown;
            powerState = powerState == null ? "Running" : powerState;
            provisioningState = provisioningState == null ? "Succeeded" : provisioningState;
            authorizedIpRanges = authorizedIpRanges == null ? List.of() : List.copyOf(authorizedIpRanges);
            loadBalancerSku = loadBalancerSku == null ? "standard" : loadBalancerSku;
            apiServerVnetIntegration = apiServerVnetIntegration != null && apiServerVnetIntegration;
            nodes = nodes == null ? 3 : nodes;
            tags = tags == null ? Map.of() : Map.copyOf(tags);
            kubernetes = kubernetes == null ? new Kubernetes(null, null, null, null, null) : kubernetes;
            commandPod = commandPod == null ? new CommandPod(null, null, null, null, null) : commandPod;
        }
    }

    /** Workloads in a cluster, in the terms of the manifests an operator would apply. */
    public record Kubernetes(List<String> namespaces, List<DeploymentSpec> deployments, List<ServiceSpec> services,
            List<ConfigMapSpec> configMaps, List<ReleaseSpec> releases, List<MemberClusterSpec> memberClusters) {
        public Kubernetes(List<String> namespaces, List<DeploymentSpec> deployments, List<ServiceSpec> services,
                List<ConfigMapSpec> configMaps, List<ReleaseSpec> releases) {
            this(namespaces, deployments, services, configMaps, releases, null);
        }

        public Kubernetes {
            memberClusters = memberClusters == null ? List.of() : List.copyOf(memberClusters);
            namespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
            deployments = deployments == null ? List.of() : List.copyOf(deployments);
            services = services == null ? List.of() : List.copyOf(services);
            configMaps = configMaps == null ? List.of() : List.copyOf(configMaps);
            releases = releases == null ? List.of() : List.copyOf(releases);
        }
    }

    /** A Fleet hub's MemberCluster object: a member, whether it joined, and since when. */
    public record MemberClusterSpec(String name, Boolean joined, String age) {
        public MemberClusterSpec {
            joined = joined == null || joined;
        }
    }

    /** @param age how long ago it was created ({@code 3d}, {@code 5h}); default 3d */
    public record DeploymentSpec(String name, String namespace, String image, Integer replicas, Integer port, String age) {
        public DeploymentSpec {
            namespace = namespace == null ? "default" : namespace;
            image = image == null ? "nginx:1.27" : image;
            replicas = replicas == null ? 1 : replicas;
            port = port == null ? 80 : port;
        }
    }

    /** @param selector defaults to {@code app: NAME} */
    public record ServiceSpec(String name, String namespace, String type, Integer port, Integer targetPort,
            Map<String, String> selector) {
        public ServiceSpec {
            namespace = namespace == null ? "default" : namespace;
            type = type == null ? "ClusterIP" : type;
            port = port == null ? 80 : port;
            targetPort = targetPort == null ? port : targetPort;
            selector = selector == null ? Map.of("app", name) : Map.copyOf(selector);
        }
    }

    public record ConfigMapSpec(String name, String namespace, Map<String, String> data) {
        public ConfigMapSpec {
            namespace = namespace == null ? "default" : namespace;
            data = data == null ? Map.of() : Map.copyOf(data);
        }
    }

    public record ReleaseSpec(String name, String namespace, String chart, String appVersion) {
        public ReleaseSpec {
            namespace = namespace == null ? "default" : namespace;
        }
    }

    /**
     * How AKS's run-command pod behaves on this cluster.
     *
     * @param latencyMs time to schedule and start the pod before the command runs (default 1500)
     * @param retryAfterSeconds a Retry-After the fake sends while the command runs (default none)
     * @param fault {@code unschedulable}: the pod never schedules and the command fails after the limit
     * @param schedulingTimeoutSeconds ARM's limit for scheduling the pod (default 60)
     * @param stateSpelling {@code Succeeded} (default) or {@code succeeded}, both seen in the wild
     */
    public record CommandPod(Integer latencyMs, Integer retryAfterSeconds, String fault, Integer schedulingTimeoutSeconds,
            String stateSpelling) {
        public CommandPod {
            latencyMs = latencyMs == null ? 1500 : latencyMs;
            schedulingTimeoutSeconds = schedulingTimeoutSeconds == null ? 60 : schedulingTimeoutSeconds;
            stateSpelling = stateSpelling == null ? "Succeeded" : stateSpelling;
        }
    }
}
