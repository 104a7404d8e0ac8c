package dev.aksh.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aksh.error.AkshException;
import dev.aksh.error.ExitCode;
import dev.aksh.sandbox.FakeAzure;
import dev.aksh.sandbox.World;
import dev.aksh.sandbox.WorldLoader;
import dev.aksh.session.ClusterRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * aksh's real-Azure path pointed at another cloud by environment variables alone, as an Azure Stack
 * Hub operator (or 'sandbox serve') does: its ARM endpoint, a CA to trust, and a service principal
 * signing in at an AD FS-style authority through azure-identity's environment credential. FakeAzure
 * plays that cloud; nothing here is sandbox code above the wire.
 */
class OtherCloudTest {
    static FakeAzure cloud;
    static Path ca;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        cloud = FakeAzure.start(WorldLoader.defaultWorld());
        ca = dir.resolve("ca.pem");
        Files.writeString(ca, cloud.ca().certificatePem());
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    static Map<String, String> env(String secret) {
        World.ServicePrincipal sp = cloud.world().servicePrincipal();
        return Map.of(AzureEndpoints.ARM_ENDPOINT_VARIABLE, cloud.armUrl(), AzureEndpoints.CA_FILE_VARIABLE, ca.toString(),
                "AZURE_AUTHORITY_HOST", cloud.armUrl(), "AZURE_TENANT_ID", "adfs", "AZURE_CLIENT_ID", sp.appId(),
                "AZURE_CLIENT_SECRET", secret);
    }

    static AzureClients clients(Map<String, String> env) {
        var where = AzureEndpoints.fromEnvironment(env);
        java.util.concurrent.atomic.AtomicReference<AzureClients> shared = new java.util.concurrent.atomic.AtomicReference<>();
        AzureClients clients = new AzureClients(where, new AzureCredentials(env, m -> { }, () -> shared.get().httpClient()), false);
        shared.set(clients);
        return clients;
    }

    @Test
    void subscriptionsClustersAndACommandInvokeOnAnAadClusterGoThroughTheRealPath() {
        AzureClients clients = clients(env(cloud.world().servicePrincipal().secret()));
        assertThat(clients.endpoints().resourceManager()).isEqualTo(cloud.armUrl());
        assertThat(clients.endpoints().publicAzure()).isFalse();
        List<Subscription> subs = new SubscriptionService(clients).list();
        assertThat(subs).extracting(Subscription::name).contains("Contoso Production", "Contoso Platform");
        String prod = subs.stream().filter(s -> s.name().equals("Contoso Production")).findFirst().orElseThrow().id();
        assertThat(new ClusterService(clients).list(prod, null)).extracting(Cluster::name).contains("aks-payments", "aks-web");

        // aks-payments is AAD-managed: the cluster token comes from the same sign-in, for the AKS server app
        RunCommandClient runs = new RunCommandClient(clients);
        ClusterRef payments = new ClusterRef(prod, "rg-payments", "aks-payments");
        RunCommandClient.Submitted s = runs.submit(payments, "kubectl get ns payments", null, runs.clusterToken());
        RunResult r = s.result();
        while (r == null || !(r.succeeded() || r.failed())) {
            r = runs.poll(payments, s.commandId()).result();
        }
        assertThat(r.exitCode()).as(r.logs()).isZero();
        assertThat(r.logs()).contains("payments").contains("Active");
        assertThat(clients.credentials().describe()).isEqualTo("environment");
    }

    @Test
    void aWrongSecretIsRefusedBySignIn() {
        AzureClients clients = clients(env("not-the-secret"));
        assertThatThrownBy(() -> new SubscriptionService(clients).list()).hasMessageContaining("MSIS9607: The client credentials are invalid");
        // and the pipeline does not ask again: the same answer three times over six seconds helps nobody
        AzureClients.NoRetryOnSignIn retry = new AzureClients.NoRetryOnSignIn();
        assertThat(retry.shouldRetryException(new com.azure.core.exception.ClientAuthenticationException("no", null))).isFalse();
        assertThat(retry.shouldRetryException(new RuntimeException(new com.microsoft.aad.msal4j.MsalServiceException("no", "invalid_client"))))
                .isFalse();
        assertThat(retry.shouldRetryException(new java.io.IOException("connection reset"))).isTrue();
    }

    @Test
    void publicAzureUnlessTheEnvironmentSaysOtherwise() {
        assertThat(AzureEndpoints.fromEnvironment(Map.of()).get().publicAzure()).isTrue();
        assertThat(AzureEndpoints.cloudHost(Map.of())).isNull();
        assertThat(AzureEndpoints.cloudHost(env("x"))).isEqualTo("127.0.0.1");
        // a CA file alone (a TLS-inspecting proxy) keeps public Azure's endpoints
        var proxied = AzureEndpoints.fromEnvironment(Map.of(AzureEndpoints.CA_FILE_VARIABLE, ca.toString())).get();
        assertThat(proxied.publicAzure()).isTrue();
    }

    @Test
    void aCaFileAddsToTheJdksTrustRatherThanReplacingIt() throws Exception {
        javax.net.ssl.X509ExtendedTrustManager tm = AzureEndpoints.trustManager(ca);
        // the file's CA: a sandbox server's chain
        java.security.cert.X509Certificate[] sandboxChain = cloud.ca().issue(List.of("localhost"), List.of("127.0.0.1")).chain();
        tm.checkServerTrusted(sandboxChain, "ECDHE_ECDSA");
        // a root the JDK trusts (public Azure's chains end in one): still trusted, through the JDK's store
        javax.net.ssl.TrustManagerFactory jdk = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        jdk.init((java.security.KeyStore) null);
        java.security.cert.X509Certificate root = java.util.Arrays.stream(
                ((javax.net.ssl.X509TrustManager) jdk.getTrustManagers()[0]).getAcceptedIssuers())
                .filter(c -> c.getPublicKey().getAlgorithm().equals("RSA")).findFirst().orElseThrow();
        tm.checkServerTrusted(new java.security.cert.X509Certificate[] {root}, "ECDHE_RSA");
        // anyone else's: refused
        java.security.cert.X509Certificate[] stranger = dev.aksh.sandbox.CertificateAuthority.generate()
                .issue(List.of("localhost"), List.of("127.0.0.1")).chain();
        assertThatThrownBy(() -> tm.checkServerTrusted(stranger, "ECDHE_ECDSA"))
                .isInstanceOf(java.security.cert.CertificateException.class);
    }

    @Test
    void wrongSettingsAreOneLineAtStartup() throws Exception {
        assertThatThrownBy(() -> AzureEndpoints.fromEnvironment(Map.of(AzureEndpoints.ARM_ENDPOINT_VARIABLE, "http://arm.local/")))
                .isInstanceOfSatisfying(AkshException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).isEqualTo("AKSH_ARM_ENDPOINT must be an https URL such as "
                            + "https://management.local.azurestack.external/, not 'http://arm.local/'");
                });
        assertThatThrownBy(() -> AzureEndpoints.fromEnvironment(Map.of(AzureEndpoints.CA_FILE_VARIABLE, "/nonexistent/ca.pem")))
                .hasMessage("AKSH_CA_FILE names /nonexistent/ca.pem, which cannot be read");
        Path notPem = dir.resolve("not.pem");
        Files.writeString(notPem, "hello\n");
        var lazy = AzureEndpoints.fromEnvironment(Map.of(AzureEndpoints.CA_FILE_VARIABLE, notPem.toString()));
        assertThatThrownBy(lazy::get).isInstanceOf(AkshException.class).hasMessageStartingWith("AKSH_CA_FILE names " + notPem
                + ", which is not a PEM file of certificates");
        Path empty = Files.createFile(dir.resolve("empty.pem"));
        assertThatThrownBy(AzureEndpoints.fromEnvironment(Map.of(AzureEndpoints.CA_FILE_VARIABLE, empty.toString()))::get)
                .hasMessage("AKSH_CA_FILE names " + empty + ", which holds no PEM certificate");
    }
}
