package dev.cwlifecycle.local;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalRoutesTest {

    @Test
    void aLiteralSegmentIsNeverReadAsAnIdentifier() {
        LocalRoutes.Matched byBody = LocalRoutes.match("POST", "/members/deprovision").orElseThrow();
        LocalRoutes.Matched byPath = LocalRoutes.match("POST", "/members/ada/deprovision").orElseThrow();

        assertEquals("POST /members/deprovision", byBody.route().routeKey());
        assertEquals(Map.of(), byBody.pathParameters());
        assertEquals("POST /members/{identifier}/deprovision", byPath.route().routeKey());
        assertEquals(Map.of("identifier", "ada"), byPath.pathParameters());
    }

    @Test
    void pathParametersAreDecodedAndAPlusStaysAPlus() {
        assertEquals(Map.of("identifier", "a b/c+d"),
                LocalRoutes.match("POST", "/members/a%20b%2Fc+d/deprovision").orElseThrow().pathParameters());
    }

    @Test
    void noRouteKeyFitsAnotherMethodAnEmptySegmentOrATrailingSlash() {
        assertEquals(Optional.empty(), LocalRoutes.match("DELETE", "/members"));
        assertEquals(Optional.empty(), LocalRoutes.match("POST", "/members//deprovision"));
        assertEquals(Optional.empty(), LocalRoutes.match("POST", "/members/"));
        assertTrue(LocalRoutes.match("POST", "/callbacks/connectwise").isPresent());
    }
}
