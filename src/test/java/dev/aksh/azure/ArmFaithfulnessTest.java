package dev.aksh.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.management.exception.ManagementException;
import com.azure.core.util.Context;
import com.azure.resourcemanager.containerservice.fluent.ManagedClustersClient;
import com.azure.resourcemanager.containerservice.fluent.models.ManagedClusterInner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aksh.error.AkshException;
import dev.aksh.error.ErrorTranslator;
import dev.aksh.error.ExitCode;
import dev.aksh.sandbox.SandboxCredential;
import dev.aksh.sandbox.WorldLoader;
import dev.aksh.testing.SandboxFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * FakeAzure answers like ARM where a client can tell: error bodies and codes, 401 without a valid
 * token, 412 on a stale If-Match, 409 while an operation runs, a PUT as a long-running operation.
 */
class ArmFaithfulnessTest {
    static final String PROD = "6f1d3a52-8c4e-4b7a-9e21-3d5f7a9c1b04";
    static SandboxFixture sandbox;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        sandbox = SandboxFixture.world(WorldYaml.withLro(0.3));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private ManagedClustersClient api() {
        return sandbox.clients().containerService(PROD).getManagedClusters();
    }

    private HttpResponse<String> raw(String path, String authorization) throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(sandbox.azure().clientTls()).build();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sandbox.azure().armUrl() + path.substring(1)));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token() {
        return new SandboxCredential(WorldLoader.defaultWorld()).getTokenSync(
                new com.azure.core.credential.TokenRequestContext().addScopes("https://management.core.windows.net//.default"))
                .getToken();
    }

    @Test
    void unknownResourcesGetArmsNotFoundBodies() throws Exception {
        HttpResponse<String> r = raw("/subscriptions/" + PROD + "/resourceGroups/rg-web/providers/Microsoft.ContainerService/"
                + "managedClusters/nope?api-version=2025-09-01", "Bearer " + token());
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("content-type")).hasValue("application/json; charset=utf-8");
        JsonNode e = JSON.readTree(r.body()).get("error");
        assertThat(e.get("code").asText()).isEqualTo("ResourceNotFound");
        assertThat(e.get("message").asText()).startsWith(
                "The Resource 'Microsoft.ContainerService/managedClusters/nope' under resource group 'rg-web' was not found.");

        assertThat(JSON.readTree(raw("/subscriptions/" + PROD + "/resourceGroups/rg-x/providers/Microsoft.ContainerService/"
                + "managedClusters/a?api-version=1", "Bearer " + token()).body()).at("/error/code").asText())
                .isEqualTo("ResourceGroupNotFound");
        assertThat(JSON.readTree(raw("/subscriptions/99999999-9999-4999-8999-999999999999/resourceGroups?api-version=1",
                "Bearer " + token()).body()).at("/error/code").asText()).isEqualTo("SubscriptionNotFound");
        assertThat(JSON.readTree(raw("/subscriptions/" + PROD + "/providers/Microsoft.Nope/things?api-version=1",
                "Bearer " + token()).body()).at("/error/code").asText()).isEqualTo("InvalidResourceType");
        HttpResponse<String> noVersion = raw("/subscriptions/" + PROD, "Bearer " + token());
        assertThat(noVersion.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noVersion.body()).at("/error/code").asText()).isEqualTo("MissingApiVersionParameter");
    }

    @Test
    void theSdkSeesA404AsAManagementExceptionThatAkshCallsNotFound() {
        assertThatThrownBy(() -> api().getByResourceGroup("rg-web", "nope"))
                .isInstanceOfSatisfying(ManagementException.class, e -> {
                    assertThat(e.getResponse().getStatusCode()).isEqualTo(404);
                    assertThat(e.getValue().getCode()).isEqualTo("ResourceNotFound");
                    AkshException a = ErrorTranslator.translate(e, List.of(new ArmErrors()));
                    assertThat(a.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
                    assertThat(a.oneLine()).doesNotContain("aka.ms").doesNotContain("\n");
                });
    }

    @Test
    void requestsWithoutAValidTokenGet401WithArmsCodes() throws Exception {
        HttpResponse<String> none = raw("/subscriptions?api-version=2022-12-01", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("www-authenticate")).get().asString().startsWith("Bearer ");
        assertThat(JSON.readTree(none.body()).at("/error/code").asText()).isEqualTo("AuthenticationFailed");
        assertThat(JSON.readTree(raw("/subscriptions?api-version=1", "Bearer not-a-token").body()).at("/error/code").asText())
                .isEqualTo("InvalidAuthenticationToken");
        assertThat(JSON.readTree(raw("/subscriptions?api-version=1", "Basic dXNlcjpwYXNz").body()).at("/error/code").asText())
                .isEqualTo("AuthenticationFailedMissingToken");
    }

    @Test
    void anExpiredTokenIsRejectedAndAkshSaysToSignInAgain() {
        var world = WorldLoader.defaultWorld();
        var expired = new dev.aksh.azure.CredentialSource() {
            final SandboxCredential c = new SandboxCredential(world, Duration.ofMinutes(-5));

            @Override
            public com.azure.core.credential.TokenCredential credential() {
                return c;
            }

            @Override
            public com.azure.core.credential.TokenCredential login(LoginRequest request) {
                return c;
            }

            @Override
            public String describe() {
                return "expired";
            }
        };
        try (SandboxFixture s = SandboxFixture.withCredentials(world, expired)) {
            assertThatThrownBy(() -> new SubscriptionService(s.clients()).list())
                    .satisfies(t -> {
                        AkshException a = ErrorTranslator.translate(t, List.of(new ArmErrors()));
                        assertThat(a.exitCode()).isEqualTo(ExitCode.AUTH);
                        assertThat(a.oneLine()).startsWith("Azure rejected the credential (401 ExpiredAuthenticationToken")
                                .endsWith("run 'login' (or 'az login') and retry");
                    });
        }
    }

    @Test
    void aPutWithTheCurrentEtagRunsAsALongRunningOperationAndChangesTheEtag() {
        ManagedClusterInner before = api().getByResourceGroup("rg-lro", "aks-lro");
        ManagedClusterInner after = api().createOrUpdate("rg-lro", "aks-lro", before.withTags(java.util.Map.of("k", "v")),
                before.etag(), null, Context.NONE);
        assertThat(after.provisioningState()).isEqualTo("Succeeded");
        assertThat(after.tags()).containsEntry("k", "v");
        assertThat(after.etag()).isNotEqualTo(before.etag());
        assertThat(api().getByResourceGroup("rg-lro", "aks-lro").etag()).isEqualTo(after.etag());
    }

    @Test
    void aPutWithAStaleEtagGets412AndChangesNothing() {
        ManagedClusterInner stale = api().getByResourceGroup("rg-stale", "aks-stale");
        ManagedClusterInner fresh = api().createOrUpdate("rg-stale", "aks-stale",
                api().getByResourceGroup("rg-stale", "aks-stale").withTags(java.util.Map.of("writer", "first")),
                stale.etag(), null, Context.NONE);
        assertThatThrownBy(() -> api().createOrUpdate("rg-stale", "aks-stale",
                stale.withTags(java.util.Map.of("writer", "second")), stale.etag(), null, Context.NONE))
                .isInstanceOfSatisfying(ManagementException.class, e -> {
                    assertThat(e.getResponse().getStatusCode()).isEqualTo(412);
                    assertThat(e.getValue().getCode()).isEqualTo("PreconditionFailed");
                });
        ManagedClusterInner now = api().getByResourceGroup("rg-stale", "aks-stale");
        assertThat(now.tags()).containsEntry("writer", "first");
        assertThat(now.etag()).isEqualTo(fresh.etag());
    }

    @Test
    void aSecondWriteWhileTheFirstIsStillRunningGets409() {
        ManagedClusterInner c = api().getByResourceGroup("rg-busy", "aks-busy");
        var poller = api().beginCreateOrUpdate("rg-busy", "aks-busy", c, c.etag(), null, Context.NONE);
        ManagedClusterInner during = api().getByResourceGroup("rg-busy", "aks-busy");
        assertThat(during.provisioningState()).isEqualTo("Updating");
        assertThatThrownBy(() -> api().createOrUpdate("rg-busy", "aks-busy", during, during.etag(), null, Context.NONE))
                .isInstanceOfSatisfying(ManagementException.class, e -> {
                    assertThat(e.getResponse().getStatusCode()).isEqualTo(409);
                    assertThat(e.getValue().getCode()).isEqualTo("OperationNotAllowed");
                });
        assertThat(poller.getFinalResult().provisioningState()).isEqualTo("Succeeded");
    }

    @Test
    void thePutAnswersWithAsyncOperationAndLocationHeadersAndRetryAfter() throws Exception {
        String path = "/subscriptions/" + PROD + "/resourceGroups/rg-hdr/providers/Microsoft.ContainerService/managedClusters/"
                + "aks-hdr?api-version=2025-09-01";
        String body = raw(path, "Bearer " + token()).body();
        HttpClient http = HttpClient.newBuilder().sslContext(sandbox.azure().clientTls()).build();
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(sandbox.azure().armUrl() + path.substring(1)))
                .header("Authorization", "Bearer " + token()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(put.body()).at("/properties/provisioningState").asText()).isEqualTo("Updating");
        String op = put.headers().firstValue("azure-asyncoperation").orElseThrow();
        assertThat(op).startsWith(sandbox.azure().armUrl() + "subscriptions/" + PROD
                + "/providers/Microsoft.ContainerService/locations/westeurope/operations/").contains("?api-version=");
        assertThat(put.headers().firstValue("location").orElseThrow()).contains("/operationresults/");
        assertThat(put.headers().firstValue("retry-after")).hasValue("1");
        HttpResponse<String> status = http.send(HttpRequest.newBuilder(URI.create(op)).header("Authorization", "Bearer " + token())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(status.body()).get("status").asText()).isIn("InProgress", "Succeeded");
    }
}
