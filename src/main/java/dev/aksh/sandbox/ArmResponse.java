package dev.aksh.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response from the fake ARM: status, extra headers, and a JSON body (or none). */
public record ArmResponse(int status, Map<String, String> headers, JsonNode body) {

    public static ArmResponse ok(JsonNode body) {
        return new ArmResponse(200, new LinkedHashMap<>(), body);
    }

    public static ArmResponse of(int status, JsonNode body) {
        return new ArmResponse(status, new LinkedHashMap<>(), body);
    }

    public static ArmResponse empty(int status) {
        return new ArmResponse(status, new LinkedHashMap<>(), null);
    }

    public static ArmResponse error(ArmError e) {
        ObjectNode n = ArmState.JSON.createObjectNode();
        n.putObject("error").put("code", e.code()).put("message", e.getMessage());
        return new ArmResponse(e.status(), new LinkedHashMap<>(), n);
    }

    public ArmResponse header(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new ArmResponse(status, h, body);
    }
}
