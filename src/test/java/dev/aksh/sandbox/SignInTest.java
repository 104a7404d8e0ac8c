package dev.aksh.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sign-in service 'sandbox serve' offers the Azure CLI: AD FS discovery and client credentials, over HTTPS. */
class SignInTest {
    static FakeAzure sandbox;
    static HttpClient http;

    @BeforeAll
    static void start() {
        sandbox = FakeAzure.start(WorldLoader.defaultWorld());
        http = HttpClient.newBuilder().sslContext(sandbox.clientTls()).build();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private HttpResponse<String> post(String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sandbox.armUrl() + "adfs/oauth2/token/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(String s) throws Exception {
        return ArmState.JSON.readTree(s);
    }

    @Test
    void theOpenIdScopesMsalAddsNameNoAudience() throws Exception {
        World.ServicePrincipal sp = sandbox.world().servicePrincipal();
        HttpResponse<String> r = post("grant_type=client_credentials&client_id=" + sp.appId() + "&client_secret=" + sp.secret()
                + "&scope=openid+6dae42f8-4368-4678-94ff-3960e28e3630%2F.default+profile+offline_access");
        JsonNode claims = json(new String(Base64.getUrlDecoder().decode(json(r.body()).get("access_token").asText()
                .split("\\.")[1]), StandardCharsets.UTF_8));
        assertThat(claims.get("aud").asText()).isEqualTo("6dae42f8-4368-4678-94ff-3960e28e3630");
    }

    @Test
    void discoveryNamesTheEndpointsMsalNeeds() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sandbox.armUrl()
                + "adfs/.well-known/openid-configuration")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode c = json(r.body());
        assertThat(c.get("token_endpoint").asText()).isEqualTo(sandbox.armUrl() + "adfs/oauth2/token/");
        assertThat(c.get("authorization_endpoint").asText()).startsWith(sandbox.armUrl() + "adfs/oauth2/authorize");
    }

    @Test
    void theServicePrincipalGetsTokensForArmAndForTheAksServerApp() throws Exception {
        World.ServicePrincipal sp = sandbox.world().servicePrincipal();
        for (String[] scope : new String[][] {{"https%3A%2F%2Fmanagement.core.windows.net%2F%2F.default",
                "https://management.core.windows.net/"}, {"6dae42f8-4368-4678-94ff-3960e28e3630%2F.default",
                "6dae42f8-4368-4678-94ff-3960e28e3630"}}) {
            HttpResponse<String> r = post("grant_type=client_credentials&client_id=" + sp.appId() + "&client_secret="
                    + sp.secret() + "&scope=" + scope[0]);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode t = json(r.body());
            assertThat(t.get("token_type").asText()).isEqualTo("Bearer");
            assertThat(t.get("expires_in").isInt()).isTrue();
            JsonNode claims = json(new String(Base64.getUrlDecoder().decode(t.get("access_token").asText().split("\\.")[1]),
                    StandardCharsets.UTF_8));
            assertThat(claims.get("aud").asText()).isEqualTo(scope[1]);
            assertThat(claims.get("appid").asText()).isEqualTo(sp.appId());
            assertThat(claims.get("tid").asText()).isEqualTo(sandbox.world().tenant().id());
            assertThat(claims.get("oid").asText()).isEqualTo(sandbox.world().identity().objectId());
        }
        // and ARM takes the ARM one
        String arm = json(post("grant_type=client_credentials&client_id=" + sp.appId() + "&client_secret=" + sp.secret()
                + "&scope=https%3A%2F%2Fmanagement.core.windows.net%2F%2F.default").body()).get("access_token").asText();
        HttpResponse<String> subs = http.send(HttpRequest.newBuilder(URI.create(sandbox.armUrl()
                + "subscriptions?api-version=2019-11-01")).header("Authorization", "Bearer " + arm).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(subs.statusCode()).isEqualTo(200);
        assertThat(subs.body()).contains("Contoso Production");
    }

    @Test
    void wrongCredentialsAreAnInvalidClient() throws Exception {
        World.ServicePrincipal sp = sandbox.world().servicePrincipal();
        HttpResponse<String> r = post("grant_type=client_credentials&client_id=" + sp.appId() + "&client_secret=wrong&scope=x");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r.body()).get("error").asText()).isEqualTo("invalid_client");
        assertThat(post("grant_type=password&client_id=" + sp.appId()).statusCode()).isEqualTo(400);
    }
}
