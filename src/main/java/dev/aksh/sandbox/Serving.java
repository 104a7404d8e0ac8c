package dev.aksh.sandbox;

import dev.aksh.tunnel.PrivateFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code sandbox serve} hands out so the Azure CLI and kubectl can use FakeAzure: the CA
 * file (in a private directory, deleted when serving stops), the sign-in details, and the exact
 * commands — printed, and as a file to source.
 */
public final class Serving implements AutoCloseable {
    /** The cloud name the printed commands register in the Azure CLI. */
    public static final String CLOUD = "AkshSandbox";

    private final FakeAzure sandbox;
    private final Path dir;
    private final Path ca;
    private final Path azureConfig;
    private final List<Path> envFiles = new ArrayList<>();

    Serving(FakeAzure sandbox, Path root) {
        this.sandbox = sandbox;
        this.dir = PrivateFiles.newDirectory(root, "aksh-serve-");
        this.ca = dir.resolve("ca.pem");
        PrivateFiles.write(ca, sandbox.ca().certificatePem().getBytes(StandardCharsets.US_ASCII));
        this.azureConfig = PrivateFiles.newDirectory(dir, "azure-");
    }

    public Path caFile() {
        return ca;
    }

    /** Where the printed commands keep the Azure CLI's own files (tokens in plain text): deleted with the rest. */
    public Path azureConfigDir() {
        return azureConfig;
    }

    public String armUrl() {
        return sandbox.armUrl();
    }

    public String tokenUrl() {
        return armBase() + SignIn.TOKEN_PATH;
    }

    /** The lines {@code sandbox serve} prints. */
    public List<String> describe() {
        World w = sandbox.world();
        List<String> out = new ArrayList<>();
        out.add("Serving the sandbox (world " + w.name() + ") on 127.0.0.1; nothing here touches real Azure.");
        out.add("ARM:             " + armUrl());
        out.add("Token endpoint:  " + tokenUrl() + " (AD FS style, client credentials)");
        out.add("CA file:         " + ca);
        out.add("Tenant:          " + w.tenant().id());
        out.add("App id:          " + w.servicePrincipal().appId());
        out.add("Secret:          " + w.servicePrincipal().secret() + " (the sandbox's; it opens nothing else)");
        out.add("");
        out.add("The Azure CLI contacts the internet on its own (update checks, telemetry): run it, and this, in a");
        out.add("network namespace with only loopback, e.g. 'sudo unshare -n -m bash', then 'ip link set lo up'.");
        out.add("");
        out.add("Point the Azure CLI at it:");
        out.addAll(commands().stream().map(c -> "  " + c).toList());
        out.add("Then the seeds' commands work as written, e.g.:");
        out.add("  az aks list -o table");
        out.add("  az aks command invoke -g rg-payments -n aks-payments --command \"kubectl get pods -A\"");
        out.add("  az aks get-credentials -g rg-web -n aks-web --admin --file kubeconfig && kubectl --kubeconfig kubeconfig get nodes");
        out.add("Extensions the Debian azure-cli package lacks (bastion tunnel, fleet) are not available to it.");
        out.add("");
        out.add("Point aksh (without --sandbox: the code path that talks to real Azure) at it, to see one world from both:");
        out.addAll(akshCommands().stream().map(c -> "  " + c).toList());
        out.add("  aksh -c \"ranges show --cluster aks-web\"");
        return out;
    }

    /**
     * The variables that point aksh's real-Azure path at this sandbox, as at any other cloud: its ARM
     * endpoint and CA, the service principal through azure-identity's environment credential against
     * the AD FS-style sign-in, and where "my IP" is asked.
     */
    public java.util.Map<String, String> akshVariables() {
        World w = sandbox.world();
        java.util.Map<String, String> v = new java.util.LinkedHashMap<>();
        v.put(dev.aksh.azure.AzureEndpoints.ARM_ENDPOINT_VARIABLE, armUrl());
        v.put(dev.aksh.azure.AzureEndpoints.CA_FILE_VARIABLE, ca.toString());
        v.put("AKSH_MYIP_RESOLVERS", armBase() + FakeArm.MY_IP_PATH);
        v.put("AZURE_AUTHORITY_HOST", armUrl());
        v.put("AZURE_TENANT_ID", "adfs");
        v.put("AZURE_CLIENT_ID", w.servicePrincipal().appId());
        v.put("AZURE_CLIENT_SECRET", w.servicePrincipal().secret());
        return v;
    }

    /** {@link #akshVariables} as shell lines: aksh's own, then azure-identity's. */
    public List<String> akshCommands() {
        List<String> aksh = new ArrayList<>();
        List<String> identity = new ArrayList<>();
        akshVariables().forEach((k, v) -> (k.startsWith("AZURE_") ? identity : aksh).add(k + "=" + v));
        return List.of("export " + String.join(" ", aksh), "export " + String.join(" ", identity));
    }

    /** The ARM URL without its trailing slash, to append paths to. */
    private String armBase() {
        return armUrl().replaceAll("/$", "");
    }

    /** The shell commands that point the Azure CLI at this sandbox and sign in. */
    public List<String> commands() {
        World w = sandbox.world();
        String arm = armUrl();
        return List.of(
                "export REQUESTS_CA_BUNDLE=" + ca + " AZURE_CONFIG_DIR=" + azureConfig,
                "export AZURE_CORE_COLLECT_TELEMETRY=false AZURE_CORE_ERROR_RECOMMENDATION=off "
                        + "AZURE_EXTENSION_USE_DYNAMIC_INSTALL=no NO_PROXY=127.0.0.1,localhost",
                "unset HTTPS_PROXY HTTP_PROXY https_proxy http_proxy",
                "az cloud register -n " + CLOUD + " --endpoint-resource-manager " + arm
                        + " --endpoint-active-directory " + armBase() + SignIn.PATH
                        + " --endpoint-active-directory-resource-id https://management.core.windows.net/"
                        + " --endpoint-active-directory-graph-resource-id https://graph.invalid/ >/dev/null",
                "az cloud set -n " + CLOUD,
                "az login --service-principal -u " + w.servicePrincipal().appId() + " -p " + w.servicePrincipal().secret()
                        + " --tenant " + w.tenant().id() + " >/dev/null");
    }

    /** Writes the commands as a file to source (0600; deleted when serving stops). */
    public void writeEnv(Path file) {
        StringBuilder sb = new StringBuilder("# aksh sandbox serve: '. " + file + "' points the Azure CLI and aksh at the sandbox\n");
        World w = sandbox.world();
        sb.append("export AKSH_SANDBOX_ARM=").append(armUrl()).append('\n');
        sb.append("export AKSH_SANDBOX_CA=").append(ca).append('\n');
        sb.append("export AKSH_SANDBOX_TENANT=").append(w.tenant().id()).append('\n');
        sb.append("export AKSH_SANDBOX_APP_ID=").append(w.servicePrincipal().appId()).append('\n');
        commands().forEach(c -> sb.append(c).append('\n'));
        akshCommands().forEach(c -> sb.append(c).append('\n'));
        PrivateFiles.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
        synchronized (envFiles) {
            envFiles.add(file);
        }
    }

    @Override
    public void close() {
        synchronized (envFiles) {
            for (Path f : envFiles) {
                try {
                    java.nio.file.Files.deleteIfExists(f);
                } catch (java.io.IOException e) {
                    // gone or not ours to delete
                }
            }
        }
        PrivateFiles.deleteTree(dir);
    }
}
