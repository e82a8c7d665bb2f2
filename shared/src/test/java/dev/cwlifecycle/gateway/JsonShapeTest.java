package dev.cwlifecycle.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cwlifecycle.lifecycle.TicketReference;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonShapeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Ticketed(String name, Integer count, Long id, Boolean flag, TicketReference ticket) {
    }

    @Test
    void acceptsEveryTypeItKnowsAndNullForAbsent() throws Exception {
        JsonNode body = JSON.readTree("""
                {"name":"n","count":2147483647,"id":9007199254740993,"flag":false,
                 "ticket":{"system":"jira","id":null}}""");

        assertEquals(List.of(), JsonShape.mismatches(body, Ticketed.class));
    }

    @Test
    void namesEveryMismatchInTheOrderGivenWithNestedPaths() throws Exception {
        JsonNode body = JSON.readTree("""
                {"name":5,"count":2147483648,"id":1.5,"flag":"true","ticket":{"system":[],"extra":1},
                 "other":null}""");

        assertEquals(List.of(
                new InvalidField("name", "has the wrong type: expected a string"),
                new InvalidField("count", "has the wrong type: expected a whole number"),
                new InvalidField("id", "has the wrong type: expected a whole number"),
                new InvalidField("flag", "has the wrong type: expected true or false"),
                new InvalidField("ticket.system", "has the wrong type: expected a string"),
                new InvalidField("ticket.extra", "is not a known field"),
                new InvalidField("other", "is not a known field")), JsonShape.mismatches(body, Ticketed.class));
    }

    @Test
    void aNestedRecordMustBeAnObject() throws Exception {
        assertEquals(List.of(new InvalidField("ticket", "has the wrong type: expected an object")),
                JsonShape.mismatches(JSON.readTree("{\"ticket\":\"IT-1\"}"), Ticketed.class));
    }
}
