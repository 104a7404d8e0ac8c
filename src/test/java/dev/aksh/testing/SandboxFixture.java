package dev.aksh.testing;

import dev.aksh.azure.AzureClients;
import dev.aksh.azure.AzureEndpoints;
import dev.aksh.azure.CredentialSource;
import dev.aksh.sandbox.FakeAzure;
import dev.aksh.sandbox.SandboxCredentials;
import dev.aksh.sandbox.World;
import dev.aksh.sandbox.WorldLoader;

/** FakeAzure on loopback and SDK clients pointed at it: what service tests talk to. */
public final class SandboxFixture implements AutoCloseable {
    private final FakeAzure azure;
    private final AzureClients clients;

    private SandboxFixture(World world, CredentialSource credentials) {
        this.azure = FakeAzure.start(world);
        this.clients = new AzureClients(() -> AzureEndpoints.at(azure.armUrl(), azure.clientTls()),
                credentials == null ? new SandboxCredentials(world) : credentials, false);
    }

    /** The default world shipped with aksh. */
    public static SandboxFixture defaultWorld() {
        return new SandboxFixture(WorldLoader.defaultWorld(), null);
    }

    /** A world given as YAML text. */
    public static SandboxFixture world(String yaml) {
        return new SandboxFixture(WorldLoader.parse(yaml, "test world"), null);
    }

    /** The default world, with another credential (expired tokens, say). */
    public static SandboxFixture withCredentials(World world, CredentialSource credentials) {
        return new SandboxFixture(world, credentials);
    }

    public FakeAzure azure() {
        return azure;
    }

    public AzureClients clients() {
        return clients;
    }

    @Override
    public void close() {
        azure.close();
    }
}
