package dev.aksh.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aksh.error.AkshException;
import dev.aksh.error.ExitCode;
import dev.aksh.testing.SandboxFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SubscriptionAndIdentityTest {
    static SandboxFixture sandbox;

    @BeforeAll
    static void start() {
        sandbox = SandboxFixture.defaultWorld();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void listsSubscriptionsSortedByName() {
        assertThat(new SubscriptionService(sandbox.clients()).list())
                .extracting(Subscription::name, Subscription::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Contoso Platform", "Enabled"),
                        org.assertj.core.groups.Tuple.tuple("Contoso Production", "Enabled"));
    }

    @Test
    void findsASubscriptionByIdOrNameIgnoringCase() {
        SubscriptionService s = new SubscriptionService(sandbox.clients());
        assertThat(s.resolve("contoso production").id()).isEqualTo("6f1d3a52-8c4e-4b7a-9e21-3d5f7a9c1b04");
        assertThat(s.resolve("0C9E5B7D-2A41-4F36-8D1C-7B2E4F6A9D58").name()).isEqualTo("Contoso Platform");
        assertThatThrownBy(() -> s.resolve("Contoso Prodution"))
                .isInstanceOfSatisfying(AkshException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
                    assertThat(e.hint()).isEqualTo("did you mean 'Contoso Production'?");
                });
    }

    @Test
    void whoamiReadsTheIdentityFromTheTokenWithoutShowingIt() {
        Identity who = new IdentityService(sandbox.clients()).whoami();
        assertThat(who.name()).isEqualTo("trainee@contoso.example");
        assertThat(who.kind()).isEqualTo("user");
        assertThat(who.tenantId()).isEqualTo("5f0c1a2e-7d2b-4c41-9b6e-2f4c8a1d0e77");
        assertThat(who.source()).isEqualTo("sandbox identity (no real sign-in)");
        assertThat(who.toString()).doesNotContain("eyJ");
    }
}
