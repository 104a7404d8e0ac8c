package dev.aksh.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aksh.testing.InProcessAksh;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** sandbox fault: each fault meets aksh on the wire, and aksh behaves as it should against Azure. */
class SandboxFaultsTest {
    InProcessAksh aksh;

    @BeforeEach
    void start() throws Exception {
        aksh = InProcessAksh.sandboxWithEnv(java.util.Map.of("AKSH_PRODUCTION", ""));
    }

    @AfterEach
    void stop() throws Exception {
        aksh.close();
    }

    @Test
    void throttlingIsWaitedOutAsRetryAfterSays() {
        assertThat(aksh.run("sandbox status")).contains("World:").contains("Faults:                none");
        assertThat(aksh.run("sandbox fault throttle --count 2 --retry-after 1 --match runCommand"))
                .isEqualTo("throttle: the next 2 ARM requests matching 'runcommand' answer 429, Retry-After 1s\n");
        long t0 = System.nanoTime();
        aksh.run("invoke 'kubectl get ns' --cluster aks-payments");
        assertThat(aksh.last().status()).as(String.valueOf(aksh.last().error())).isZero();
        assertThat((System.nanoTime() - t0) / 1e9).isGreaterThanOrEqualTo(2.0);
        assertThat(aksh.run("sandbox status")).contains("Faults:                none");
    }

    @Test
    void transientErrorsAreRetriedAndSlownessIsFelt() {
        aksh.run("sandbox fault errors --count 2 --status 503 --match managedClusters");
        assertThat(aksh.run("cluster show aks-web")).contains("Name:");
        assertThat(aksh.last().status()).as("two 503s, retried by the pipeline").isZero();
        assertThat(aksh.run("sandbox status")).as("both were met").contains("Faults:                none");
        assertThat(aksh.run("sandbox fault slow 400 --match managedClusters"))
                .contains("slow: ARM requests matching 'managedclusters' wait 400 ms");
        long t0 = System.nanoTime();
        aksh.run("cluster show aks-web");
        assertThat((System.nanoTime() - t0) / 1e6).isGreaterThanOrEqualTo(400);
        aksh.run("sandbox fault slow 0");
        assertThat(aksh.run("sandbox fault drop-tunnels 65536")).contains("drop-tunnels: new Bastion tunnels drop after 65536 bytes");
        assertThat(aksh.run("sandbox fault rbac-delay 90")).containsPattern("rbac-delay: Fleet hubs honour no role "
                + "assignment for (90|89)s more");
        assertThat(aksh.run("sandbox status")).contains("rbac-delay:");
        assertThat(aksh.run("sandbox fault clear")).isEqualTo("No faults are active.\n");
        aksh.run("sandbox fault rbac-delay soon");
        assertThat(aksh.last().error().oneLine()).isEqualTo("'soon' is not a number of seconds (0-3600); sandbox fault rbac-delay 60");
        aksh.run("sandbox fault slow soon");
        assertThat(aksh.last().status()).isEqualTo(64);
        aksh.run("sandbox fault errors --status 501");
        assertThat(aksh.last().status()).isEqualTo(64);
    }

    @Test
    void anUnschedulablePodFailsTheCommandWithAksReasonAndSlowCommandsTakeLonger() {
        aksh.run("sandbox fault unschedulable aks-payments");
        aksh.run("invoke 'kubectl get ns' --cluster aks-payments");
        assertThat(aksh.last().status()).isEqualTo(68);
        assertThat(aksh.last().error().oneLine()).contains("could not be scheduled within 5s")
                .contains("Insufficient cpu").contains("200m CPU and 500Mi memory");
        aksh.run("sandbox fault unschedulable off");
        assertThat(aksh.run("sandbox fault slow-commands 1500"))
                .isEqualTo("slow-commands: run-command pods take 1500 ms longer\n");
        long t0 = System.nanoTime();
        aksh.run("invoke 'kubectl get ns' --cluster aks-web");
        assertThat(aksh.last().status()).isZero();
        assertThat((System.nanoTime() - t0) / 1e9).isGreaterThanOrEqualTo(1.5);
        assertThat(aksh.run("sandbox fault clear")).isEqualTo("No faults are active.\n");
    }
}
