package dev.aksh.azure;

import com.azure.core.credential.AccessToken;
import dev.aksh.error.AkshException;

/** Signs in and says who the session acts as. */
public final class IdentityService {
    private final AzureClients clients;

    public IdentityService(AzureClients clients) {
        this.clients = clients;
    }

    /** Installs the credential the operator asked for and proves it by getting an ARM token. */
    public Identity login(CredentialSource.LoginRequest request) {
        clients.credentials().login(request);
        return whoami();
    }

    /** Gets (or reuses) an ARM token and reads who it belongs to. */
    public Identity whoami() {
        AccessToken token = clients.token(clients.armScope());
        TokenClaims c;
        try {
            c = TokenClaims.parse(token.getToken());
        } catch (IllegalArgumentException e) {
            throw AkshException.auth("the credential returned a token whose identity cannot be read",
                    "sign in with another method ('login --device-code')");
        }
        String name = c.upn() != null ? c.upn() : c.appId();
        return new Identity(c.kind(), name, c.name(), c.objectId(), c.tenantId(), clients.credentials().describe(),
                token.getExpiresAt());
    }
}
