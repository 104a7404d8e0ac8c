package dev.aksh.invoke;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The operator's own tools on this machine (kubectl, helm): where they are, which a command needs,
 * and how to get them.
 */
public final class LocalTools {
    private static final Pattern WORD_START = Pattern.compile("(^|[\\s;&|(`$])");

    private final String path;
    private final boolean windows;

    public LocalTools(Map<String, String> env, String osName) {
        this.path = env.getOrDefault("PATH", env.getOrDefault("Path", ""));
        this.windows = osName != null && osName.toLowerCase(Locale.ROOT).startsWith("windows");
    }

    /** The executable {@code name} on PATH, or null. */
    public Path find(String name) {
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            for (String candidate : windows ? List.of(name + ".exe", name + ".cmd", name) : List.of(name)) {
                Path p = Path.of(dir, candidate);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    /** The tools a command line calls that are not installed here (kubectl, helm). */
    public List<String> missingFor(String command) {
        return List.of("kubectl", "helm").stream()
                .filter(t -> calls(command, t))
                .filter(t -> find(t) == null)
                .toList();
    }

    /** Whether {@code command} calls {@code tool} as a command word. */
    static boolean calls(String command, String tool) {
        return Pattern.compile(WORD_START.pattern() + Pattern.quote(tool) + "(\\s|$|;|\\||&|\\))").matcher(command).find();
    }

    /** How to install a tool, in one line. */
    public static String installHint(String tool) {
        return switch (tool) {
            case "kubectl" -> "install kubectl ('az aks install-cli', or https://kubernetes.io/docs/tasks/tools/)";
            case "helm" -> "install helm (https://helm.sh/docs/intro/install/)";
            case "kubelogin" -> "install kubelogin ('az aks install-cli', or https://azure.github.io/kubelogin/install.html)";
            default -> "install " + tool;
        };
    }

    /**
     * The shell that runs a command line: {@code bash -c} (or {@code cmd /c} on Windows). Where
     * {@code setsid} exists it runs in a session of its own, so Ctrl-C at the terminal reaches aksh
     * alone, and aksh stops the command (and what it started) and says so, instead of racing it.
     */
    public List<String> shell(String command) {
        if (windows) {
            return List.of("cmd.exe", "/c", command);
        }
        String sh = find("bash") != null ? "bash" : "sh";
        return find("setsid") != null ? List.of("setsid", sh, "-c", command) : List.of(sh, "-c", command);
    }
}
