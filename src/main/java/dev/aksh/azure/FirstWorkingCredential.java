package dev.aksh.azure;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.exception.ClientAuthenticationException;
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

    /**
     * @param probing whether any failure means "not here, try the next" (managed identity, whose
     *     endpoint may answer without being one); otherwise only an unavailable credential moves on
     */
    record Named(String name, TokenCredential credential, boolean probing) {
        Named(String name, TokenCredential credential) {
            this(name, credential, false);
        }
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

    /** Tries the credentials one after another without blocking (the SDK calls this on Reactor threads). */
    @Override
    public Mono<AccessToken> getToken(TokenRequestContext request) {
        Named s = selected;
        if (s != null) {
            return s.credential().getToken(request);
        }
        return tryFrom(0, request, new ArrayList<>());
    }

    private Mono<AccessToken> tryFrom(int i, TokenRequestContext request, List<String> reasons) {
        if (i >= chain.size()) {
            return Mono.error(unavailable(reasons));
        }
        Named n = chain.get(i);
        return Mono.defer(() -> n.credential().getToken(request))
                .doOnNext(t -> selected = n)
                .onErrorResume(e -> e instanceof CredentialUnavailableException
                        || (n.probing() && e instanceof ClientAuthenticationException), e -> {
                    reasons.add(n.name() + ": " + firstSentence(e.getMessage()));
                    return tryFrom(i + 1, request, reasons);
                });
    }

    private static CredentialUnavailableException unavailable(List<String> reasons) {
        return new CredentialUnavailableException("no Azure credential is available (" + String.join("; ", reasons) + ")");
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
            } catch (ClientAuthenticationException e) {
                if (!n.probing()) {
                    throw e;
                }
                reasons.add(n.name() + ": " + firstSentence(e.getMessage()));
            }
        }
        throw unavailable(reasons);
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
