package dev.aksh.azure;

import com.azure.core.management.AzureEnvironment;
import dev.aksh.error.AkshException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Where Azure is and which CA to trust: public Azure, or the sandbox's FakeAzure on loopback. This
 * is the only difference between the two above the wire (with the credential).
 *
 * @param resourceManager the ARM endpoint, ending in '/'
 * @param environment the SDK environment built around it
 * @param sslContext the TLS context clients use (the JDK default, or one trusting the sandbox CA)
 */
public record AzureEndpoints(String resourceManager, AzureEnvironment environment, SSLContext sslContext) {
    /** The ARM endpoint of another Azure cloud (Azure Stack Hub, a sovereign cloud, a served sandbox). */
    public static final String ARM_ENDPOINT_VARIABLE = "AKSH_ARM_ENDPOINT";
    /** A PEM file of CA certificates to trust besides the JDK's (a TLS-inspecting proxy, a private cloud's CA). */
    public static final String CA_FILE_VARIABLE = "AKSH_CA_FILE";

    /**
     * Where the environment says Azure is: public Azure unless {@value #ARM_ENDPOINT_VARIABLE} names
     * another ARM endpoint; {@value #CA_FILE_VARIABLE} adds CAs to trust. Checked now, so a wrong
     * value is one line at startup; the TLS context is built on first use.
     */
    public static java.util.function.Supplier<AzureEndpoints> fromEnvironment(Map<String, String> env) {
        String arm = blankToNull(env.get(ARM_ENDPOINT_VARIABLE));
        String ca = blankToNull(env.get(CA_FILE_VARIABLE));
        if (arm != null) {
            URI u;
            try {
                u = URI.create(arm);
            } catch (IllegalArgumentException e) {
                u = null;
            }
            if (u == null || !"https".equalsIgnoreCase(u.getScheme()) || u.getHost() == null) {
                throw AkshException.usage(ARM_ENDPOINT_VARIABLE + " must be an https URL such as https://management.local.azurestack"
                        + ".external/, not '" + arm + "'", "fix it, or unset it for public Azure");
            }
        }
        if (ca != null && !Files.isReadable(Path.of(ca))) {
            throw AkshException.usage(CA_FILE_VARIABLE + " names " + ca + ", which cannot be read", "fix the path, or unset it");
        }
        if (arm == null && ca == null) {
            return AzureEndpoints::publicCloud;
        }
        return new java.util.function.Supplier<>() {
            private volatile AzureEndpoints built;

            @Override
            public AzureEndpoints get() {
                if (built == null) {
                    synchronized (this) {
                        if (built == null) {
                            SSLContext tls = ca == null ? publicCloud().sslContext() : trusting(Path.of(ca));
                            built = arm == null ? new AzureEndpoints(publicCloud().resourceManager(), AzureEnvironment.AZURE, tls)
                                    : at(arm, tls);
                        }
                    }
                }
                return built;
            }
        };
    }

    /** The host of the ARM endpoint the environment names, or null for public Azure. */
    public static String cloudHost(Map<String, String> env) {
        String arm = blankToNull(env.get(ARM_ENDPOINT_VARIABLE));
        return arm == null ? null : URI.create(arm).getHost();
    }

    /** Whether this is public Azure's ARM. */
    public boolean publicAzure() {
        return AzureEnvironment.AZURE.getResourceManagerEndpoint().equals(resourceManager);
    }

    /** A TLS context trusting the JDK's CAs and those in a PEM file. */
    static SSLContext trusting(Path pem) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            TrustManagerFactory jdk = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            jdk.init((KeyStore) null);
            int n = 0;
            for (TrustManager tm : jdk.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    for (X509Certificate c : x.getAcceptedIssuers()) {
                        ks.setCertificateEntry("jdk-" + n++, c);
                    }
                }
            }
            Collection<? extends Certificate> mine;
            try (InputStream in = Files.newInputStream(pem)) {
                mine = CertificateFactory.getInstance("X.509").generateCertificates(in);
            }
            if (mine.isEmpty()) {
                throw AkshException.usage(CA_FILE_VARIABLE + " names " + pem + ", which holds no PEM certificate",
                        "point it at a file of -----BEGIN CERTIFICATE----- blocks");
            }
            for (Certificate c : mine) {
                ks.setCertificateEntry("extra-" + n++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException | GeneralSecurityException e) {
            throw AkshException.usage(CA_FILE_VARIABLE + " names " + pem + ", which is not a PEM file of certificates ("
                    + e.getMessage() + ")", "point it at a file of -----BEGIN CERTIFICATE----- blocks");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

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
