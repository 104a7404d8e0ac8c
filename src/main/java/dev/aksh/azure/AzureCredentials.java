package dev.aksh.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.AzureCliCredentialBuilder;
import com.azure.identity.DeviceCodeCredentialBuilder;
import com.azure.identity.EnvironmentCredentialBuilder;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Real Azure credentials, from azure-identity: by default the chain environment → managed identity
 * → Azure CLI login reuse; device code only when the operator asks for it ({@code login
 * --device-code}), because Conditional Access often blocks it.
 *
 * <p>Managed identity joins the chain only where one can exist (an identity endpoint in the
 * environment, or the instance metadata service answering as itself within half a second), so a
 * laptop does not wait on a probe that cannot succeed; and where it fails, the chain moves on.
 */
public final class AzureCredentials implements CredentialSource {
    private final Map<String, String> env;
    private final Consumer<String> deviceCodeMessages;
    private volatile TokenCredential current;
    private volatile String fixedName;

    /**
     * @param env the process environment
     * @param deviceCodeMessages where the "open this URL and enter this code" line goes
     * @param identityHttp the HTTP client to sign in with (the ARM client's: the same trusted CAs, so
     *     another cloud's AD FS behind a private CA works as ARM does)
     */
    public AzureCredentials(Map<String, String> env, Consumer<String> deviceCodeMessages,
            java.util.function.Supplier<com.azure.core.http.HttpClient> identityHttp) {
        this.env = env;
        this.deviceCodeMessages = deviceCodeMessages;
        this.identityHttp = identityHttp;
    }

    private final java.util.function.Supplier<com.azure.core.http.HttpClient> identityHttp;

    private com.azure.core.http.HttpClient identityHttp() {
        return identityHttp.get();
    }

    @Override
    public TokenCredential credential() {
        TokenCredential c = current;
        if (c == null) {
            synchronized (this) {
                if (current == null) {
                    current = chain(null); // built on first use: probing for managed identity takes time
                }
                c = current;
            }
        }
        return c;
    }

    @Override
    public TokenCredential login(LoginRequest request) {
        TokenCredential c;
        if (request.deviceCode()) {
            DeviceCodeCredentialBuilder b = new DeviceCodeCredentialBuilder()
                    .challengeConsumer(info -> deviceCodeMessages.accept(info.getMessage()));
            if (request.tenant() != null) {
                b.tenantId(request.tenant());
            }
            c = b.httpClient(identityHttp()).build();
            fixedName = "device code";
        } else {
            c = chain(request.tenant());
            fixedName = null;
        }
        current = c;
        return c;
    }

    @Override
    public String describe() {
        if (fixedName != null) {
            return fixedName;
        }
        if (current instanceof FirstWorkingCredential f && f.selectedName() != null) {
            return f.selectedName();
        }
        return "credential chain (environment, managed identity, Azure CLI)";
    }

    private TokenCredential chain(String tenant) {
        List<FirstWorkingCredential.Named> chain = new ArrayList<>();
        // the environment aksh was given (the process's, or a test's), not the JVM's global one
        com.azure.core.util.ConfigurationSource none = path -> java.util.Map.of();
        EnvironmentCredentialBuilder environment = new EnvironmentCredentialBuilder()
                .configuration(new com.azure.core.util.ConfigurationBuilder(none, none, path -> env).build());
        chain.add(new FirstWorkingCredential.Named("environment", environment.httpClient(identityHttp()).build()));
        // a configured environment credential answers (or fails) before managed identity would be asked: no probe
        if (!environmentConfigured(env) && managedIdentityPossible()) {
            ManagedIdentityCredentialBuilder mi = new ManagedIdentityCredentialBuilder();
            String clientId = env.get("AZURE_CLIENT_ID");
            if (clientId != null && !clientId.isBlank()) {
                mi.clientId(clientId);
            }
            chain.add(new FirstWorkingCredential.Named("managed identity", mi.build(), true));
        }
        AzureCliCredentialBuilder cli = new AzureCliCredentialBuilder();
        if (tenant != null) {
            cli.tenantId(tenant);
        }
        // built when the chain gets this far: usually it does not (a configured environment answers first)
        chain.add(new FirstWorkingCredential.Named("Azure CLI", new Lazy(cli::build)));
        return new FirstWorkingCredential(chain);
    }

    /** A credential made on its first use. */
    private static final class Lazy implements TokenCredential {
        private final Once<TokenCredential> made;

        Lazy(java.util.function.Supplier<TokenCredential> make) {
            this.made = new Once<>(make);
        }

        @Override
        public reactor.core.publisher.Mono<com.azure.core.credential.AccessToken> getToken(
                com.azure.core.credential.TokenRequestContext request) {
            return reactor.core.publisher.Mono.defer(() -> made.get().getToken(request));
        }

        @Override
        public com.azure.core.credential.AccessToken getTokenSync(com.azure.core.credential.TokenRequestContext request) {
            return made.get().getTokenSync(request);
        }
    }

    /**
     * Whether azure-identity's environment credential is set up (a service principal's secret or
     * certificate, or a federated token): signing in is then local and cheap, so it may start early.
     */
    public static boolean environmentConfigured(Map<String, String> env) {
        java.util.function.Predicate<String> set = k -> env.get(k) != null && !env.get(k).isBlank();
        return set.test("AZURE_CLIENT_ID") && set.test("AZURE_TENANT_ID") && (set.test("AZURE_CLIENT_SECRET")
                || set.test("AZURE_CLIENT_CERTIFICATE_PATH") || set.test("AZURE_FEDERATED_TOKEN_FILE"));
    }

    private boolean managedIdentityPossible() {
        if (env.containsKey("IDENTITY_ENDPOINT") || env.containsKey("MSI_ENDPOINT")
                || env.containsKey("AZURE_FEDERATED_TOKEN_FILE")) {
            return true;
        }
        // the instance metadata service answers JSON; a proxy or firewall answering in its place does not
        try {
            HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(300)).build().send(
                    HttpRequest.newBuilder(URI.create("http://169.254.169.254/metadata/instance?api-version=2021-02-01"))
                            .header("Metadata", "true").timeout(Duration.ofMillis(500)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return (r.statusCode() == 200 || r.statusCode() == 400) && r.body().trim().startsWith("{");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
