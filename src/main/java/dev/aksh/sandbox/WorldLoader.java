package dev.aksh.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.aksh.error.AkshException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads world files (YAML, or JSON, which is YAML too), strictly: an unknown key is an error that names it. */
public final class WorldLoader {
    /** The world shipped with aksh. */
    public static final String DEFAULT_RESOURCE = "/sandbox/world.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private WorldLoader() {
    }

    public static World defaultWorld() {
        try (InputStream in = WorldLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the default sandbox world is missing from the build");
            }
            return validate(YAML.readValue(in, World.class), DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new IllegalStateException("the default sandbox world is invalid: " + e.getMessage(), e);
        }
    }

    /** A cluster described by nothing but its name: the defaults of every field. */
    public static World.ClusterSpec defaultClusterSpec(String name) {
        try {
            return YAML.readValue("name: " + name, World.ClusterSpec.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static World load(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (NoSuchFileException e) {
            throw AkshException.usage("no world file " + file, "give the path of a world YAML file");
        } catch (IOException e) {
            throw AkshException.usage("cannot read world file " + file + ": " + e.getMessage(), null);
        }
    }

    public static World parse(String text, String source) {
        try {
            World w = YAML.readValue(text, World.class);
            if (w == null) {
                throw AkshException.usage("world file " + source + " is empty", "see src/main/resources/sandbox/world.yaml");
            }
            return validate(w, source);
        } catch (UnrecognizedPropertyException e) {
            List<String> known = new ArrayList<>();
            e.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
            Collections.sort(known);
            throw AkshException.usage("world file " + source + ": unknown key '" + e.getPropertyName() + "' at "
                    + path(e), "known keys there: " + String.join(", ", known));
        } catch (JsonProcessingException e) {
            String where = e instanceof JsonMappingException m && !m.getPath().isEmpty() ? " at " + path(m)
                    : e.getLocation() == null ? "" : " near line " + e.getLocation().getLineNr();
            throw AkshException.usage("world file " + source + " is invalid" + where + ": "
                    + e.getOriginalMessage().split("\n")[0].replaceAll(" \\(class [^)]*\\)", ""),
                    "see src/main/resources/sandbox/world.yaml for the format");
        }
    }

    /** {@code subscriptions[0].resourceGroups[1].clusters[0].nodes} */
    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "the top level" : sb.toString();
    }

    private static World validate(World w, String source) {
        Set<String> subs = new HashSet<>();
        for (World.SubscriptionSpec s : w.subscriptions()) {
            require(s.id() != null && s.id().matches("[0-9a-fA-F-]{36}"), source,
                    "subscription '" + s.name() + "' needs an id that is a GUID");
            require(s.name() != null, source, "subscription " + s.id() + " needs a name");
            require(subs.add(s.id().toLowerCase(Locale.ROOT)), source, "subscription id " + s.id() + " appears twice");
            Set<String> groups = new HashSet<>();
            for (World.ResourceGroupSpec g : s.resourceGroups()) {
                require(g.name() != null, source, "a resource group in " + s.name() + " has no name");
                require(groups.add(g.name().toLowerCase(Locale.ROOT)), source,
                        "resource group " + g.name() + " appears twice in " + s.name());
                Set<String> names = new HashSet<>();
                for (World.ClusterSpec c : g.clusters()) {
                    require(c.name() != null && c.name().matches("[a-zA-Z0-9][a-zA-Z0-9_-]{0,62}"), source,
                            "cluster name '" + c.name() + "' in " + g.name() + " is not a valid AKS name");
                    require(names.add(c.name().toLowerCase(Locale.ROOT)), source,
                            "cluster " + c.name() + " appears twice in " + g.name());
                    require(c.sku().equals("Base") || c.sku().equals("Automatic"), source,
                            "cluster " + c.name() + ": sku must be Base or Automatic");
                    require(c.powerState().equals("Running") || c.powerState().equals("Stopped"), source,
                            "cluster " + c.name() + ": powerState must be Running or Stopped");
                }
            }
        }
        if (w.defaultSubscription() != null) {
            require(w.subscriptions().stream().anyMatch(s -> s.name().equalsIgnoreCase(w.defaultSubscription())
                    || s.id().equalsIgnoreCase(w.defaultSubscription())), source,
                    "defaultSubscription '" + w.defaultSubscription() + "' is not one of the subscriptions");
        }
        return w;
    }

    private static void require(boolean ok, String source, String message) {
        if (!ok) {
            throw AkshException.usage("world file " + source + ": " + message,
                    "see src/main/resources/sandbox/world.yaml for the format");
        }
    }
}
