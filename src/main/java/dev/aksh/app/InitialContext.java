package dev.aksh.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aksh.sandbox.World;
import dev.aksh.session.SubscriptionRef;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The subscription a fresh context starts in, from local configuration only (no network): for real
 * Azure, {@code AZURE_SUBSCRIPTION_ID} or the Azure CLI's default ({@code ~/.azure/azureProfile.json});
 * for the sandbox, the world file's {@code defaultSubscription}.
 */
final class InitialContext {
    private InitialContext() {
    }

    static SubscriptionRef forAzure(Map<String, String> env, String userHome) {
        String id = env.get("AZURE_SUBSCRIPTION_ID");
        if (id != null && !id.isBlank()) {
            return new SubscriptionRef(id.trim(), null);
        }
        String configDir = env.get("AZURE_CONFIG_DIR");
        Path profile = (configDir != null && !configDir.isBlank() ? Path.of(configDir) : Path.of(userHome, ".azure"))
                .resolve("azureProfile.json");
        try {
            if (!Files.isRegularFile(profile)) {
                return null;
            }
            String text = Files.readString(profile, StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            for (JsonNode s : new ObjectMapper().readTree(text).path("subscriptions")) {
                if (s.path("isDefault").asBoolean(false) && s.hasNonNull("id")) {
                    return new SubscriptionRef(s.get("id").asText(), s.path("name").asText(null));
                }
            }
        } catch (Exception e) {
            // the CLI's file is a convenience: ignore what cannot be read
        }
        return null;
    }

    static SubscriptionRef forSandbox(World world) {
        String wanted = world.defaultSubscription();
        if (wanted == null) {
            return null;
        }
        for (World.SubscriptionSpec s : world.subscriptions()) {
            if (s.name().equalsIgnoreCase(wanted) || s.id().equalsIgnoreCase(wanted)) {
                return new SubscriptionRef(s.id(), s.name());
            }
        }
        return null;
    }
}
