package dev.aksh.sandbox.kube;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Log lines a fake pod has written since it started: plausible for its image, the same on every call. */
final class PodLogs {
    private static final String[] PATHS = {"/", "/healthz", "/api/v1/orders", "/api/v1/payments", "/metrics", "/readyz"};

    private PodLogs() {
    }

    static List<String> lines(String pod, String image, Instant started, Instant now) {
        Random r = new Random(pod.hashCode());
        List<String> out = new ArrayList<>();
        String img = image.toLowerCase(Locale.ROOT);
        long span = Math.max(1, Duration.between(started, now).getSeconds());
        int n = 12;
        if (img.contains("nginx")) {
            out.add("/docker-entrypoint.sh: Configuration complete; ready for start up");
            for (int i = 0; i < n; i++) {
                Instant t = started.plusSeconds(span * (i + 1) / (n + 1));
                out.add(String.format(Locale.ROOT, "10.244.%d.%d - - [%s] \"GET %s HTTP/1.1\" 200 %d \"-\" \"kube-probe/1.32\"",
                        r.nextInt(4), 2 + r.nextInt(200), FakeKubectl.DESCRIBE_TIME.format(t), PATHS[r.nextInt(PATHS.length)],
                        200 + r.nextInt(900)));
            }
        } else if (img.contains("coredns")) {
            out.add(".:53");
            out.add("[INFO] plugin/reload: Running configuration SHA512 = 5e4c6a7b");
            out.add("CoreDNS-1.11.3");
            out.add("linux/amd64, go1.22.7, ");
        } else {
            out.add(started + " INFO  starting " + image);
            for (int i = 0; i < n; i++) {
                Instant t = started.plusSeconds(span * (i + 1) / (n + 1));
                out.add(t + " INFO  handled " + PATHS[r.nextInt(PATHS.length)] + " in " + (3 + r.nextInt(80)) + "ms status=200");
            }
        }
        return out;
    }
}
