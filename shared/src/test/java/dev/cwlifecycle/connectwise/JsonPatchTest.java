package dev.cwlifecycle.connectwise;

import dev.cwlifecycle.connectwise.model.Reference;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonPatchTest {

    @Test
    void serialisesToAnRfc6902ArrayWithReferencesWhole() throws Exception {
        JsonPatch patch = JsonPatch.of()
                .replace("inactiveFlag", true)
                .replace("inactiveDate", Instant.parse("2026-03-01T12:00:00Z"))
                .replace("securityRole", Reference.to(5))
                .add("title", "Engineer")
                .remove("mobilePhone");
        assertEquals("[{\"op\":\"replace\",\"path\":\"inactiveFlag\",\"value\":true},"
                        + "{\"op\":\"replace\",\"path\":\"inactiveDate\",\"value\":\"2026-03-01T12:00:00Z\"},"
                        + "{\"op\":\"replace\",\"path\":\"securityRole\",\"value\":{\"id\":5}},"
                        + "{\"op\":\"add\",\"path\":\"title\",\"value\":\"Engineer\"},"
                        + "{\"op\":\"remove\",\"path\":\"mobilePhone\"}]",
                ConnectWiseJson.MAPPER.writeValueAsString(patch));
    }

    @Test
    void refusesAPathInsideAReference() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> JsonPatch.of().replace("securityRole/id", 5));
        assertEquals("JSON Patch path 'securityRole/id' must name a top-level member field; replace a reference whole",
                refused.getMessage());
    }
}
