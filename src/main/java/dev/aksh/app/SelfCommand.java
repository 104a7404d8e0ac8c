package dev.aksh.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How to run this aksh again from elsewhere (a kubeconfig's exec credential): the launcher that
 * started it, or this JVM with this jar.
 */
public final class SelfCommand {
    private SelfCommand() {
    }

    public static List<String> argv() {
        String launcher = System.getProperty("aksh.launcher");
        if (launcher != null && Files.isExecutable(Path.of(launcher))) {
            return List.of(Path.of(launcher).toAbsolutePath().toString());
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try {
            Path jar = Path.of(SelfCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(jar)) {
                return List.of(java, "-jar", jar.toAbsolutePath().toString());
            }
            return List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName());
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName());
        }
    }
}
