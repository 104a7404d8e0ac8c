package dev.aksh.tunnel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hub kubeconfigs that sign in without device code, and merging them into an operator's file. */
class ExecCredentialsTest {
    static final String HUB = """
            apiVersion: v1
            clusters:
            - cluster:
                certificate-authority-data: Q0EK
                server: https://fleet-prod-d71260e5.flt.westeurope.azmk8s.io:443
              name: hub
            contexts:
            - context:
                cluster: hub
                user: clusterUser_FL_rg-fleet_fleet-prod_westeurope_hub
              name: hub
            current-context: hub
            kind: Config
            users:
            - name: clusterUser_FL_rg-fleet_fleet-prod_westeurope_hub
              user:
                exec:
                  apiVersion: client.authentication.k8s.io/v1beta1
                  args: [get-token, --environment, AzurePublicCloud, --server-id, 6dae42f8-4368-4678-94ff-3960e28e3630,
                         --client-id, 80faf920-1908-4b52-b5ef-a8e7bedfc67a, --tenant-id, t, --login, devicecode]
                  command: kubelogin
            """;

    @TempDir
    Path dir;

    @Test
    void theHubUserIsReplacedWithAksh() {
        Kubeconfig.Source s = Kubeconfig.read(HUB.getBytes(StandardCharsets.UTF_8));
        assertThat(s.kubeloginServerId()).isEqualTo(ExecCredentials.AKS_SERVER_ID);
        ObjectNode doc = Kubeconfig.withUser(s, "fleet-prod", ExecCredentials.aksh(List.of("/opt/aksh/aksh", "--sandbox"),
                s.kubeloginServerId()));
        String yaml = new String(Kubeconfig.bytes(doc), StandardCharsets.UTF_8);
        assertThat(yaml).contains("server: https://fleet-prod-d71260e5.flt.westeurope.azmk8s.io:443")
                .contains("certificate-authority-data: Q0EK").contains("current-context: fleet-prod")
                .doesNotContain("devicecode").doesNotContain("tls-server-name");
        JsonNode exec = doc.path("users").get(0).path("user").path("exec");
        assertThat(exec.path("command").asText()).isEqualTo("/opt/aksh/aksh");
        assertThat(exec.path("args").toString()).isEqualTo("[\"--sandbox\",\"kube-token\",\"--server-id\","
                + "\"6dae42f8-4368-4678-94ff-3960e28e3630\"]");
        assertThat(exec.path("interactiveMode").asText()).isEqualTo("Never");
        assertThat(exec.path("apiVersion").asText()).isEqualTo("client.authentication.k8s.io/v1beta1");
    }

    @Test
    void kubeloginUsesTheAzureCliSignIn() {
        JsonNode exec = ExecCredentials.kubelogin("6dae42f8-4368-4678-94ff-3960e28e3630").path("exec");
        assertThat(exec.path("command").asText()).isEqualTo("kubelogin");
        assertThat(exec.path("args").toString()).isEqualTo("[\"get-token\",\"--login\",\"azurecli\",\"--server-id\","
                + "\"6dae42f8-4368-4678-94ff-3960e28e3630\"]");
    }

    @Test
    void theExecCredentialIsWhatClientGoReads() throws Exception {
        JsonNode c = new ObjectMapper().readTree(ExecCredentials.execCredential("t0k3n",
                OffsetDateTime.of(2026, 11, 22, 15, 4, 5, 999, ZoneOffset.ofHours(1))));
        assertThat(c.path("kind").asText()).isEqualTo("ExecCredential");
        assertThat(c.path("apiVersion").asText()).isEqualTo("client.authentication.k8s.io/v1beta1");
        assertThat(c.path("status").path("token").asText()).isEqualTo("t0k3n");
        assertThat(c.path("status").path("expirationTimestamp").asText()).isEqualTo("2026-11-22T14:04:05Z");
    }

    @Test
    void mergingKeepsOtherContextsReplacesTheSameNameAndWrites0600() throws Exception {
        Path kc = dir.resolve("nested/.kube/config");
        Files.createDirectories(kc.getParent());
        Files.writeString(kc, """
                apiVersion: v1
                kind: Config
                clusters: [{name: dev, cluster: {server: https://dev:443}}, {name: fleet-prod, cluster: {server: https://old:443}}]
                contexts: [{name: dev, context: {cluster: dev, user: dev}}, {name: fleet-prod, context: {cluster: fleet-prod, user: fleet-prod}}]
                users: [{name: dev, user: {token: x}}, {name: fleet-prod, user: {token: old}}]
                current-context: dev
                """);
        Files.setPosixFilePermissions(kc, PosixFilePermissions.fromString("rw-r--r--"));
        Kubeconfig.Source s = Kubeconfig.read(HUB.getBytes(StandardCharsets.UTF_8));
        Kubeconfig.Merged m = Kubeconfig.mergeFile(kc, Kubeconfig.withUser(s, "fleet-prod",
                ExecCredentials.kubelogin(s.kubeloginServerId())), "fleet-prod");
        assertThat(m.replaced()).isTrue();
        assertThat(m.previousContext()).isEqualTo("dev");
        String text = Files.readString(kc);
        assertThat(text).contains("https://dev:443").contains("token: x").doesNotContain("https://old:443")
                .doesNotContain("token: old").contains("current-context: fleet-prod").contains("azurecli");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kc))).isEqualTo("rw-------");
        Path fresh = dir.resolve("new/dir/config");
        assertThat(Kubeconfig.mergeFile(fresh, Kubeconfig.withUser(s, "hub", s.user()), "hub").replaced()).isFalse();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rw-------");
        try (var files = Files.list(fresh.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left").containsExactly("config");
        }
    }
}
