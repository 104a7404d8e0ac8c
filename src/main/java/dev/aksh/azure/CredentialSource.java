package dev.aksh.azure;

import com.azure.core.credential.TokenCredential;

/**
 * Supplies the credential the session uses for Azure. {@link #credential()} is what the HTTP
 * pipeline asks for tokens; {@link #login} replaces it with one chosen by the operator.
 */
public interface CredentialSource {

    /** How the operator asked to sign in. */
    record LoginRequest(boolean deviceCode, String tenant) {
        public static final LoginRequest DEFAULT = new LoginRequest(false, null);
    }

    /** The credential in use now. */
    TokenCredential credential();

    /** Builds and installs the credential for {@code request}; the caller proves it by getting a token. */
    TokenCredential login(LoginRequest request);

    /** A short name for the credential that last produced a token ("Azure CLI", "environment"…). */
    String describe();

    /**
     * Whether other tools on this machine (kubelogin's {@code azurecli} mode) sign in as the same
     * identity: true for real Azure, where the Azure CLI's login is shared; false for an identity only
     * this process has (the sandbox's).
     */
    default boolean sharedWithAzureCli() {
        return true;
    }
}
