package dev.aksh.azure;

import com.azure.core.management.AzureEnvironment;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * Where Azure is and which CA to trust: public Azure, or the sandbox's FakeAzure on loopback. This
 * is the only difference between the two above the wire (with the credential).
 *
 * @param resourceManager the ARM endpoint, ending in '/'
 * @param environment the SDK environment built around it
 * @param sslContext the TLS context clients use (the JDK default, or one trusting the sandbox CA)
 */
public record AzureEndpoints(String resourceManager, AzureEnvironment environment, SSLContext sslContext) {

    public static AzureEndpoints publicCloud() {
        try {
            return new AzureEndpoints(AzureEnvironment.AZURE.getResourceManagerEndpoint(), AzureEnvironment.AZURE,
                    SSLContext.getDefault());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("no default TLS context", e);
        }
    }

    /** An environment like public Azure's, with ARM at {@code armUrl}. */
    public static AzureEndpoints at(String armUrl, SSLContext sslContext) {
        String url = armUrl.endsWith("/") ? armUrl : armUrl + "/";
        Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
        endpoints.put("resourceManagerEndpointUrl", url);
        return new AzureEndpoints(url, new AzureEnvironment(endpoints), sslContext);
    }
}
