package dev.aksh.ranges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.management.exception.ManagementException;
import com.azure.resourcemanager.containerservice.fluent.models.ManagedClusterInner;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aksh.azure.AzureClients;
import dev.aksh.azure.AzureEndpoints;
import dev.aksh.error.AkshException;
import dev.aksh.error.ExitCode;
import dev.aksh.render.Progress;
import dev.aksh.sandbox.ArmState;
import dev.aksh.sandbox.SandboxCredentials;
import dev.aksh.session.ClusterRef;
import dev.aksh.testing.SandboxFixture;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The read-modify-write against the sandbox over the wire: If-Match, 412, concurrent operators, the fake's rules and firewall. */
class RangesServiceTest {
    static final String SUB = "77777777-7777-4777-8777-777777777777";
    static final String WORLD = """
            arm: {lroSeconds: 0.2, rangePropagationSeconds: 3}
            myIp: 84.17.53.201
            subscriptions:
              - id: %s
                name: Ops
                resourceGroups:
                  - name: rg
                    clusters:
                      - {name: aks-pub, authorizedIpRanges: [73.140.245.0/24], outboundIp: 51.124.77.10}
                      - {name: aks-open}
                      - {name: aks-race, authorizedIpRanges: [73.140.245.0/24]}
                      - {name: aks-crowd, authorizedIpRanges: [73.140.245.0/24]}
                      - {name: aks-private, private: true, publicFqdn: true}
                      - {name: aks-basic-lb, loadBalancerSku: basic}
                      - {name: aks-vnet, apiServerVnetIntegration: true, authorizedIpRanges: [73.140.245.0/24]}
            """.formatted(SUB);

    SandboxFixture sandbox;
    RangesService ranges;

    @BeforeEach
    void start() {
        sandbox = SandboxFixture.world(WORLD);
        ranges = new RangesService(sandbox.clients());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    static ClusterRef ref(String name) {
        return new ClusterRef(SUB, "rg", name);
    }

    static AuthorizedRanges.Operation add(String... e) {
        return AuthorizedRanges.Operation.add(AuthorizedRanges.parseToWrite(List.of(e)));
    }

    static final RangesService.Check NO_GUARD = (p, c) -> { };

    ObjectNode doc(String name) {
        return sandbox.azure().state().resource(ref(name).id());
    }

    @Test
    void anAddKeepsEveryEntryAndTheWriteChangesTheEtag() {
        String etag = doc("aks-pub").get("eTag").asText();
        RangesService.Applied a = ranges.apply(ref("aks-pub"), add("84.17.53.201"), NO_GUARD, Progress.NONE);
        assertThat(a.written()).isTrue();
        assertThat(a.attempts()).isEqualTo(1);
        assertThat(a.cluster().authorizedIpRanges()).containsExactly("73.140.245.0/24", "84.17.53.201/32");
        assertThat(doc("aks-pub").get("eTag").asText()).isNotEqualTo(etag);
        RangesService.Current now = ranges.read(ref("aks-pub"));
        assertThat(now.ranges()).containsExactly("73.140.245.0/24", "84.17.53.201/32");
        assertThat(now.outboundIps()).containsExactly("51.124.77.10");
    }

    @Test
    void aWriteThatCameInBetweenIsKeptByReplanningOnIt() {
        AtomicBoolean raced = new AtomicBoolean();
        sandbox.azure().arm().addInterceptor(r -> {
            if (r.method().equals("PUT") && r.path().endsWith("/aks-race") && raced.compareAndSet(false, true)) {
                // another operator's write lands between our GET and our PUT
                synchronized (sandbox.azure().state()) {
                    ObjectNode d = doc("aks-race");
                    ((com.fasterxml.jackson.databind.node.ArrayNode) d.at("/properties/apiServerAccessProfile/authorizedIPRanges"))
                            .add("198.51.100.0/24");
                    d.put("eTag", ArmState.newEtag());
                }
            }
            return null;
        });
        RangesService.Applied a = ranges.apply(ref("aks-race"), add("84.17.53.201"), NO_GUARD, Progress.NONE);
        assertThat(a.attempts()).as("a 412, then a second attempt").isEqualTo(2);
        assertThat(ranges.read(ref("aks-race")).ranges())
                .containsExactly("73.140.245.0/24", "198.51.100.0/24", "84.17.53.201/32");
    }

    @Test
    void tenOperatorsAddingAtOnceAllKeepTheirEntries() throws Exception {
        int n = 10;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Callable<RangesService.Applied>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String mine = "20.50." + i + ".0/24";
                calls.add(() -> {
                    // each operator has their own clients, as separate aksh processes would
                    AzureClients own = new AzureClients(() -> AzureEndpoints.at(sandbox.azure().armUrl(),
                            sandbox.azure().clientTls()), new SandboxCredentials(sandbox.azure().world()), false);
                    return new RangesService(own).apply(ref("aks-crowd"), add(mine), NO_GUARD, Progress.NONE);
                });
            }
            int retried = 0;
            for (Future<RangesService.Applied> f : pool.invokeAll(calls)) {
                assertThat(f.get().written()).isTrue();
                retried += f.get().attempts() > 1 ? 1 : 0;
            }
            assertThat(retried).as("operators who had to re-read and re-apply").isPositive();
        } finally {
            pool.shutdownNow();
        }
        List<String> end = ranges.read(ref("aks-crowd")).ranges();
        assertThat(end).hasSize(n + 1).contains("73.140.245.0/24");
        for (int i = 0; i < n; i++) {
            assertThat(end).contains("20.50." + i + ".0/24");
        }
    }

    @Test
    void privateClustersAndBasicLoadBalancersAreRefusedWithWhatWorks() {
        assertThatThrownBy(() -> ranges.apply(ref("aks-private"), add("84.17.53.201"), NO_GUARD, Progress.NONE))
                .isInstanceOfSatisfying(AkshException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.REFUSED);
                    assertThat(e.oneLine()).isEqualTo("aks-private is a private cluster: its API server has no public "
                            + "endpoint, and authorized IP ranges apply only to public ones; reach it with 'connect bastion' "
                            + "or 'invoke'");
                });
        assertThatThrownBy(() -> ranges.apply(ref("aks-basic-lb"), add("84.17.53.201"), NO_GUARD, Progress.NONE))
                .hasMessage("aks-basic-lb uses the Basic load balancer, which authorized IP ranges do not support (and it "
                        + "cannot be migrated to Standard)");
    }

    @Test
    void theGuardSeesEachFreshPlanAndCanRefuseIt() {
        ranges.apply(ref("aks-pub"), add("84.17.53.201"), NO_GUARD, Progress.NONE);
        LockoutGuard.Me me = LockoutGuard.Me.known("84.17.53.201", "test");
        AuthorizedRanges.Operation removeMe = AuthorizedRanges.Operation.remove(AuthorizedRanges.parseToRemove(List.of("84.17.53.201")));
        assertThatThrownBy(() -> ranges.apply(ref("aks-pub"), removeMe, (p, c) -> LockoutGuard.check(p, c, me, false), Progress.NONE))
                .isInstanceOfSatisfying(AkshException.class, e -> assertThat(e.oneLine()).isEqualTo("this change would lock "
                        + "out you (84.17.53.201, this machine's public IP): kubectl, helm and 'ranges --wait' from here would "
                        + "be refused (invoke through run command and Bastion tunnels would still work); keep or add a range "
                        + "that covers it, or add --force to do it anyway"));
        assertThat(ranges.read(ref("aks-pub")).ranges()).contains("84.17.53.201/32");
        ranges.apply(ref("aks-pub"), removeMe, (p, c) -> LockoutGuard.check(p, c, me, true), Progress.NONE);
        assertThat(ranges.read(ref("aks-pub")).ranges()).containsExactly("73.140.245.0/24");

        AuthorizedRanges.Operation outboundOnly = AuthorizedRanges.Operation.set(AuthorizedRanges.parseToWrite(List.of("0.0.0.0/32")));
        assertThatThrownBy(() -> ranges.apply(ref("aks-open"), outboundOnly, (p, c) -> LockoutGuard.check(p, c,
                LockoutGuard.Me.unknown("no resolver answered"), false), Progress.NONE))
                .isInstanceOfSatisfying(AkshException.class, e -> assertThat(e.oneLine()).isEqualTo("aksh could not find "
                        + "this machine's public IP (no resolver answered), so it cannot tell whether this change locks you "
                        + "out of aks-open; give it with --my-ip IP, or add --force"));
    }

    @Test
    void theFakeEnforcesWhatAksEnforces() {
        var api = sandbox.clients().containerService(SUB).getManagedClusters();
        ManagedClusterInner pub = api.getByResourceGroup("rg", "aks-pub");
        pub.apiServerAccessProfile().withAuthorizedIpRanges(new ArrayList<>(List.of("137.117.106.90/29")));
        assertThatThrownBy(() -> api.beginCreateOrUpdate("rg", "aks-pub", pub, pub.etag(), null,
                com.azure.core.util.Context.NONE).getFinalResult())
                .isInstanceOf(ManagementException.class).hasMessageContaining("'137.117.106.90/29' is not the network address");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            many.add("20." + (60 + i / 250) + "." + (i % 250) + ".0/24");
        }
        ManagedClusterInner again = api.getByResourceGroup("rg", "aks-pub");
        again.apiServerAccessProfile().withAuthorizedIpRanges(many);
        assertThatThrownBy(() -> api.beginCreateOrUpdate("rg", "aks-pub", again, again.etag(), null,
                com.azure.core.util.Context.NONE).getFinalResult()).hasMessageContaining("201 ranges exceed the limit of 200");
        ManagedClusterInner vnet = api.getByResourceGroup("rg", "aks-vnet");
        vnet.apiServerAccessProfile().withAuthorizedIpRanges(many);
        api.beginCreateOrUpdate("rg", "aks-vnet", vnet, vnet.etag(), null, com.azure.core.util.Context.NONE).getFinalResult();
        ManagedClusterInner stale = api.getByResourceGroup("rg", "aks-open");
        ranges.apply(ref("aks-open"), add("84.17.53.201"), NO_GUARD, Progress.NONE);
        stale.withApiServerAccessProfile(new com.azure.resourcemanager.containerservice.models.ManagedClusterApiServerAccessProfile()
                .withAuthorizedIpRanges(List.of("8.8.8.8/32")));
        assertThatThrownBy(() -> api.beginCreateOrUpdate("rg", "aks-open", stale, stale.etag(), null,
                com.azure.core.util.Context.NONE)).isInstanceOfSatisfying(ManagementException.class,
                        e -> assertThat(e.getResponse().getStatusCode()).isEqualTo(412));
    }

    @Test
    void thePublicEndpointAnswersMyIpOnlyWhenCoveredAndAfterThePropagationDelay() {
        ApiServerProbe probe = new ApiServerProbe(sandbox.azure()::publicApiServer, Clock.systemUTC());
        String pub = doc("aks-pub").at("/properties/fqdn").asText();
        String open = doc("aks-open").at("/properties/fqdn").asText();
        assertThat(probe.answers(open, Duration.ofSeconds(5))).as("no ranges: everyone").isTrue();
        assertThat(probe.answers(pub, Duration.ofSeconds(5))).as("my IP not covered").isFalse();
        assertThat(probe.answers("nowhere.example", Duration.ofSeconds(1))).isFalse();

        ranges.apply(ref("aks-pub"), add("84.17.53.201"), NO_GUARD, Progress.NONE);
        assertThat(probe.answers(pub, Duration.ofSeconds(5))).as("written, not yet propagated").isFalse();
        Duration took = probe.waitUntilAnswers(pub, Duration.ofSeconds(20), Progress.NONE);
        assertThat(took).isNotNull();
        assertThat(sandbox.azure().apiServers().refusedFromInternet()).isGreaterThanOrEqualTo(2);

        String priv = doc("aks-private").at("/properties/fqdn").asText();
        assertThat(probe.answers(priv, Duration.ofSeconds(2))).as("a private cluster's FQDN is not reachable").isFalse();
    }
}
