package dev.aksh.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aksh.testing.InProcessAksh;
import dev.aksh.testing.Installed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each lesson as a trainee meets it: goals are met by doing what they ask, in order, and not by
 * anything done before their turn or by a near miss; the lesson ends with its summary.
 */
class LessonsTest {
    InProcessAksh aksh;

    @BeforeEach
    void start() throws Exception {
        // the trainee's PATH (for kubectl through tunnels); no production questions in these sessions
        aksh = InProcessAksh.sandboxWithEnv(Map.of("PATH", System.getenv().getOrDefault("PATH", ""), "AKSH_PRODUCTION", ""));
    }

    @AfterEach
    void stop() throws Exception {
        aksh.close();
    }

    /** Runs a line and returns what the lesson said after it (the goals met, the summary). */
    private String step(String line) {
        aksh.run(line);
        return aksh.console().stderr();
    }

    private String status() {
        return aksh.run("sandbox lesson status");
    }

    /** Wrapped text as one line. */
    private static String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }

    private static boolean kubectl() {
        return Installed.onPath("kubectl");
    }

    @Test
    void theCatalogueCoversEverySeedAndLessonsNeedAValidNumber() {
        assertThat(aksh.run("sandbox lessons")).contains("Deploy nginx to a private cluster with command invoke")
                .contains("003").contains("001").contains("004").contains("002").contains("000");
        assertThat(Lessons.all()).hasSizeGreaterThanOrEqualTo(5);
        aksh.run("sandbox lesson 99");
        assertThat(aksh.last().status()).isEqualTo(64);
        assertThat(aksh.last().error().oneLine()).isEqualTo("there is no lesson 99; 'sandbox lessons' lists lessons 1-6");
        aksh.run("sandbox lesson one");
        assertThat(aksh.last().error().oneLine()).startsWith("'one' is not a lesson number");
        aksh.run("sandbox lesson hint");
        assertThat(aksh.last().error().oneLine()).isEqualTo("no lesson is running; 'sandbox lessons' lists them; "
                + "'sandbox lesson N' starts one");
    }

    @Test
    void lesson1DeployNginxWithCommandInvoke() throws Exception {
        String brief = aksh.run("sandbox lesson 1");
        assertThat(brief).startsWith("Lesson 1: Deploy nginx to a private cluster with command invoke (seed 003)\n")
                .contains("Goals (checked after every command):").contains("  1. Deploy the nginx manifest");
        Path manifest = aksh.configDir().resolve("lessons/lesson-1/nginx.yaml");
        assertThat(manifest).exists();
        assertThat(brief).contains(manifest.toString());
        assertThat(Files.readString(manifest)).contains("kind: Deployment").contains("name: nginx");

        aksh.run("cluster use aks-payments");
        // a 'get pods' before the deployment is not goal 2: its turn has not come
        assertThat(step("invoke 'kubectl get pods'")).doesNotContain("✓");
        // nginx made another way is not what goal 1 asks for
        assertThat(step("invoke 'kubectl create deployment nginx --image nginx:1.27'")).doesNotContain("✓");
        assertThat(status()).contains("0 of 3 goals met")
                .contains("not yet: nginx is there, but not from a command invoke that carried nginx.yaml");
        aksh.run("invoke 'kubectl delete deployment nginx'");
        assertThat(step("invoke 'kubectl apply -f nginx.yaml' --file " + manifest))
                .isEqualTo("✓ Goal 1 of 3 met: Deploy the nginx manifest to aks-payments with 'invoke … --file'\n");
        assertThat(aksh.run("sandbox lesson hint")).isEqualTo("Goal 2: invoke \"kubectl get pods -l app=nginx\"\n");
        assertThat(step("invoke 'kubectl get pods -l app=nginx'")).startsWith("✓ Goal 2 of 3 met");
        String end = step("invoke 'kubectl delete deployment nginx'");
        assertThat(end).startsWith("✓ Goal 3 of 3 met: Clean up")
                .contains("Lesson 1 complete: every goal met in").contains("Command invoke needs only ARM")
                .endsWith("Next: sandbox lesson 2\n");
        assertThat(status()).contains("3 of 3 goals met, complete");
        assertThat(step("invoke 'kubectl get ns'")).as("a finished lesson says nothing more").isEmpty();
    }

    @Test
    void lesson2BastionTunnelAndOwnKubectl() {
        assumeTrue(kubectl(), "kubectl is not installed here");
        aksh.run("sandbox lesson 2");
        aksh.run("cluster use aks-payments");
        // command invoke lists pods too, but not through a tunnel with kubectl
        assertThat(step("invoke 'kubectl get pods -n payments'")).doesNotContain("✓");
        assertThat(step("connect bastion")).contains("✓ Goal 1 of 3 met: Open a Bastion tunnel to aks-payments");
        assertThat(status()).contains("→ 2.").contains("not yet: aks-payments' API server has not listed pods for kubectl yet");
        assertThat(step("invoke 'kubectl get pods -n payments'"))
                .contains("✓ Goal 2 of 3 met: List the pods in namespace payments with kubectl, through the tunnel");
        assertThat(status()).containsPattern("not yet: \\d+ Bastion session\\(s\\) still open");
        String end = step("tunnel close");
        assertThat(aksh.last().status()).isZero();
        assertThat(end).contains("✓ Goal 3 of 3 met").contains("Lesson 2 complete");
    }

    @Test
    void lesson3AddMyIpWithoutLosingRanges() {
        aksh.run("sandbox lesson 3");
        aksh.run("cluster use aks-web");
        assertThat(step("connect check")).as("the firewall drops us: nothing got through").doesNotContain("✓");
        // the careless way: replace the list with my IP alone
        aksh.console().answer(true); // yes, drop the two entries
        assertThat(step("ranges set 84.17.53.201/32")).doesNotContain("✓");
        assertThat(aksh.last().status()).isZero();
        assertThat(flat(status())).contains("not yet: 73.140.245.0/24 and 137.117.106.88/29 are gone from aks-web's ranges: "
                + "put them back");
        String met = step("ranges add 73.140.245.0/24 137.117.106.88/29 --wait");
        assertThat(met).contains("✓ Goal 1 of 2 met").contains("✓ Goal 2 of 2 met").contains("Lesson 3 complete");
    }

    @Test
    void lesson3IsNotMetByTheSetupOfAnotherLessonOrByAddingOnlyPartOfIt() {
        aksh.run("sandbox lesson 3");
        aksh.run("cluster use aks-web");
        assertThat(step("ranges add-my-ip")).as("no --wait: the firewall has not caught up yet")
                .endsWith("\n✓ Goal 1 of 2 met: Add your public IP to aks-web's authorized ranges, keeping the entries "
                        + "already there\n");
        assertThat(status()).contains("not yet: nothing from here has got through aks-web's firewall yet");
    }

    @Test
    void lesson4LockOutThenRecover() {
        String brief = aksh.run("sandbox lesson 4");
        assertThat(brief).contains("84.17.53.201/32). You will remove it");
        aksh.run("cluster use aks-web");
        assertThat(aksh.run("ranges show")).contains("84.17.53.201/32");
        // before the lockout, command invoke does not count for goal 2
        assertThat(step("invoke 'kubectl get nodes'")).doesNotContain("✓");
        aksh.run("ranges remove 84.17.53.201/32");
        assertThat(aksh.last().status()).as("aksh refuses the lockout").isNotZero();
        assertThat(status()).contains("not yet: aks-web's API server still lets 84.17.53.201 in");
        String locked = step("ranges remove 84.17.53.201/32 --force --wait");
        assertThat(locked).contains("✓ Goal 1 of 3 met: Remove your IP")
                .as("--wait after a forced lockout waits for the firewall to drop us, not for an answer")
                .containsPattern("aks-web's API server no longer answers from here \\(after [\\d.]+s\\): this machine "
                        + "\\(84.17.53.201\\) is locked out; 'ranges add-my-ip' lets it back in");
        assertThat(step("invoke 'kubectl get nodes'")).contains("✓ Goal 2 of 3 met: While locked out");
        String end = step("ranges add-my-ip --wait");
        assertThat(end).contains("✓ Goal 3 of 3 met: Recover").contains("Lesson 4 complete");
    }

    @Test
    void lesson5FailedMemberAndThePrivateHubWithRbacStillPropagating() {
        aksh.run("sandbox lesson 5");
        aksh.run("fleet use fleet-prod");
        assertThat(aksh.run("fleet members")).contains("MemberAgentUnreachable");
        assertThat(aksh.run("sandbox lesson answer web")).isEqualTo("Answer noted: web — not yet: not that one: look again\n");
        assertThat(aksh.console().stderr()).doesNotContain("✓");
        assertThat(aksh.run("sandbox lesson answer batch")).contains("not yet: the member is right; the reason code is not");
        assertThat(aksh.run("sandbox lesson answer web ledger batch payments")).contains("not yet");
        assertThat(step("sandbox lesson answer batch MemberAgentUnreachable"))
                .startsWith("✓ Goal 1 of 2 met: Find the member of fleet-prod that failed to join");
        assumeTrue(kubectl(), "kubectl is not installed here");
        aksh.run("connect bastion --fleet");
        assertThat(aksh.last().status()).as(String.valueOf(aksh.last().error())).isZero();
        // role assignments still on their way: the hub says Forbidden, aksh says why, the goal is not met
        assertThat(aksh.run("sandbox fault rbac-delay 120")).contains("rbac-delay: Fleet hubs honour no role assignment for");
        String forbidden = step("invoke --fleet-hub 'kubectl get memberclusters'");
        assertThat(aksh.last().status()).isNotZero();
        assertThat(forbidden).doesNotContain("✓").contains("Forbidden").contains("take a few minutes to apply");
        aksh.run("sandbox fault rbac-delay 0");
        assertThat(aksh.run("sandbox status")).contains("Faults:                none");
        String end = step("invoke --fleet-hub 'kubectl get memberclusters'");
        assertThat(aksh.last().status()).as(String.valueOf(aksh.last().error())).isZero();
        assertThat(end).as(aksh.console().stdout() + status()).contains("✓ Goal 2 of 2 met").contains("Lesson 5 complete");
    }

    @Test
    void lesson6EachClusterByTheRouteItAllows() {
        aksh.run("sandbox lesson 6");
        aksh.run("cluster use aks-ledger");
        assertThat(step("invoke 'kubectl get nodes'")).as("command invoke is disabled on aks-ledger").doesNotContain("✓");
        assertThat(aksh.last().status()).isNotZero();
        assertThat(aksh.run("sandbox lesson hint")).isEqualTo("Goal 1: cluster use aks-ledger, then: connect advise\n");
        assertThat(aksh.run("sandbox lesson hint")).contains("connect bastion --bastion bas-ledger");
        // a later goal done early does not count
        aksh.run("invoke 'kubectl get nodes' --cluster aks-batch");
        assertThat(aksh.console().stderr()).doesNotContain("✓");
        assumeTrue(kubectl(), "kubectl is not installed here");
        aksh.run("connect bastion --bastion bas-ledger");
        assertThat(step("invoke 'kubectl get nodes'")).contains("✓ Goal 1 of 3 met");
        assertThat(status()).contains("not yet: the nodes of aks-batch have not been listed yet");
        aksh.run("cluster use aks-batch");
        assertThat(step("invoke 'kubectl get nodes'")).contains("✓ Goal 2 of 3 met");
        aksh.run("cluster use aks-auto");
        assertThat(step("invoke 'kubectl get no'")).contains("✓ Goal 3 of 3 met").contains("Lesson 6 complete")
                .contains("That was the last lesson");
    }

    @Test
    void startingALessonResetsTheWorldAndTheContextAndStoppingLeavesIt() {
        aksh.run("cluster use aks-web");
        aksh.run("ranges add 52.140.10.0/24");
        assertThat(aksh.last().status()).isZero();
        aksh.run("subscription use 'Contoso Platform'");
        aksh.run("sandbox lesson 3");
        assertThat(aksh.aksh().session().get().subscription().name()).isEqualTo("Contoso Production");
        assertThat(aksh.aksh().session().get().cluster()).isNull();
        assertThat(aksh.run("ranges show --cluster aks-web")).doesNotContain("52.140.10.0/24");
        assertThat(aksh.run("sandbox lessons")).contains("*         3");
        assertThat(aksh.run("sandbox lesson stop")).startsWith("Left lesson 3.");
        assertThat(step("ranges add-my-ip --cluster aks-web --wait")).as("no lesson: nothing to say").doesNotContain("✓");
        aksh.run("sandbox lesson status");
        assertThat(aksh.last().status()).isEqualTo(64);
    }
}
