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
                step nowait; az aks command invoke -g rg-web -n aks-web --command "kubectl get ns kube-system" --no-wait > nowait.out 2>&1; echo "exit=$?"
                id=$(sed -n 's/^command id: \\([0-9a-f]*\\),.*/\\1/p' nowait.out); echo "id=${id}"
                step result; for i in $(seq 1 60); do az aks command result -g rg-web -n aks-web -i "$id" > result.out 2>&1; grep -q exitcode result.out && break; sleep 0.5; done; cat result.out
                step update; az aks update -g rg-web -n aks-web --api-server-authorized-ip-ranges 73.140.245.0/24,137.117.106.88/29,84.17.53.201/32 -o none; echo "exit=$?"
                step after; az aks show -g rg-web -n aks-web --query apiServerAccessProfile.authorizedIpRanges -o tsv; echo "exit=$?"
                step kubectl; az aks get-credentials -g rg-dev -n aks-dev --admin -f admin.kubeconfig -o none 2>/dev/null; kubectl --kubeconfig admin.kubeconfig get ns kube-system; echo "exit=$?"
                step dns; az network private-dns link vnet list -g MC_rg-payments_aks-payments_westeurope -z "$(az network private-dns zone list -g MC_rg-payments_aks-payments_westeurope --query [0].name -o tsv)" --query [].name -o tsv; echo "exit=$?"
                step peering; az cloud update --profile 2020-09-01-hybrid; az network vnet peering list -g rg-hub --vnet-name vnet-hub --subscription "Contoso Platform" --query "[].[name,peeringState]" -o tsv; echo "exit=$?"; az cloud update --profile latest
                # aksh's real-Azure path, pointed at the same sandbox by the variables the env file exports
                step aksh-sees-az; "${JAVA}" -jar "$JAR" -c "ranges show --cluster aks-web -o tsv"; echo "exit=$?"
                step aksh-adds; "${JAVA}" -jar "$JAR" --yes -c "ranges add 20.50.60.70 --cluster aks-web"; echo "exit=$?"
                step az-sees-aksh; az aks show -g rg-web -n aks-web --query apiServerAccessProfile.authorizedIpRanges -o tsv; echo "exit=$?"
                step invoke-both; "${JAVA}" -jar "$JAR" -c "invoke 'kubectl get ns payments' --cluster aks-payments"; echo "exit=$?"
                # a writer that read before aksh's change, writing with If-Match on what it read
                step stale; url="${AKSH_SANDBOX_ARM}subscriptions/$(az account show --query id -o tsv)/resourceGroups/rg-web/providers/Microsoft.ContainerService/managedClusters/aks-web?api-version=2025-07-01"
                az rest --method get --url "$url" > before.json; etag=$(az rest --method get --url "$url" --query eTag -o tsv)
                "${JAVA}" -jar "$JAR" --yes -c "ranges add 52.174.10.20 --cluster aks-web" > /dev/null; echo "aksh=$?"
                python3 -c 'import json,sys; d=json.load(open("before.json")); d["properties"]["apiServerAccessProfile"]["authorizedIPRanges"]=["10.0.0.0/8"]; json.dump(d,open("stale.json","w"))'
                az rest --method put --url "$url" --headers "If-Match=$etag" --body @stale.json -o none; echo "exit=$?"
                az aks show -g rg-web -n aks-web --query apiServerAccessProfile.authorizedIpRanges -o tsv
                step missing; az aks show -g rg-web -n aks-nope -o none; echo "exit=$?"
                step badlogin; az login --service-principal -u "$AKSH_SANDBOX_APP_ID" -p wrong --tenant "$AKSH_SANDBOX_TENANT" -o none; echo "exit=$?"
                kill -TERM $serve; wait $serve
                step stopped; tail -1 serve.log; ls "$AKSH_SANDBOX_CA" 2>&1 | grep -c "No such file"; [ -f sandbox.env ] && echo "env left" || echo "env gone"
                # an operator's sandbox session serving its world while az changes it
                step session; mkfifo in.fifo
                "${JAVA}" -jar "$JAR" --sandbox --yes < in.fifo > session.out 2>&1 &
                aksh=$!
                exec 3> in.fifo
                echo "sandbox serve --env $WORK/session.env" >&3
                for i in $(seq 1 300); do [ -f session.env ] && break; sleep 0.1; done
                . ./session.env > /dev/null 2>&1
                az aks update -g rg-web -n aks-web --api-server-authorized-ip-ranges 40.112.0.0/16 -o none; echo "az=$?"
                echo "ranges show --cluster aks-web -o tsv" >&3
                echo "exit" >&3
                exec 3>&-
                wait $aksh; echo "exit=$?"
                cat session.out; [ -f session.env ] && echo "env left" || echo "env gone"
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
        assertThat(section(out, "nowait")).contains("exit=0\nid=").containsPattern("id=[0-9a-f]{32}\n");
        assertThat(section(out, "result")).contains("with exitcode=0").containsPattern("kube-system +Active");
        assertThat(section(out, "after")).isEqualTo("73.140.245.0/24\n137.117.106.88/29\n84.17.53.201/32\nexit=0\n");
        // the admin kubeconfig az writes reaches the public cluster's API server with its client certificate
        assertThat(section(out, "kubectl")).containsPattern("kube-system +Active +\\d+d\n").endsWith("exit=0\n");
        assertThat(section(out, "dns")).isEqualTo("158d870f51f8\nlink-vnet-hub\nexit=0\n");
        // the package's network module crashes under the latest profile; under 2020-09-01-hybrid it asks, and the fake answers
        assertThat(section(out, "peering")).contains("hub-to-payments\tConnected\n").contains("hub-to-ledger\tConnected\n")
                .contains("exit=0\n");
        // one world: aksh's real-Azure path sees what az wrote, and az what aksh wrote
        assertThat(section(out, "aksh-sees-az")).contains("84.17.53.201/32\t1\tyou (84.17.53.201)\n").endsWith("exit=0\n");
        assertThat(section(out, "aksh-adds")).endsWith("exit=0\n");
        assertThat(section(out, "az-sees-aksh")).isEqualTo("73.140.245.0/24\n137.117.106.88/29\n84.17.53.201/32\n20.50.60.70/32\n"
                + "exit=0\n");
        assertThat(section(out, "invoke-both")).containsPattern("payments +Active").endsWith("exit=0\n");
        // a write based on what was there before aksh's change is refused, and aksh's entry stays
        String stale = section(out, "stale");
        assertThat(stale).contains("aksh=0\n").contains("PreconditionFailed").doesNotContain("exit=0").doesNotContain("10.0.0.0/8");
        assertThat(stale).endsWith("73.140.245.0/24\n137.117.106.88/29\n84.17.53.201/32\n20.50.60.70/32\n52.174.10.20/32\n");
        assertThat(section(out, "missing")).contains("ResourceNotFound").endsWith("exit=3\n");
        assertThat(section(out, "badlogin")).contains("invalid").doesNotContain("exit=0");
        assertThat(section(out, "stopped")).contains("stopped; the CA file").contains("1\n").contains("env gone");
        String session = section(out, "session");
        assertThat(session).contains("az=0\n").contains("40.112.0.0/16\t65536\t\n").contains("exit=0\n").endsWith("env gone\n");
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
