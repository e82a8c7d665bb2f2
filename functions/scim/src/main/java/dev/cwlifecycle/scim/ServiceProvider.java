package dev.cwlifecycle.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What this service provider supports, as identity providers discover it (RFC 7644 §4): {@code /ServiceProviderConfig},
 * {@code /ResourceTypes} and {@code /Schemas}, from the documents in {@code scim/}.
 */
@ApplicationScoped
public class ServiceProvider {

    private final ObjectNode config = (ObjectNode) document("ServiceProviderConfig.json");
    private final ObjectNode resourceTypes = listOf(document("ResourceTypes.json"));
    private final ObjectNode schemas = listOf(document("Schemas.json"));

    ObjectNode config() {
        return config.deepCopy();
    }

    ObjectNode resourceTypes() {
        return resourceTypes.deepCopy();
    }

    ObjectNode schemas() {
        return schemas.deepCopy();
    }

    private static ObjectNode listOf(JsonNode resources) {
        List<ObjectNode> all = new ArrayList<>();
        resources.forEach(resource -> all.add((ObjectNode) resource));
        return UserResources.list(all, all.size(), 1);
    }

    private static JsonNode document(String name) {
        try (InputStream in = ServiceProvider.class.getResourceAsStream("/scim/" + name)) {
            if (in == null) {
                throw new IllegalStateException("scim/" + name + " is missing from the function's resources");
            }
            return ScimJson.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
