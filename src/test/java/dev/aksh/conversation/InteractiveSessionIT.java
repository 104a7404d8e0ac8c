package dev.aksh.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The interactive shell in a real pseudo-terminal (util-linux {@code script}): the prompt shows the
 * context in colour and follows it, Ctrl-C at the prompt does not end the shell, exit leaves cleanly.
 */
class InteractiveSessionIT {

    @Test
    void thePromptShowsTheContextInColourAndFollowsItAndCtrlCKeepsTheShell() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script is not installed");
        try (AkshProcess aksh = new AkshProcess()) {
            String java = String.join(" ", AkshProcess.java());
            List<String> cmd = List.of("/usr/bin/script", "-qfec", "stty cols 160 rows 40; exec " + java + " --sandbox", "/dev/null");
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(aksh.cwd.toFile());
            pb.environment().clear();
            pb.environment().putAll(aksh.env);
            pb.environment().put("TERM", "xterm-256color");
            pb.redirectErrorStream(true);
            Process p = pb.start();
            ByteArrayOutputStream screen = new ByteArrayOutputStream();
            AkshProcess.pump(p.getInputStream(), screen);
            OutputStream keys = p.getOutputStream();

            String banner = expect(screen, "[SANDBOX] [prod] Contoso Production > ", Duration.ofSeconds(30));
            assertThat(banner).contains("Nothing here touches real Azure");
            assertThat(screen.toString(StandardCharsets.UTF_8)).containsPattern("\u001b\\[[0-9;]*m\\[SANDBOX\\]\u001b\\[0m");

            type(keys, "cluster use aks-web\r");
            String after = expect(screen, "[SANDBOX] [prod] Contoso Production / aks-web (run-command) > ", Duration.ofSeconds(30));
            assertThat(after).contains("Using cluster aks-web");
            assertThat(screen.toString(StandardCharsets.UTF_8)).containsPattern("\u001b\\[[0-9;]*maks-web\u001b\\[0m");

            type(keys, "\u0003"); // Ctrl-C at the prompt clears the line, the shell stays
            type(keys, "clustr list\r");
            assertThat(expect(screen, "did you mean 'cluster list'?", Duration.ofSeconds(20))).contains("error:");
            type(keys, "exit\r");
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
            assertThat(Files.exists(aksh.config.resolve("history.sandbox"))).isTrue();
            assertThat(Files.readString(aksh.config.resolve("history.sandbox"))).contains("cluster use aks-web");
            try (var files = Files.list(aksh.cwd)) {
                assertThat(files).isEmpty();
            }
        }
    }

    @Test
    void ctrlCCancelsTheRunningCommandAndNotTheShell() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script is not installed");
        try (AkshProcess aksh = new AkshProcess()) {
            Path world = aksh.home.resolve("slow-world.yaml");
            Files.writeString(world, """
                    defaultSubscription: Slow
                    arm: {latencyMs: 5000}
                    subscriptions:
                      - id: 44444444-4444-4444-8444-444444444444
                        name: Slow
                        resourceGroups:
                          - name: rg-slow
                            clusters: [{name: aks-slow}]
                    """);
            Process p = shell(aksh, "--sandbox-world " + world);
            ByteArrayOutputStream screen = new ByteArrayOutputStream();
            AkshProcess.pump(p.getInputStream(), screen);
            OutputStream keys = p.getOutputStream();
            expect(screen, "[SANDBOX] Slow > ", Duration.ofSeconds(30));
            type(keys, "cluster list\r");
            Thread.sleep(1000);
            long t0 = System.nanoTime();
            type(keys, "\u0003");
            expect(screen, "cancelled", Duration.ofSeconds(3));
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
            assertThat(plain(screen.toString(StandardCharsets.UTF_8))).doesNotContain("aks-slow");
            type(keys, "status\r");
            expect(screen, "Last exit status: 130", Duration.ofSeconds(20));
            type(keys, "exit\r");
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
        }
    }

    @Test
    void invokeShowsASpinnerWhileItWaitsAndNoWaitGivesAnIdToFetchLater() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script is not installed");
        try (AkshProcess aksh = new AkshProcess()) {
            Process p = shell(aksh, "--sandbox");
            ByteArrayOutputStream screen = new ByteArrayOutputStream();
            AkshProcess.pump(p.getInputStream(), screen);
            OutputStream keys = p.getOutputStream();
            expect(screen, "[SANDBOX] [prod] Contoso Production > ", Duration.ofSeconds(30));
            type(keys, "cluster use aks-payments\r");
            expect(screen, "aks-payments (run-command) > ", Duration.ofSeconds(20));
            type(keys, "invoke 'sleep 2; echo slept-well'\r");
            String done = expect(screen, "slept-well", Duration.ofSeconds(20));
            assertThat(done).containsPattern("[|/\\\\-] invoke on aks-payments  \\d+(\\.\\d)?(ms|s)");

            type(keys, "invoke 'sleep 3; echo fetched-later' --no-wait\r");
            String submitted = expect(screen, "fetch the result with 'invoke result ", Duration.ofSeconds(20));
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("invoke result ([0-9a-f]{32})").matcher(submitted);
            assertThat(m.find()).isTrue();
            String id = m.group(1);
            type(keys, "invoke result " + id + "\r");
            expect(screen, "command " + id + " is still running on aks-payments; ask again in a moment", Duration.ofSeconds(20));
            Thread.sleep(3500);
            type(keys, "invoke result " + id + "\r");
            expect(screen, "fetched-later", Duration.ofSeconds(20));

            type(keys, "invoke 'sleep 30; echo too-late'\r");
            Thread.sleep(1500);
            long t0 = System.nanoTime();
            type(keys, "\u0003");
            String stopped = expect(screen, "; it goes on in the cluster; fetch its result later with 'invoke result ",
                    Duration.ofSeconds(5));
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
            assertThat(stopped).containsPattern("stopped waiting for command [0-9a-f]{32} on aks-payments");
            type(keys, "status\r");
            expect(screen, "Last exit status: 130", Duration.ofSeconds(10));
            type(keys, "exit\r");
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void severalBastionsAreOfferedThePromptShowsTheTunnelAndCtrlCStopsTheLocalKubectl() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script is not installed");
        assumeTrue(AkshProcess.kubectlInstalled(), "kubectl is not installed here");
        try (AkshProcess aksh = new AkshProcess()) {
            Process p = shell(aksh, "--sandbox");
            ByteArrayOutputStream screen = new ByteArrayOutputStream();
            AkshProcess.pump(p.getInputStream(), screen);
            OutputStream keys = p.getOutputStream();
            expect(screen, "[SANDBOX] [prod] Contoso Production > ", Duration.ofSeconds(30));
            type(keys, "cluster use aks-ledger\r");
            expect(screen, "aks-ledger (run-command) > ", Duration.ofSeconds(20));
            type(keys, "connect bastion\r");
            String asked = expect(screen, "Choose 1-2 (Enter to cancel): ", Duration.ofSeconds(30));
            assertThat(asked).contains("2 Bastions can reach aks-ledger:")
                    .contains("1) bas-ledger (Premium) in the cluster's virtual network vnet-ledger")
                    .contains("2) bas-hub (Standard) in vnet-hub (subscription Contoso Platform), peered with vnet-ledger");
            type(keys, "2\r");
            String connected = expect(screen, "aks-ledger (tunnel :", Duration.ofSeconds(30));
            java.util.regex.Matcher port = java.util.regex.Pattern.compile("aks-ledger on 127\\.0\\.0\\.1:(\\d+)")
                    .matcher(connected);
            assertThat(port.find()).as(connected).isTrue();
            expect(screen, "[SANDBOX] [prod] Contoso Production / aks-ledger (tunnel :" + port.group(1) + ") > ", Duration.ofSeconds(10));

            type(keys, "invoke 'kubectl get deploy -n ledger'\r");
            expect(screen, "ledger   2/2", Duration.ofSeconds(30));
            type(keys, "invoke 'kubectl get pods -n ledger --watch'\r");
            expect(screen, "ledger-", Duration.ofSeconds(30));
            Thread.sleep(500);
            type(keys, "\u0003");
            Thread.sleep(1000);
            type(keys, "status\r");
            String stopped = expect(screen, "Last exit status: 130", Duration.ofSeconds(10));
            assertThat(stopped.substring(stopped.lastIndexOf("--watch"))).containsPattern("stopped the local command|cancelled");
            type(keys, "tunnel list\r");
            expect(screen, "bas-hub", Duration.ofSeconds(10));
            type(keys, "exit\r");
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
            assertThat(aksh.tunnelLeftovers()).isEmpty();
        }
    }

    @Test
    void scriptedOutputOnATerminalIsColouredUnlessNoColorIsSet() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script is not installed");
        try (AkshProcess aksh = new AkshProcess()) {
            String coloured = runInPty(aksh, "--sandbox -c 'cluster list'");
            assertThat(coloured).contains("\u001b[1mNAME\u001b[0m").contains("\u001b[32mSucceeded\u001b[0m");
            aksh.env.put("NO_COLOR", "1");
            String plain = runInPty(aksh, "--sandbox -c 'cluster list'");
            assertThat(plain).contains("NAME").contains("aks-web").doesNotContain("\u001b[");
            aksh.env.remove("NO_COLOR");
            assertThat(runInPty(aksh, "--no-color --sandbox -c 'cluster list'")).doesNotContain("\u001b[");
        }
    }

    private static Process shell(AkshProcess aksh, String args) throws Exception {
        String java = String.join(" ", AkshProcess.java());
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/script", "-qfec", "stty cols 160 rows 40; exec " + java + " " + args,
                "/dev/null").directory(aksh.cwd.toFile());
        pb.environment().clear();
        pb.environment().putAll(aksh.env);
        pb.environment().put("TERM", "xterm-256color");
        pb.redirectErrorStream(true);
        return pb.start();
    }

    private static String runInPty(AkshProcess aksh, String args) throws Exception {
        Process p = shell(aksh, args);
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    /** The screen without ANSI control sequences. */
    private static String plain(String s) {
        return s.replaceAll("\u001b\\[[?0-9;]*[A-Za-z]", "").replaceAll("\u001b[=>]", "");
    }

    private static void type(OutputStream keys, String text) throws Exception {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
        Thread.sleep(100);
    }

    /** Waits until the screen shows {@code text}; returns the screen so far. */
    private static String expect(ByteArrayOutputStream screen, String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            String s = plain(screen.toString(StandardCharsets.UTF_8));
            if (s.contains(text)) {
                return s;
            }
            seen.add(s);
            Thread.sleep(50);
        }
        throw new AssertionError("the screen never showed " + text.replace("\u001b", "ESC") + ":\n"
                + screen.toString(StandardCharsets.UTF_8).replace("\u001b", "ESC"));
    }
}
