package dev.aksh.azure;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.identity.CredentialUnavailableException;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Tries credentials in order and keeps the first that yields a token, remembering its name so
 * {@code whoami} can say where the identity came from. Like azure-identity's chain, it moves on only
 * when a credential is unavailable; any other failure is the answer.
 */
final class FirstWorkingCredential implements TokenCredential {

    record Named(String name, TokenCredential credential) {
    }

    private final List<Named> chain;
    private volatile Named selected;

    FirstWorkingCredential(List<Named> chain) {
        this.chain = List.copyOf(chain);
    }

    String selectedName() {
        Named s = selected;
        return s == null ? null : s.name();
    }

    @Override
    public Mono<AccessToken> getToken(TokenRequestContext request) {
        return Mono.fromCallable(() -> getTokenSync(request));
    }

    @Override
    public AccessToken getTokenSync(TokenRequestContext request) {
        Named s = selected;
        if (s != null) {
            return s.credential().getTokenSync(request);
        }
        List<String> reasons = new ArrayList<>();
        for (Named n : chain) {
            try {
                AccessToken t = n.credential().getTokenSync(request);
                selected = n;
                return t;
            } catch (CredentialUnavailableException e) {
                reasons.add(n.name() + ": " + firstSentence(e.getMessage()));
            }
        }
        throw new CredentialUnavailableException("no Azure credential is available ("
                + String.join("; ", reasons) + ")");
    }

    private static String firstSentence(String m) {
        if (m == null) {
            return "unavailable";
        }
        String s = m.strip();
        int nl = s.indexOf('\n');
        if (nl > 0) {
            s = s.substring(0, nl);
        }
        int dot = s.indexOf(". ");
        return dot > 0 ? s.substring(0, dot) : s;
    }
}
