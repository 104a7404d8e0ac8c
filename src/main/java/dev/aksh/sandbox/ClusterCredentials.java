package dev.aksh.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * {@code listClusterUserCredential} and {@code listClusterAdminCredential}: kubeconfigs in the
 * shapes AKS hands out, base64 in {@code kubeconfigs[].value} as in the official examples. An
 * AAD-managed cluster's user kubeconfig authenticates with kubelogin (an exec plugin for the AKS AAD
 * server app); the admin kubeconfig, and the user one of a cluster without AAD, carry a client
 * certificate that the sandbox CA signed. Each trusts the sandbox CA, as a real one trusts the
 * cluster's CA.
 */
final class ClusterCredentials {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private final CertificateAuthority ca;

    /** Where a public cluster's API server answers from here (the sandbox's DNS for its FQDN). */
    private final java.util.function.Function<JsonNode, java.net.InetSocketAddress> reachable;

    ClusterCredentials(CertificateAuthority ca, java.util.function.Function<JsonNode, java.net.InetSocketAddress> reachable) {
        this.reachable = reachable;
        this.ca = ca;
    }

    ArmResponse list(ObjectNode cluster, ResourceId id, boolean admin, String format) {
        JsonNode p = cluster.path("properties");
        boolean aad = p.path("aadProfile").path("managed").asBoolean(false);
        if (admin && p.path("disableLocalAccounts").asBoolean(false)) {
            throw new ArmError(400, "BadRequest", "Getting static credential is not allowed because this cluster is set "
                    + "to disable local accounts.");
        }
        if (format != null && !format.isEmpty() && !format.equalsIgnoreCase("exec") && !format.equalsIgnoreCase("azure")) {
            throw new ArmError(400, "InvalidParameter", "The value of parameter format is invalid: '" + format
                    + "'. Valid values are 'azure' and 'exec'.");
        }
        String name = cluster.get("name").asText();
        String rg = id.resourceGroup();
        String host = p.hasNonNull("fqdn") ? p.get("fqdn").asText() : p.path("privateFQDN").asText();
        String user = (admin ? "clusterAdmin_" : "clusterUser_") + rg + "_" + name;

        ObjectNode kc = YAML.createObjectNode();
        kc.put("apiVersion", "v1");
        ObjectNode cl = kc.putArray("clusters").addObject();
        ObjectNode server = cl.putObject("cluster").put("certificate-authority-data", b64(ca.certificatePem()));
        java.net.InetSocketAddress at = p.path("apiServerAccessProfile").path("enablePrivateCluster").asBoolean(false)
                ? null : reachable.apply(cluster);
        if (at == null) {
            server.put("server", "https://" + host + ":443");
        } else {
            // nothing resolves the FQDN here: the public endpoint's loopback port, with the FQDN for TLS
            server.put("server", "https://127.0.0.1:" + at.getPort()).put("tls-server-name", host);
        }
        cl.put("name", name);
        ObjectNode ctx = kc.putArray("contexts").addObject();
        ctx.putObject("context").put("cluster", name).put("user", user);
        ctx.put("name", admin ? name + "-admin" : name);
        kc.put("current-context", admin ? name + "-admin" : name);
        kc.put("kind", "Config");
        kc.putObject("preferences");
        ObjectNode u = kc.putArray("users").addObject();
        u.put("name", user);
        ObjectNode body = u.putObject("user");
        if (!admin && aad) {
            ObjectNode exec = body.putObject("exec");
            exec.put("apiVersion", "client.authentication.k8s.io/v1beta1");
            ArrayNode args = exec.putArray("args");
            for (String a : new String[] {"get-token", "--environment", "AzurePublicCloud", "--server-id",
                    RunCommands.AKS_AAD_SERVER_APP, "--client-id", "80faf920-1908-4b52-b5ef-a8e7bedfc67a",
                    "--tenant-id", p.path("aadProfile").path("tenantID").asText(), "--login", "devicecode"}) {
                args.add(a);
            }
            exec.put("command", "kubelogin");
            exec.putNull("env");
            exec.put("installHint", "\nkubelogin is not installed which is required to connect to AAD enabled cluster.\n\n"
                    + "To learn more, please go to https://aka.ms/aks/kubelogin\n");
            exec.put("provideClusterInfo", false);
        } else {
            CertificateAuthority.ServerIdentity identity = ca.issueClient(KubeApiServers.clientSubject(admin));
            body.put("client-certificate-data", b64(CertificateAuthority.pem(identity.chain()[0])));
            body.put("client-key-data", b64(CertificateAuthority.keyPem(identity.key().getPrivate())));
        }

        ObjectNode out = ArmState.JSON.createObjectNode();
        ObjectNode entry = out.putArray("kubeconfigs").addObject();
        entry.put("name", admin ? "clusterAdmin" : "clusterUser");
        try {
            entry.put("value", Base64.getEncoder().encodeToString(YAML.writeValueAsBytes(kc)));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return ArmResponse.ok(out);
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
