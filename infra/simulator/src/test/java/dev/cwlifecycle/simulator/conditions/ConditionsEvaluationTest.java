package dev.cwlifecycle.simulator.conditions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ConditionsEvaluationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final JsonNode BOB = member("""
            {"id":45,"identifier":"bjones","firstName":"Bob","lastName":"Jones","inactiveFlag":false,
             "officeEmail":"b@x.com","inactiveDate":"2026-03-01T00:00:00.250Z","title":null,"hourlyRate":42.5,"notes":"C:\\\\temp\\\\",
             "securityRole":{"id":3,"name":"Technician"},
             "_info":{"lastUpdated":"2026-01-01T10:00:00Z","updatedBy":"admin1"}}""");

    static Stream<Arguments> expressions() {
        return Stream.of(
                // strings: '=' ignores case, whitespace around operators is optional
                arguments("identifier=\"bjones\"", true),
                arguments("identifier = \"bjones\"", true),
                arguments("identifier=\"BJones\"", true),
                arguments("identifier=\"bjone\"", false),
                arguments("identifier!=\"bjones\"", false),
                arguments("identifier != \"someone\"", true),
                arguments("lastName < \"k\"", true),
                arguments("lastName > \"JONES\"", false),
                arguments("lastName >= \"jones\"", true),
                // a backslash is literal and there is no escape: the string ends at the next quote
                arguments("notes=\"C:\\temp\\\"", true),
                arguments("notes=\"C:\\temp\\\" and id=45", true),
                // numbers
                arguments("id=45", true),
                arguments("id=46", false),
                arguments("id=45.0", true),
                arguments("id!=45", false),
                arguments("id>44", true),
                arguments("id>45", false),
                arguments("id>=45", true),
                arguments("id<46", true),
                arguments("id<=44", false),
                arguments("id>-3", true),
                arguments("id<-3", false),
                arguments("hourlyRate=42.5", true),
                arguments("hourlyRate>42.4", true),
                arguments("hourlyRate<42.5", false),
                arguments("hourlyRate=42", false),
                // booleans, keywords in any case
                arguments("inactiveFlag=false", true),
                arguments("inactiveFlag=true", false),
                arguments("inactiveFlag!=true", true),
                arguments("inactiveFlag = FALSE", true),
                // null: JSON null and a missing field are both null; '!=' on a missing field is true
                arguments("title=null", true),
                arguments("middleName = null", true),
                arguments("identifier=null", false),
                arguments("identifier != null", true),
                arguments("middleName != null", false),
                arguments("middleName != \"x\"", true),
                arguments("middleName = \"x\"", false),
                arguments("middleName > 3", false),
                arguments("middleName like \"*\"", false),
                arguments("middleName not like \"x*\"", true),
                arguments("middleName in (\"a\")", false),
                arguments("middleName not in (\"a\")", true),
                arguments("middleName in (null, \"a\")", true),
                // a field of another type never matches, whichever way the operator points
                arguments("identifier = 5", false),
                arguments("identifier != 5", false),
                arguments("id = \"45\"", false),
                arguments("id != \"45\"", false),
                arguments("inactiveFlag = \"false\"", false),
                arguments("id contains \"4\"", false),
                arguments("id not contains \"4\"", false),
                arguments("securityRole = 3", false),
                arguments("securityRole != 3", false),
                arguments("identifier > [2020-01-01]", false),
                arguments("_info/updatedBy < [2030-01-01]", false),
                // contains: case-insensitive substring, '*' literal
                arguments("officeEmail contains \"@X.\"", true),
                arguments("officeEmail contains \"y\"", false),
                arguments("officeEmail not contains \"y\"", true),
                arguments("firstName contains \"\"", true),
                arguments("identifier contains \"*\"", false),
                // like: '*' is the only wildcard, case-insensitive, anchored at both ends
                arguments("identifier like \"bjo*\"", true),
                arguments("identifier like \"BJO*\"", true),
                arguments("identifier like \"*nes\"", true),
                arguments("identifier like \"b*n*s\"", true),
                arguments("identifier like \"b*x*s\"", false),
                arguments("identifier like \"bjones\"", true),
                arguments("identifier like \"bjo\"", false),
                arguments("identifier like \"*\"", true),
                arguments("identifier like \"bjones*\"", true),
                arguments("identifier like \"bj*jones\"", false),
                arguments("identifier like \"*o*o*\"", false),
                arguments("officeEmail like \"b%x.com\"", false),
                arguments("identifier not like \"x*\"", true),
                arguments("identifier not like \"b*\"", false),
                // in
                arguments("id in (1,2,45)", true),
                arguments("id in (1, 2)", false),
                arguments("id not in (1,2)", true),
                arguments("id not in (45)", false),
                arguments("identifier in (\"a\",\"BJONES\")", true),
                arguments("id in (\"45\")", false),
                arguments("id not in (\"45\")", false),
                arguments("id in (\"x\", 45)", true),
                // nested paths
                arguments("securityRole/id=3", true),
                arguments("securityRole/name=\"technician\"", true),
                arguments("securityRole/id=5", false),
                arguments("securityRole/missing = null", true),
                arguments("identifier/x = null", true),
                // date-times: compared as instants; no zone means UTC, a date alone is midnight UTC
                arguments("_info/lastUpdated>[2026-01-01T00:00:00Z]", true),
                arguments("_info/lastUpdated>[2026-01-01T10:00:00Z]", false),
                arguments("_info/lastUpdated>=[2026-01-01T10:00:00Z]", true),
                arguments("_info/lastUpdated>=[2026-01-01T10:00:00.000Z]", true),
                arguments("_info/lastUpdated=[2026-01-01T10:00:00]", true),
                arguments("_info/lastUpdated=[2026-01-01T11:00:00+01:00]", true),
                arguments("_info/lastUpdated<[2026-01-02]", true),
                arguments("_info/lastUpdated<[2026-01-01]", false),
                arguments("_info/lastUpdated in ([2026-01-01T10:00:00Z])", true),
                arguments("_info/lastUpdated=[2026-01-01T10:00]", true),
                arguments("_info/lastUpdated=[2026-01-01T05:00:00-05:00]", true),
                arguments("_info/lastUpdated=[ 2026-01-01T10:00:00Z ]", true),
                arguments("inactiveDate>[2026-03-01T00:00:00.249Z]", true),
                arguments("inactiveDate<[2026-03-01T00:00:00.25Z]", false),
                arguments("inactiveDate=[2026-03-01T00:00:00.250000000Z]", true),
                // the bare alias lastUpdated is _info/lastUpdated
                arguments("lastUpdated>[2026-01-01T00:00:00Z]", true),
                arguments("lastUpdated<[2026-01-01T00:00:00Z]", false),
                // keywords are case-insensitive
                arguments("identifier LIKE \"bjo*\" AND id IN (45)", true),
                arguments("id=1 OR id=45", true),
                arguments("identifier CONTAINS \"jon\"", true),
                arguments("id NOT IN (1)", true),
                // 'and' binds tighter than 'or'; parentheses group
                arguments("id=1 and id=2 or id=45", true),
                arguments("id=45 or id=1 and id=2", true),
                arguments("(id=45 or id=1) and id=2", false),
                arguments("id=1 and (id=2 or id=45)", false),
                arguments("id=45 and (id=2 or id=45)", true),
                arguments("identifier=\"x\" or identifier=\"y\" or firstName=\"bob\"", true),
                arguments("id=45 and inactiveFlag=false and securityRole/id=4", false),
                arguments("  ( ( id = 45 ) )  ", true),
                // a leading 'not' negates a group
                arguments("not (id=1)", true),
                arguments("not (id=45 or id=1)", false),
                arguments("NOT(id=1 and id=45)", true),
                arguments("not (middleName = \"x\")", true));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("expressions")
    void evaluatesAgainstMember(String conditions, boolean expected) {
        assertEquals(expected, Conditions.parse(conditions).test(BOB));
    }

    @Test
    void fieldNamesAreCaseSensitive() {
        // GIVEN a member with "identifier", WHEN the condition names "Identifier" (no such field)
        Condition condition = Conditions.parse("Identifier=\"bjones\"");

        // THEN it is a missing field: no match for '=', a match for '!='
        assertEquals(false, condition.test(BOB));
        assertEquals(true, Conditions.parse("Identifier!=\"bjones\"").test(BOB));
    }

    @Test
    void filtersAListOfMembers() {
        // GIVEN three members
        List<JsonNode> members = List.of(
                BOB,
                member("{\"id\":46,\"identifier\":\"admin1\",\"inactiveFlag\":false,\"securityRole\":{\"id\":1,\"name\":\"Admin\"}}"),
                member("{\"id\":47,\"identifier\":\"tech2\",\"inactiveFlag\":true,\"securityRole\":{\"id\":3,\"name\":\"Technician\"}}"));

        // WHEN one parsed condition filters them
        Condition condition = Conditions.parse(
                "inactiveFlag=false and (securityRole/name=\"technician\" or identifier like \"adm*\")");
        List<Integer> ids = members.stream().filter(condition).map(member -> member.get("id").intValue()).toList();

        // THEN only the active ones matching either alternative remain, in order
        assertEquals(List.of(45, 46), ids);
    }

    @Test
    void filtersOneHundredThousandMembersQuickly() {
        // GIVEN 100,000 members, one in ten a Technician, updated a minute apart
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<JsonNode> members = IntStream.range(0, 100_000).mapToObj(i -> {
            ObjectNode member = JSON.createObjectNode().put("id", i).put("identifier", "user" + i)
                    .put("inactiveFlag", i % 2 == 0);
            member.putObject("securityRole").put("id", i % 10 == 0 ? 3 : 1);
            member.putObject("_info").put("lastUpdated", start.plusSeconds(60L * i).toString());
            return (JsonNode) member;
        }).toList();
        Condition condition = Conditions.parse("securityRole/id=3 and identifier like \"user*0\" "
                + "and lastUpdated>=[2026-01-02T00:00:00Z] and id not in (1440, 2880)");

        // WHEN filtering them all THEN it takes well under a request's budget and finds every match
        long matches = assertTimeout(Duration.ofSeconds(5), () -> members.stream().filter(condition).count());
        // ids from 1440 (one day of minutes) that end in 0, less the two excluded
        assertEquals((100_000 - 1440) / 10 - 2, matches);
    }

    private static JsonNode member(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
