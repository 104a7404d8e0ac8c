package dev.aksh.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a tool is installed here (an executable of that name on PATH): tests that need one skip without it. */
public final class Installed {
    private Installed() {
    }

    public static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
