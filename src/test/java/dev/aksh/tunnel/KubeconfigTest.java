package dev.aksh.tunnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Reading AKS's kubeconfigs and writing the tunnel's, as pure document transformations. */
class KubeconfigTest {
    static final String AAD = """
            apiVersion: v1
            clusters:
            - cluster:
                certificate-authority-data: Q0EK
                server: https://aks-payments-dns-1234.hcp.westeurope.azmk8s.io:443
              name: aks-payments
            contexts:
            - context:
                cluster: aks-payments
                user: clusterUser_rg-payments_aks-payments
              name: aks-payments
            current-context: aks-payments
            kind: Config
            preferences: {}
            users:
            - name: clusterUser_rg-payments_aks-payments
              user:
                exec:
                  apiVersion: client.authentication.k8s.io/v1beta1
                  args: [get-token, --environment, AzurePublicCloud, --server-id, 6dae42f8-4368-4678-94ff-3960e28e3630,
                         --client-id, 80faf920-1908-4b52-b5ef-a8e7bedfc67a, --tenant-id, t, --login, devicecode]
                  command: kubelogin
            """;

    static final String CERT = """
            apiVersion: v1
            clusters: [{name: c, cluster: {server: "https://c.privatelink.westeurope.azmk8s.io:443", certificate-authority-data: Q0EK}}]
            contexts: [{name: c-admin, context: {cluster: c, user: admin}}]
            current-context: c-admin
            users: [{name: admin, user: {client-certificate-data: Q0VSVA==, client-key-data: S0VZ}}]
            """;

    static Kubeconfig.Source read(String yaml) {
        return Kubeconfig.read(yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anAadKubeconfigIsReadAsNeedingATokenForTheServerApp() {
        Kubeconfig.Source s = read(AAD);
        assertThat(s.host()).isEqualTo("aks-payments-dns-1234.hcp.westeurope.azmk8s.io");
        assertThat(s.certificateAuthorityData()).isEqualTo("Q0EK");
        assertThat(s.needsToken()).isTrue();
        assertThat(s.kubeloginServerId()).isEqualTo("6dae42f8-4368-4678-94ff-3960e28e3630");
    }

    @Test
    void theTunnelsKubeconfigPointsAtLocalhostAndKeepsTheClustersNameForTls() {
        ObjectNode kc = Kubeconfig.forTunnel(read(AAD), "aksh-aks-payments", 41231, "T0KEN");
        JsonNode cluster = kc.at("/clusters/0/cluster");
        assertThat(cluster.path("server").asText()).isEqualTo("https://localhost:41231");
        assertThat(cluster.path("tls-server-name").asText()).isEqualTo("aks-payments-dns-1234.hcp.westeurope.azmk8s.io");
        assertThat(cluster.path("certificate-authority-data").asText()).isEqualTo("Q0EK");
        assertThat(kc.path("current-context").asText()).isEqualTo("aksh-aks-payments");
        assertThat(kc.at("/contexts/0/context/user").asText()).isEqualTo("aksh-aks-payments");
        assertThat(kc.at("/users/0/user/token").asText()).isEqualTo("T0KEN");
        assertThat(kc.at("/users/0/user").has("exec")).isFalse();
    }

    @Test
    void aCertificateUserIsKeptAsItIs() {
        Kubeconfig.Source s = read(CERT);
        assertThat(s.needsToken()).isFalse();
        assertThat(s.host()).isEqualTo("c.privatelink.westeurope.azmk8s.io");
        ObjectNode kc = Kubeconfig.forTunnel(s, "aksh-c", 8443, null);
        assertThat(kc.at("/users/0/user/client-certificate-data").asText()).isEqualTo("Q0VSVA==");
        assertThat(kc.at("/users/0/user/client-key-data").asText()).isEqualTo("S0VZ");
    }

    @Test
    void mergeAndRemoveLeaveTheOperatorsConfigAsItWas() {
        ObjectNode mine = Kubeconfig.parse("""
                apiVersion: v1
                kind: Config
                clusters: [{name: other, cluster: {server: "https://o:443"}}]
                contexts: [{name: other, context: {cluster: other, user: u}}]
                users: [{name: u, user: {token: x}}]
                current-context: other
                """.getBytes(StandardCharsets.UTF_8), "test");
        ObjectNode before = mine.deepCopy();
        ObjectNode tunnel = Kubeconfig.forTunnel(read(CERT), "aksh-c", 8443, null);
        String previous = Kubeconfig.merge(mine, tunnel, "aksh-c");
        assertThat(previous).isEqualTo("other");
        assertThat(mine.path("current-context").asText()).isEqualTo("aksh-c");
        assertThat(mine.path("clusters")).hasSize(2);
        Kubeconfig.remove(mine, "aksh-c", previous);
        assertThat(mine).isEqualTo(before);
    }

    @Test
    void mergingIntoAnEmptyFileMakesAWholeConfigAndRemovalLeavesNoCurrentContext() {
        ObjectNode empty = Kubeconfig.parse(new byte[0], "empty");
        ObjectNode tunnel = Kubeconfig.forTunnel(read(CERT), "aksh-c", 8443, null);
        assertThat(Kubeconfig.merge(empty, tunnel, "aksh-c")).isNull();
        assertThat(empty.path("apiVersion").asText()).isEqualTo("v1");
        assertThat(empty.path("kind").asText()).isEqualTo("Config");
        Kubeconfig.remove(empty, "aksh-c", null);
        assertThat(empty.path("current-context").asText()).isEmpty();
        assertThat(empty.path("contexts")).isEmpty();
    }

    @Test
    void brokenInputIsOneClearLine() {
        assertThatThrownBy(() -> read("clusters: []\n")).hasMessage("the kubeconfig AKS returned has no complete context");
        assertThatThrownBy(() -> Kubeconfig.parse("- a\n- b\n".getBytes(StandardCharsets.UTF_8), "/home/o/.kube/config"))
                .hasMessageStartingWith("/home/o/.kube/config is not a kubeconfig");
        assertThatThrownBy(() -> Kubeconfig.parse("a: [\n".getBytes(StandardCharsets.UTF_8), "/x"))
                .hasMessageStartingWith("/x is not valid YAML");
    }
}
