package dev.aksh.tunnel;

/** Worlds with networks shaped for the cases discovery and the pre-checks must handle. */
final class NetworkWorlds {
    static final String SPOKE = "11111111-1111-4111-8111-111111111111";
    static final String HUB = "22222222-2222-4222-8222-222222222222";

    private NetworkWorlds() {
    }

    static String vnetId(String sub, String rg, String name) {
        return "/subscriptions/" + sub + "/resourceGroups/" + rg + "/providers/Microsoft.Network/virtualNetworks/" + name;
    }

    static String bastionId(String sub, String rg, String name) {
        return "/subscriptions/" + sub + "/resourceGroups/" + rg + "/providers/Microsoft.Network/bastionHosts/" + name;
    }

    static String clusterId(String sub, String rg, String name) {
        return "/subscriptions/" + sub + "/resourceGroups/" + rg + "/providers/Microsoft.ContainerService/managedClusters/" + name;
    }

    /**
     * A spoke subscription and a hub subscription:
     * aks-app (vnet-app) is peered both ways with the hub's vnet-hub (bas-hub, Premium) and one-way
     * (Initiated) with vnet-orphan (bas-orphan); aks-alone has a VNet with nothing around it;
     * aks-managed has no subnet of its own, and a Bastion in its node resource group;
     * aks-basic's VNet holds only a Basic Bastion; aks-pub is public, with ranges that miss bas-pub.
     *
     * @param noAccess scopes the identity may not read
     */
    static String world(String... noAccess) {
        String deny = String.join(", ", java.util.Arrays.stream(noAccess).map(s -> "\"" + s + "\"").toList());
        return """
                identity:
                  user: ops@contoso.example
                  noAccess: [%s]
                subscriptions:
                  - id: %s
                    name: Spoke
                    resourceGroups:
                      - name: rg-app
                        virtualNetworks:
                          - name: vnet-app
                            addressSpace: [10.1.0.0/16]
                            peerings:
                              - {name: app-to-orphan, remote: rg-app/vnet-orphan, state: Initiated}
                          - name: vnet-orphan
                            addressSpace: [10.2.0.0/16]
                          - name: vnet-basic
                            addressSpace: [10.3.0.0/16]
                          - name: vnet-pub
                            addressSpace: [10.4.0.0/16]
                        bastions:
                          - {name: bas-orphan, vnet: vnet-orphan, publicIp: 20.0.0.9}
                          - {name: bas-basic, sku: Basic, tunneling: false, vnet: vnet-basic, publicIp: 20.0.0.10}
                          - {name: bas-pub, vnet: vnet-pub, publicIp: 20.0.0.11}
                        clusters:
                          - {name: aks-app, private: true, publicFqdn: true, subnet: vnet-app/nodes}
                          - {name: aks-alone, private: true, publicFqdn: true, subnet: vnet-alone/nodes}
                          - {name: aks-managed, private: true, publicFqdn: true, aad: false}
                          - {name: aks-basic, private: true, publicFqdn: true, subnet: vnet-basic/nodes}
                          - {name: aks-pub, private: false, authorizedIpRanges: [198.51.100.0/24], subnet: vnet-pub/nodes}
                          - {name: aks-locked, private: true, publicFqdn: true, nodeResourceGroupLockdown: true, subnet: vnet-app/locked}
                      - name: MC_rg-app_aks-managed_westeurope
                        virtualNetworks:
                          - name: aks-vnet-managed
                            addressSpace: [10.224.0.0/12]
                        bastions:
                          - {name: bas-managed, vnet: aks-vnet-managed, publicIp: 20.0.0.12}
                  - id: %s
                    name: Hub
                    resourceGroups:
                      - name: rg-hub
                        virtualNetworks:
                          - name: vnet-hub
                            addressSpace: [10.0.0.0/16]
                            peerings:
                              - {name: hub-to-app, remote: %s}
                        bastions:
                          - {name: bas-hub, sku: Premium, vnet: vnet-hub, publicIp: 4.4.4.4}
                """.formatted(deny, SPOKE, HUB, vnetId(SPOKE, "rg-app", "vnet-app"));
    }
}
