package dev.aksh.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A trainee's lesson and a saved sandbox, through the built aksh with piped stdin. */
class LessonSessionIT {
    AkshProcess aksh;

    @BeforeEach
    void start() throws Exception {
        aksh = new AkshProcess();
    }

    @AfterEach
    void stop() throws Exception {
        aksh.close();
    }

    @Test
    void lessonOneFromBriefToSummaryInAScript() throws Exception {
        String manifest = aksh.config.resolve("lessons/lesson-1/nginx.yaml").toString();
        AkshProcess.Run r = aksh.run("""
                sandbox lesson 1
                cluster use aks-payments
                sandbox lesson hint
                invoke "kubectl apply -f nginx.yaml" --file %s
                invoke "kubectl get pods -l app=nginx"
                sandbox lesson status
                invoke "kubectl delete deployment nginx"
                """.formatted(manifest), "--sandbox", "--yes");
        assertThat(r.exit()).as(r.both()).isZero();
        assertThat(r.out()).startsWith("Lesson 1: Deploy nginx to a private cluster with command invoke (seed 003)\n")
                .contains("This lesson wrote a manifest for you:").contains(manifest + ".")
                .contains("Goal 1: cluster use aks-payments, then: invoke \"kubectl apply -f nginx.yaml\" --file " + manifest)
                .contains("deployment.apps/nginx created").contains("  ✓ 1. Deploy the nginx manifest")
                .contains("  → 3. Clean up: delete the nginx Deployment the same way")
                .doesNotContain("\u001b[");
        assertThat(r.err()).contains("✓ Goal 1 of 3 met: Deploy the nginx manifest to aks-payments with 'invoke … --file'\n"
                + "✓ Goal 2 of 3 met")
                .contains("✓ Goal 3 of 3 met: Clean up: delete the nginx Deployment the same way\nLesson 1 complete: every goal met in")
                .endsWith("Next: sandbox lesson 2\n")
                .doesNotContain("\u001b[");
        assertThat(Files.readString(aksh.config.resolve("lessons/lesson-1/nginx.yaml"))).contains("kind: Deployment");
    }

    @Test
    void aSavedSandboxIsLoadedByALaterRun() throws Exception {
        AkshProcess.Run save = aksh.run("""
                cluster use aks-web
                ranges add 52.140.10.0/24
                sandbox save lab.json
                """, "--sandbox", "--yes");
        assertThat(save.exit()).as(save.both()).isZero();
        assertThat(save.out()).endsWith("Saved the sandbox's state to lab.json. 'sandbox load lab.json' brings it back.\n");
        assertThat(aksh.cwd.resolve("lab.json")).exists();

        AkshProcess.Run fresh = aksh.run(null, "--sandbox", "-c", "ranges show --cluster aks-web");
        assertThat(fresh.out()).doesNotContain("52.140.10.0/24");
        AkshProcess.Run loaded = aksh.run(null, "--sandbox", "-c", "sandbox load lab.json; ranges show --cluster aks-web");
        assertThat(loaded.exit()).as(loaded.both()).isZero();
        assertThat(loaded.out()).startsWith("Loaded lab.json: the sandbox: world Contoso, faults off.\n")
                .contains("52.140.10.0/24");

        AkshProcess.Run missing = aksh.run(null, "--sandbox", "-c", "sandbox load nope.json");
        assertThat(missing.exit()).isEqualTo(64);
        assertThat(missing.err()).isEqualTo("error: no file nope.json; give a world file or one written by 'sandbox save'\n");
    }

    @Test
    void theSandboxCommandsExistOnlyInTheSandbox() throws Exception {
        AkshProcess.Run r = aksh.run(null, "-c", "sandbox lessons");
        assertThat(r.exit()).isEqualTo(64);
        assertThat(r.err()).startsWith("error: unknown command 'sandbox");
    }
}
