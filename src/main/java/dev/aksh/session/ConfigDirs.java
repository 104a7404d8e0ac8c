package dev.aksh.session;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where aksh keeps its per-user files: {@code $AKSH_CONFIG_DIR} if set; else {@code %APPDATA%\aksh}
 * on Windows; else {@code $XDG_CONFIG_HOME/aksh} or {@code ~/.config/aksh} (Linux and macOS).
 */
public final class ConfigDirs {
    private ConfigDirs() {
    }

    public static Path configDir(Map<String, String> env, String osName, String userHome) {
        String override = env.get("AKSH_CONFIG_DIR");
        if (notBlank(override)) {
            return Path.of(override);
        }
        if (osName != null && osName.toLowerCase(Locale.ROOT).startsWith("windows")) {
            String appData = env.get("APPDATA");
            if (notBlank(appData)) {
                return Path.of(appData, "aksh");
            }
            return Path.of(userHome, "AppData", "Roaming", "aksh");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        if (notBlank(xdg)) {
            return Path.of(xdg, "aksh");
        }
        return Path.of(userHome, ".config", "aksh");
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
