package dev.aksh.sandbox;

import com.azure.core.credential.TokenCredential;
import dev.aksh.azure.CredentialSource;

/**
 * The sandbox's credential source: always the world's fake identity, whatever way of signing in is
 * asked for (there is nothing to sign in to).
 */
public final class SandboxCredentials implements CredentialSource {
    private final SandboxCredential credential;

    public SandboxCredentials(World world) {
        this.credential = new SandboxCredential(world);
    }

    @Override
    public TokenCredential credential() {
        return credential;
    }

    @Override
    public TokenCredential login(LoginRequest request) {
        return credential;
    }

    @Override
    public boolean sharedWithAzureCli() {
        return false; // the Azure CLI knows nothing of the sandbox's identity
    }

    @Override
    public String describe() {
        return "sandbox identity (no real sign-in)";
    }
}
