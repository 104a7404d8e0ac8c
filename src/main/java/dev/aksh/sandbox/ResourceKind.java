package dev.aksh.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * How the fake ARM serves one resource type. The defaults serve stored documents (GET one, list
 * with paging); a kind overrides what its service does differently (PUT rules, actions).
 */
public interface ResourceKind {

    /** The full type, e.g. {@code Microsoft.ContainerService/managedClusters}. */
    String type();

    default ArmResponse get(FakeArm.Call call, ResourceId id) {
        ObjectNode doc = call.state().resource(id.id());
        if (doc == null) {
            throw ArmError.notFound(type(), id.name(), id.resourceGroup());
        }
        return ArmResponse.ok(ArmState.copy(doc));
    }

    default ArmResponse list(FakeArm.Call call, String scope) {
        List<ObjectNode> items = call.state().list(scope, type());
        return call.page(items);
    }

    default ArmResponse put(FakeArm.Call call, ResourceId id, ObjectNode body) {
        throw new ArmError(405, "MethodNotAllowed", "The sandbox does not support PUT on " + type() + ".");
    }

    default ArmResponse delete(FakeArm.Call call, ResourceId id) {
        throw new ArmError(405, "MethodNotAllowed", "The sandbox does not support DELETE on " + type() + ".");
    }

    default ArmResponse action(FakeArm.Call call, ResourceId id, String action, JsonNode body) {
        throw new ArmError(404, "InvalidResourceType", "The resource type '" + type() + "/" + action
                + "' could not be found.");
    }
}
