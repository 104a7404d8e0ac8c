package dev.aksh.azure;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.HttpLogDetailLevel;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.management.profile.AzureProfile;
import com.azure.resourcemanager.containerservice.fluent.ContainerServiceManagementClient;
import com.azure.resourcemanager.containerservice.implementation.ContainerServiceManagementClientBuilder;
import com.azure.resourcemanager.network.fluent.NetworkManagementClient;
import com.azure.resourcemanager.network.implementation.NetworkManagementClientBuilder;
import com.azure.resourcemanager.resources.ResourceManager;
import com.azure.resourcemanager.resources.fluentcore.utils.HttpPipelineProvider;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * The one place that builds Azure SDK clients: one HTTP pipeline (credential, retry with
 * Retry-After, logging, the JDK HTTP client with the endpoints' TLS context), and the service
 * clients over it, per subscription, built on first use and kept.
 *
 * <p>The endpoints arrive through a supplier so the sandbox can start FakeAzure in the background
 * while the shell starts; the first Azure call waits for it.
 */
public final class AzureClients {
    /** When ARM sends no Retry-After, poll long-running operations this often (the SDK default is 30 s). */
    static final Duration DEFAULT_POLL = Duration.ofSeconds(2);

    private final Supplier<AzureEndpoints> endpointsSupplier;
    private final CredentialSource credentials;
    private final boolean httpLogging;
    private volatile AzureEndpoints endpoints;
    private volatile HttpPipeline pipeline;
    private volatile HttpClient httpClient;
    private volatile ResourceManager.Authenticated resources;
    private final Map<String, ContainerServiceManagementClient> containerService = new ConcurrentHashMap<>();
    private final Map<String, NetworkManagementClient> network = new ConcurrentHashMap<>();
    private volatile java.net.http.HttpClient plainHttp;

    public AzureClients(Supplier<AzureEndpoints> endpoints, CredentialSource credentials, boolean httpLogging) {
        this.endpointsSupplier = endpoints;
        this.credentials = credentials;
        this.httpLogging = httpLogging;
    }

    public AzureEndpoints endpoints() {
        AzureEndpoints e = endpoints;
        if (e == null) {
            synchronized (this) {
                if (endpoints == null) {
                    endpoints = endpointsSupplier.get();
                }
                e = endpoints;
            }
        }
        return e;
    }

    public CredentialSource credentials() {
        return credentials;
    }

    /** The shared pipeline: every Azure call, SDK-made or hand-made (Fleet), goes through it. */
    public HttpPipeline pipeline() {
        HttpPipeline p = pipeline;
        if (p == null) {
            synchronized (this) {
                if (pipeline == null) {
                    AzureEndpoints e = endpoints();
                    HttpLogOptions log = new HttpLogOptions()
                            .setLogLevel(httpLogging ? HttpLogDetailLevel.HEADERS : HttpLogDetailLevel.NONE);
                    pipeline = HttpPipelineProvider.buildHttpPipeline(new CurrentCredential(credentials),
                            profile(null), null, log, null, new com.azure.core.http.policy.RetryPolicy(new NoRetryOnSignIn(),
                                    "Retry-After", java.time.temporal.ChronoUnit.SECONDS), List.of(), httpClient());
                }
                p = pipeline;
            }
        }
        return p;
    }

    /**
     * Signs in for ARM and builds the pipeline ahead of the first command, on two background tasks
     * while the shell starts: the first request then finds both ready (or in flight, and waits for
     * them rather than doing the work again). A failure here is left for that request to report.
     */
    public void warmUp(java.util.concurrent.Executor executor) {
        executor.execute(() -> {
            try {
                token(armScope());
            } catch (RuntimeException e) {
                // the first command that needs Azure says what is wrong
            }
        });
        executor.execute(() -> {
            try {
                pipeline();
            } catch (RuntimeException e) {
                // likewise
            }
        });
    }

    /** The HTTP client: the JDK's, trusting the endpoints' CA. */
    public HttpClient httpClient() {
        HttpClient c = httpClient;
        if (c == null) {
            synchronized (this) {
                if (httpClient == null) {
                    httpClient = new JdkHttpClientBuilder(java.net.http.HttpClient.newBuilder()
                            .sslContext(endpoints().sslContext())
                            .connectTimeout(Duration.ofSeconds(10)))
                            .build();
                }
                c = httpClient;
            }
        }
        return c;
    }

    public AzureProfile profile(String subscriptionId) {
        return new AzureProfile(null, subscriptionId, endpoints().environment());
    }

    /** Subscriptions and tenants (not bound to a subscription). */
    public ResourceManager.Authenticated resources() {
        ResourceManager.Authenticated r = resources;
        if (r == null) {
            synchronized (this) {
                if (resources == null) {
                    resources = ResourceManager.authenticate(pipeline(), profile(null));
                }
                r = resources;
            }
        }
        return r;
    }

    /** The AKS service client for a subscription. */
    public ContainerServiceManagementClient containerService(String subscriptionId) {
        return containerService.computeIfAbsent(subscriptionId.toLowerCase(java.util.Locale.ROOT),
                id -> new ContainerServiceManagementClientBuilder()
                        .pipeline(pipeline())
                        .endpoint(endpoints().resourceManager())
                        .environment(endpoints().environment())
                        .subscriptionId(subscriptionId)
                        .defaultPollInterval(DEFAULT_POLL)
                        .buildClient());
    }

    /** The network service client for a subscription (VNets, peerings, Bastions, public IPs). */
    public NetworkManagementClient network(String subscriptionId) {
        return network.computeIfAbsent(subscriptionId.toLowerCase(java.util.Locale.ROOT),
                id -> new NetworkManagementClientBuilder()
                        .pipeline(pipeline())
                        .endpoint(endpoints().resourceManager())
                        .environment(endpoints().environment())
                        .subscriptionId(subscriptionId)
                        .defaultPollInterval(DEFAULT_POLL)
                        .buildClient());
    }

    private final Map<String, com.azure.resourcemanager.privatedns.fluent.PrivateDnsManagementClient> privateDns =
            new ConcurrentHashMap<>();

    /** The private DNS service client for a subscription (zones, their records and VNet links). */
    public com.azure.resourcemanager.privatedns.fluent.PrivateDnsManagementClient privateDns(String subscriptionId) {
        return privateDns.computeIfAbsent(subscriptionId.toLowerCase(java.util.Locale.ROOT),
                id -> new com.azure.resourcemanager.privatedns.implementation.PrivateDnsManagementClientBuilder()
                        .pipeline(pipeline())
                        .endpoint(endpoints().resourceManager())
                        .environment(endpoints().environment())
                        .subscriptionId(subscriptionId)
                        .defaultPollInterval(DEFAULT_POLL)
                        .buildClient());
    }

    /**
     * A plain JDK HTTP client with the endpoints' TLS trust, for what is not ARM: the Bastion
     * host's token API and its WebSockets.
     */
    public java.net.http.HttpClient plainHttp() {
        java.net.http.HttpClient c = plainHttp;
        if (c == null) {
            synchronized (this) {
                if (plainHttp == null) {
                    plainHttp = java.net.http.HttpClient.newBuilder()
                            .sslContext(endpoints().sslContext())
                            .connectTimeout(Duration.ofSeconds(10))
                            .executor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
                                Thread t = new Thread(r, "aksh-http");
                                t.setDaemon(true);
                                return t;
                            }))
                            .build();
                }
                c = plainHttp;
            }
        }
        return c;
    }

    /** A token is used again until this long before it expires (tunnels renew theirs 5 minutes before). */
    static final Duration TOKEN_REUSE_MARGIN = Duration.ofMinutes(6);

    private record CachedToken(TokenCredential credential, AccessToken token) {
    }

    private final Map<String, CachedToken> tokens = new ConcurrentHashMap<>();
    private final Map<String, Object> tokenLocks = new ConcurrentHashMap<>();

    /**
     * A token for {@code scope} from the session's credential; callers must never print it. Tokens
     * are kept in memory and reused while they have more than a few minutes left, so many commands at
     * once (fleet invoke, tunnel sessions) ask the credential once — the Azure CLI credential starts
     * an {@code az} process per request.
     */
    public AccessToken token(String scope) {
        TokenCredential current = credentials.credential();
        CachedToken c = tokens.get(scope);
        if (usable(c, current)) {
            return c.token();
        }
        synchronized (tokenLocks.computeIfAbsent(scope, k -> new Object())) {
            c = tokens.get(scope);
            if (usable(c, current)) {
                return c.token();
            }
            AccessToken fresh = current.getTokenSync(new TokenRequestContext().addScopes(scope));
            tokens.put(scope, new CachedToken(current, fresh));
            return fresh;
        }
    }

    private static boolean usable(CachedToken c, TokenCredential current) {
        return c != null && c.credential() == current && c.token().getExpiresAt() != null
                && c.token().getExpiresAt().isAfter(java.time.OffsetDateTime.now().plus(TOKEN_REUSE_MARGIN));
    }

    /** The ARM scope for tokens. */
    public String armScope() {
        String m = endpoints().environment().getManagementEndpoint();
        return (m.endsWith("/") ? m : m + "/") + "/.default";
    }

    /**
     * What the pipeline signs its requests with: whatever credential is current, so {@code login} takes
     * effect without rebuilding clients; plain one-scope requests go through {@link #token}'s cache, so
     * a token already being fetched (the warm-up's) is waited for rather than fetched twice.
     */
    private final class CurrentCredential implements TokenCredential {
        private final CredentialSource source;

        CurrentCredential(CredentialSource source) {
            this.source = source;
        }

        private boolean plain(TokenRequestContext request) {
            return request.getScopes().size() == 1 && request.getClaims() == null && request.getTenantId() == null;
        }

        @Override
        public Mono<AccessToken> getToken(TokenRequestContext request) {
            if (plain(request)) {
                return Mono.fromCallable(() -> token(request.getScopes().get(0)))
                        .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic());
            }
            return source.credential().getToken(request);
        }

        @Override
        public AccessToken getTokenSync(TokenRequestContext request) {
            return plain(request) ? token(request.getScopes().get(0)) : source.credential().getTokenSync(request);
        }
    }

    /**
     * The SDK's exponential backoff, except that a refused sign-in is not retried: a wrong secret or
     * an unknown client gets the same answer three times over six seconds otherwise.
     */
    static final class NoRetryOnSignIn implements com.azure.core.http.policy.RetryStrategy {
        private final com.azure.core.http.policy.ExponentialBackoff backoff = new com.azure.core.http.policy.ExponentialBackoff();

        @Override
        public int getMaxRetries() {
            return backoff.getMaxRetries();
        }

        @Override
        public Duration calculateRetryDelay(int retryAttempts) {
            return backoff.calculateRetryDelay(retryAttempts);
        }

        @Override
        public boolean shouldRetry(com.azure.core.http.HttpResponse response) {
            return backoff.shouldRetry(response);
        }

        @Override
        public boolean shouldRetryException(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof com.azure.core.exception.ClientAuthenticationException
                        || t.getClass().getName().startsWith("com.microsoft.aad.msal4j.Msal")) {
                    return false;
                }
            }
            return backoff.shouldRetryException(e);
        }
    }
}
