package dev.cwlifecycle.simulator.conditions;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ConditionsSyntaxTest {

    private static final Set<String> MEMBER_FIELDS = Set.of("id", "identifier", "firstName", "inactiveFlag",
            "officeEmail", "securityRole", "_info");

    static Stream<Arguments> malformed() {
        return Stream.of(
                arguments("", "Empty conditions"),
                arguments("   ", "Empty conditions"),
                arguments("(id=1", "Unbalanced '(': missing ')' at position 0"),
                arguments("((id=1)", "Unbalanced '(': missing ')' at position 0"),
                arguments("id=1)", "Unbalanced ')' at position 4"),
                arguments("(id=1 id=2)", "Expected ')' to close the '(' at position 0 but found 'id' at position 6"),
                arguments("id=1 and", "Dangling 'and' with no condition after it at position 5"),
                arguments("id=1 or (id=2 and)", "Dangling 'and' with no condition after it at position 14"),
                arguments("id=1 AND or id=2", "Dangling 'AND' with no condition after it at position 5"),
                arguments("id=1 or", "Dangling 'or' with no condition after it at position 5"),
                arguments("and id=1", "Expected a field name but found 'and' at position 0"),
                arguments("=5", "Expected a field name but found '=' at position 0"),
                arguments("()", "Expected a field name but found ')' at position 1"),
                arguments("id=", "Missing value after '=' at position 3"),
                arguments("id= and x=1", "Missing value after '=', found 'and' at position 4"),
                arguments("id", "Missing operator after field 'id' at position 2"),
                arguments("id 5", "Expected an operator after field 'id' but found '5' at position 3"),
                arguments("id == 5", "Unknown operator '==' at position 3"),
                arguments("id <> 5", "Unknown operator '<>' at position 3"),
                arguments("id eq 5", "Unknown operator 'eq' at position 3"),
                arguments("id not = 5", "Expected 'contains', 'like' or 'in' after 'not' but found '=' at position 7"),
                arguments("not id=1", "Expected '(' after 'not' but found 'id' at position 4"),
                arguments("id ~ 5", "Unexpected character '~' at position 3"),
                arguments("identifier=\"bjones", "Unterminated string starting at position 11"),
                arguments("identifier=\"a\" and id=\"b", "Unterminated string starting at position 22"),
                arguments("lastUpdated>[2026-01-01", "Unterminated date-time starting at position 12"),
                arguments("lastUpdated>[2026-13-01]", "Bad date-time '[2026-13-01]'"),
                arguments("lastUpdated>[2026-02-30]", "Bad date-time '[2026-02-30]'"),
                arguments("lastUpdated>[2026-01-01T25:00:00Z]", "Bad date-time '[2026-01-01T25:00:00Z]'"),
                arguments("lastUpdated>[2026-01-01T10:00:00+1]", "Bad date-time '[2026-01-01T10:00:00+1]'"),
                arguments("lastUpdated>[2026-01-01T10:00:00.Z]", "Bad date-time '[2026-01-01T10:00:00.Z]'"),
                arguments("lastUpdated>[2026-01-01 10:00:00]", "Bad date-time '[2026-01-01 10:00:00]'"),
                arguments("lastUpdated>[2026-1-01]", "Bad date-time '[2026-1-01]'"),
                arguments("lastUpdated>[]", "Bad date-time '[]'"),
                arguments("lastUpdated>[yesterday]", "Bad date-time '[yesterday]' (expected ISO-8601, e.g. "
                        + "[2026-01-01T00:00:00Z]) at position 12"),
                arguments("id in ()", "Empty list for 'in' at position 6"),
                arguments("id in (1,)", "Missing value after ',', found ')' at position 9"),
                arguments("id in (1 2)", "Expected ',' or ')' in the list but found '2' at position 9"),
                arguments("id in (1,2", "Unterminated list for 'in': missing ')' at position 6"),
                arguments("id in 1", "Expected '(' with a list after 'in' but found '1' at position 6"),
                arguments("id=1 xyz", "Unexpected token 'xyz' at position 5"),
                arguments("id=1 id=2", "Unexpected token 'id' at position 5"),
                arguments("identifier=bjones", "Unquoted value 'bjones' (strings need double quotes) at position 11"),
                arguments("id=1.5.2", "Bad number '1.5.2' at position 3"),
                arguments("id=-", "Bad number '-' at position 3"),
                arguments("id=12abc", "Bad number '12abc' at position 3"),
                arguments("securityRole//id=1", "Bad field path 'securityRole//id': empty segment at position 0"),
                arguments("securityRole/=1", "Bad field path 'securityRole/': empty segment at position 0"),
                arguments("identifier like 5", "Operator 'like' needs a quoted string, not '5' at position 16"),
                arguments("identifier contains true", "Operator 'contains' needs a quoted string, not 'true' at position 20"),
                arguments("id < true", "Operator '<' needs a string, number or date-time, not 'true' at position 5"),
                arguments("id >= null", "Operator '>=' needs a string, number or date-time, not 'null' at position 6"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void rejectsMalformedInput(String conditions, String problem) {
        ConditionsSyntaxException error = assertThrows(ConditionsSyntaxException.class,
                () -> Conditions.parse(conditions));

        assertTrue(error.getMessage().contains(problem),
                () -> "expected '" + problem + "' in '" + error.getMessage() + "'");
    }

    @Test
    void rejectsFieldNotKnownToTheMember() {
        // GIVEN the member's field names, WHEN a condition names another one (case counts), THEN it is refused
        ConditionsSyntaxException wrongCase = assertThrows(ConditionsSyntaxException.class,
                () -> Conditions.parse("Identifier=\"bjones\"", MEMBER_FIELDS));
        ConditionsSyntaxException later = assertThrows(ConditionsSyntaxException.class,
                () -> Conditions.parse("id=1 and nickname/first=\"x\"", MEMBER_FIELDS));

        assertEquals("Unknown field 'Identifier' at position 0", wrongCase.getMessage());
        assertEquals("Unknown field 'nickname' at position 9", later.getMessage());
    }

    @Test
    void acceptsKnownFieldsNestedPathsAndTheLastUpdatedAlias() throws Exception {
        // GIVEN known top-level fields without "lastUpdated"; only the first path segment is checked
        var member = new ObjectMapper().readTree(
                "{\"id\":45,\"securityRole\":{\"id\":3},\"_info\":{\"lastUpdated\":\"2026-01-01T10:00:00Z\"}}");

        // WHEN parsing conditions on known fields, a nested path and the alias THEN they parse and evaluate
        assertTrue(Conditions.parse("id=45 and securityRole/id=3", MEMBER_FIELDS).test(member));
        assertTrue(Conditions.parse("securityRole/name=null", MEMBER_FIELDS).test(member));
        assertTrue(Conditions.parse("lastUpdated>[2026-01-01]", MEMBER_FIELDS).test(member));
        assertTrue(Conditions.parse("_info/lastUpdated<[2026-01-02]", MEMBER_FIELDS).test(member));
    }
}
