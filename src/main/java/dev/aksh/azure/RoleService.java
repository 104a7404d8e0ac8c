package dev.aksh.azure;

import com.azure.core.management.exception.ManagementException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Azure roles a principal holds at a scope (assigned there or above), by name: role
 * assignments {@code atScope() and assignedTo(oid)}, then their definitions. ARM REST over the
 * shared pipeline (the authorization SDK is not among our dependencies).
 */
public final class RoleService {
    static final String API_VERSION = "2022-04-01";

    private final ArmRest arm;

    public RoleService(ArmRest arm) {
        this.arm = arm;
    }

    /** @param names the roles held, in assignment order, or empty; {@code readable} false with {@code why} when unknown */
    public record Held(List<String> names, boolean readable, String why) {
        public boolean any(List<String> roles) {
            return names.stream().anyMatch(roles::contains);
        }
    }

    public Held at(String scope, String principalObjectId) {
        if (principalObjectId == null) {
            return new Held(List.of(), false, "your token carries no object id");
        }
        List<JsonNode> assignments;
        try {
            assignments = arm.list(scope + "/providers/Microsoft.Authorization/roleAssignments", API_VERSION,
                    "atScope() and assignedTo('" + principalObjectId + "')");
        } catch (ManagementException e) {
            if (e.getResponse() != null && e.getResponse().getStatusCode() == 403) {
                return new Held(List.of(), false, "no permission to read role assignments there");
            }
            throw e;
        }
        Map<String, String> names = new LinkedHashMap<>();
        List<String> held = new ArrayList<>();
        for (JsonNode a : assignments) {
            String def = a.path("properties").path("roleDefinitionId").asText(null);
            if (def == null) {
                continue;
            }
            String name = names.computeIfAbsent(def.toLowerCase(Locale.ROOT), k -> {
                try {
                    return arm.get(def, API_VERSION).path("properties").path("roleName").asText("");
                } catch (ManagementException e) {
                    return "";
                }
            });
            if (!name.isEmpty() && !held.contains(name)) {
                held.add(name);
            }
        }
        return new Held(held, true, null);
    }
}
