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
import javax.net.ssl.X509ExtendedTrustManager;
import java.security.cert.CertificateException;

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
        return new Once<>(() -> {
            SSLContext tls = ca == null ? publicCloud().sslContext() : trusting(Path.of(ca));
            return arm == null ? new AzureEndpoints(publicCloud().resourceManager(), AzureEnvironment.AZURE, tls) : at(arm, tls);
        });
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

    /**
     * A TLS context trusting the CAs in a PEM file and the JDK's. The file's are tried first; the
     * JDK's trust store is loaded only when a server's chain is not from the file (a served sandbox
     * never needs it, and loading it is a tenth of a second of a cold start).
     */
    static SSLContext trusting(Path pem) {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {trustManager(pem)}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw AkshException.usage(CA_FILE_VARIABLE + " names " + pem + ", which cannot be used (" + e.getMessage() + ")",
                    "point it at a file of -----BEGIN CERTIFICATE----- blocks");
        }
    }

    /** The trust manager {@link #trusting} uses: the file's CAs, then the JDK's. */
    static X509ExtendedTrustManager trustManager(Path pem) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            Collection<? extends Certificate> mine;
            try (InputStream in = Files.newInputStream(pem)) {
                mine = CertificateFactory.getInstance("X.509").generateCertificates(in);
            }
            if (mine.isEmpty()) {
                throw AkshException.usage(CA_FILE_VARIABLE + " names " + pem + ", which holds no PEM certificate",
                        "point it at a file of -----BEGIN CERTIFICATE----- blocks");
            }
            int n = 0;
            for (Certificate c : mine) {
                ks.setCertificateEntry("extra-" + n++, c);
            }
            return new EitherTrust(trustManager(ks));
        } catch (IOException | GeneralSecurityException e) {
            throw AkshException.usage(CA_FILE_VARIABLE + " names " + pem + ", which is not a PEM file of certificates ("
                    + e.getMessage() + ")", "point it at a file of -----BEGIN CERTIFICATE----- blocks");
        }
    }

    /** The PKIX trust manager for a key store (null: the JDK's trust store). */
    private static X509ExtendedTrustManager trustManager(KeyStore ks) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509ExtendedTrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }

    /** Trusts a chain that the file's CAs or, failing them, the JDK's trust (loaded then) accept. */
    private static final class EitherTrust extends X509ExtendedTrustManager {
        private final X509ExtendedTrustManager file;
        private volatile X509ExtendedTrustManager jdk;

        EitherTrust(X509ExtendedTrustManager file) {
            this.file = file;
        }

        private X509ExtendedTrustManager jdk() throws CertificateException {
            X509ExtendedTrustManager j = jdk;
            if (j == null) {
                try {
                    j = trustManager((KeyStore) null);
                } catch (GeneralSecurityException e) {
                    throw new CertificateException("cannot load the JDK's trusted CAs", e);
                }
                jdk = j;
            }
            return j;
        }

        private interface Check {
            void on(X509ExtendedTrustManager tm) throws CertificateException;
        }

        private void either(Check check) throws CertificateException {
            try {
                check.on(file);
            } catch (CertificateException notFromFile) {
                check.on(jdk());
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, java.net.Socket socket) throws CertificateException {
            either(tm -> tm.checkServerTrusted(chain, authType, socket));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, javax.net.ssl.SSLEngine engine)
                throws CertificateException {
            either(tm -> tm.checkServerTrusted(chain, authType, engine));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            either(tm -> tm.checkServerTrusted(chain, authType));
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, java.net.Socket socket) throws CertificateException {
            either(tm -> tm.checkClientTrusted(chain, authType, socket));
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, javax.net.ssl.SSLEngine engine)
                throws CertificateException {
            either(tm -> tm.checkClientTrusted(chain, authType, engine));
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            either(tm -> tm.checkClientTrusted(chain, authType));
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            try {
                X509Certificate[] a = file.getAcceptedIssuers();
                X509Certificate[] b = jdk().getAcceptedIssuers();
                X509Certificate[] all = java.util.Arrays.copyOf(a, a.length + b.length);
                System.arraycopy(b, 0, all, a.length, b.length);
                return all;
            } catch (CertificateException e) {
                return file.getAcceptedIssuers();
            }
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
