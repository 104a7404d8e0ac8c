package dev.aksh.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aksh.testing.Installed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The seeds' own Azure CLI commands against 'aksh sandbox serve', inside a network namespace that
 * has nothing but loopback (the Azure CLI calls the internet on its own; ../shared/AZ-CLI.md). Skipped
 * where az or an unprivileged network namespace is not available; it never runs az outside one.
 */
class AzureCliIT {
    /** Whether this process may make a network namespace (root, or rootless with user namespaces). */
    static boolean namespaces() throws Exception {
        for (List<String> cmd : List.of(List.of("unshare", "-n", "-m", "true"), List.of("unshare", "-r", "-n", "-m", "true"))) {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theSeedsAzCommandsWorkAgainstTheServedSandbox() throws Exception {
        assumeTrue(Installed.onPath("az"), "the Azure CLI is not installed (CI installs the Debian azure-cli package)");
        assumeTrue(Installed.onPath("unshare") && namespaces(), "no network namespace available to run az in");
        Path work = Files.createTempDirectory("aksh-az-it");
        Files.writeString(work.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: demo}\ndata: {a: b}\n");
        Path script = work.resolve("session.sh");
        Files.writeString(script, """
                set -u
                ip link set lo up
                cd "$WORK"
                "${JAVA}" -jar "$JAR" sandbox serve --env "$WORK/sandbox.env" > serve.log 2>&1 &
                serve=$!
                for i in $(seq 1 300); do [ -f sandbox.env ] && break; sleep 0.1; done
                . ./sandbox.env
                step() { echo "=== $1"; }
                step list; az aks list --query "[].name" -o tsv; echo "exit=$?"
                step show; az aks show -g rg-web -n aks-web --query apiServerAccessProfile.authorizedIpRanges -o tsv; echo "exit=$?"
                step invoke; az aks command invoke -g rg-payments -n aks-payments --command "kubectl get ns payments"; echo "exit=$?"
                step failing; az aks command invoke -g rg-web -n aks-web --command "kubectl get pod nope"; echo "exit=$?"
                step file; az aks command invoke -g rg-web -n aks-web --command "kubectl apply -f cm.yaml" --file cm.yaml; echo "exit=$?"
                step update; az aks update -g rg-web -n aks-web --api-server-authorized-ip-ranges 73.140.245.0/24,137.117.106.88/29,84.17.53.201/32 -o none; echo "exit=$?"
                step after; az aks show -g rg-web -n aks-web --query apiServerAccessProfile.authorizedIpRanges -o tsv; echo "exit=$?"
                step missing; az aks show -g rg-web -n aks-nope -o none; echo "exit=$?"
                step badlogin; az login --service-principal -u "$AKSH_SANDBOX_APP_ID" -p wrong --tenant "$AKSH_SANDBOX_TENANT" -o none; echo "exit=$?"
                kill -TERM $serve; wait $serve
                step stopped; tail -1 serve.log; ls "$AKSH_SANDBOX_CA" 2>&1 | grep -c "No such file"; [ -f sandbox.env ] && echo "env left" || echo "env gone"
                """);
        // timeout: whatever happens, the session (and the sandbox it serves) ends
        List<String> cmd = namespacesAsRoot() ? List.of("timeout", "240", "unshare", "-n", "-m", "bash", script.toString())
                : List.of("timeout", "240", "unshare", "-r", "-n", "-m", "bash", script.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("WORK", work.toString());
        pb.environment().put("JAR", AkshProcess.JAR.toString());
        pb.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        pb.environment().put("HOME", work.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(section(out, "list")).contains("aks-payments").contains("aks-web").contains("exit=0");
        assertThat(section(out, "show")).isEqualTo("73.140.245.0/24\n137.117.106.88/29\nexit=0\n");
        assertThat(section(out, "invoke")).contains("with exitcode=0").contains("payments   Active").endsWith("exit=0\n");
        // as the Azure CLI reports it: the remote exit code in the text, az itself exits 0
        assertThat(section(out, "failing")).contains("with exitcode=1").contains("pods \"nope\" not found").endsWith("exit=0\n");
        assertThat(section(out, "file")).contains("configmap/demo created").endsWith("exit=0\n");
        assertThat(section(out, "update")).endsWith("exit=0\n");
        assertThat(section(out, "after")).isEqualTo("73.140.245.0/24\n137.117.106.88/29\n84.17.53.201/32\nexit=0\n");
        assertThat(section(out, "missing")).contains("ResourceNotFound").endsWith("exit=3\n");
        assertThat(section(out, "badlogin")).contains("invalid").doesNotContain("exit=0");
        assertThat(section(out, "stopped")).contains("stopped; the CA file").contains("1\n").contains("env gone");
    }

    static boolean namespacesAsRoot() throws Exception {
        Process p = new ProcessBuilder("unshare", "-n", "-m", "true").redirectErrorStream(true).start();
        return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    private static String section(String out, String name) {
        int start = out.indexOf("=== " + name + "\n");
        assertThat(start).as("no section " + name + " in:\n" + out).isNotNegative();
        int from = start + name.length() + 5;
        int end = out.indexOf("=== ", from);
        return out.substring(from, end < 0 ? out.length() : end);
    }
}
