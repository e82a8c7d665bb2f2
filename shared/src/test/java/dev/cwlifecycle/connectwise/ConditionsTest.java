package dev.cwlifecycle.connectwise;

import dev.cwlifecycle.connectwise.error.InvalidQueryException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;

import static dev.cwlifecycle.connectwise.Conditions.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConditionsTest {

    @Test
    void rendersEachValueKindTheWayConnectWiseParsesIt() {
        assertEquals("identifier=\"bjones\"", field("identifier").eq("bjones").toString());
        assertEquals("id=45", field("id").eq(45).toString());
        assertEquals("inactiveFlag=false", field("inactiveFlag").eq(false).toString());
        assertEquals("lastUpdated>[2026-01-01T10:00:00Z]",
                field("lastUpdated").gt(Instant.parse("2026-01-01T10:00:00.987Z")).toString());
        assertEquals("securityRole/id=5", field("securityRole/id").eq(5).toString());
        assertEquals("id in (1,2,3)", field("id").inIds(List.of(1L, 2L, 3L)).toString());
        assertEquals("identifier in (\"a\",\"b\")", field("identifier").in(List.of("a", "b")).toString());
        assertEquals("identifier like \"bjo*\"", field("identifier").startsWith("bjo").toString());
        assertEquals("lastName contains \"Mü\"", field("lastName").contains("Mü").toString());
    }

    @Test
    void parenthesisesAnOrInsideAnAnd() {
        Conditions either = field("identifier").startsWith("bjones").or(field("officeEmail").eq("b@x.example"));
        assertEquals("identifier like \"bjones*\" or officeEmail=\"b@x.example\"", either.toString());
        assertEquals("(identifier like \"bjones*\" or officeEmail=\"b@x.example\") and inactiveFlag=false",
                either.and(field("inactiveFlag").eq(false)).toString());
        assertEquals("id>1 and id!=3 and (id=4 or id=5)",
                Conditions.allOf(field("id").gt(1), field("id").ne(3), field("id").eq(4).or(field("id").eq(5)))
                        .toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bob\"or\"1", "back\\slash", "new\nline", "tab\there", "nul\u0000"})
    void refusesValuesConnectWiseCannotQuote(String value) {
        InvalidQueryException refused = assertThrows(InvalidQueryException.class, () -> field("identifier").eq(value));
        assertTrue(refused.getMessage().contains("identifier"), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1abc", "identifier=\"x\"", "a b", "securityRole/", "/id", "name)"})
    void refusesMalformedFieldPaths(String path) {
        assertThrows(InvalidQueryException.class, () -> field(path));
    }

    @Test
    void refusesAnEmptyInListAndAWildcardInAPrefix() {
        assertThrows(InvalidQueryException.class, () -> field("id").inIds(List.of()));
        assertThrows(InvalidQueryException.class, () -> field("identifier").startsWith("a*"));
        assertThrows(InvalidQueryException.class, () -> field("identifier").eq((String) null));
    }
}
