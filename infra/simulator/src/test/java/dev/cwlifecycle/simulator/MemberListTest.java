package dev.cwlifecycle.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemberListTest {

    private static final int SEEDED = 1200;
    private static final String FORWARD_ONLY = "pagination-type";
    private static ConnectWiseSimulator simulator;
    private static ApiSession acme;

    @BeforeAll
    static void start() {
        simulator = ConnectWiseSimulator.builder().seedMembers(SEEDED).start();
        acme = ApiSession.acme(simulator);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void aPlainListGivesTheFirst25WithNextFirstAndLastLinks() {
        HttpResponse<String> page = acme.get("/system/members");

        JsonNode members = ApiSession.json(page);
        assertEquals(25, members.size());
        assertEquals(ConnectWiseSimulator.FIRST_MEMBER_ID, members.get(0).get("id").asLong());
        String base = simulator.apiBase() + "/system/members?";
        assertEquals("<" + base + "page=2>; rel=\"next\", <" + base + "page=1>; rel=\"first\", <" + base
                + "page=48>; rel=\"last\"", page.headers().firstValue("link").orElseThrow());
    }

    @Test
    void aMiddlePageLinksBothWaysKeepingTheOtherParameters() {
        String link = acme.get("/system/members?pageSize=100&page=3&orderBy=id%20desc").headers()
                .firstValue("link").orElseThrow();

        String base = simulator.apiBase() + "/system/members?pageSize=100&orderBy=id%20desc&";
        assertEquals("<" + base + "page=2>; rel=\"prev\", <" + base + "page=4>; rel=\"next\", <" + base
                + "page=1>; rel=\"first\", <" + base + "page=12>; rel=\"last\"", link);
    }

    @Test
    void theLastPageHasNoNextLink() {
        HttpResponse<String> last = acme.get("/system/members?pageSize=500&page=3");

        assertEquals(200, ApiSession.json(last).size());
        assertFalse(last.headers().firstValue("link").orElseThrow().contains("rel=\"next\""));
    }

    @Test
    void pageSizeIsCappedAt1000() {
        assertEquals(1000, ApiSession.json(acme.get("/system/members?pageSize=5000")).size());
    }

    @Test
    void forwardOnlyPagingWalksIdsAfterPageIdAndLinksTheNextPageId() {
        HttpResponse<String> first = acme.get("/system/members?pageSize=500", FORWARD_ONLY, "forward-only");
        long lastOfFirst = ApiSession.json(first).get(499).get("id").asLong();
        HttpResponse<String> second = acme.get("/system/members?pageSize=500&pageId=" + lastOfFirst,
                FORWARD_ONLY, "forward-only");
        long lastOfSecond = ApiSession.json(second).get(499).get("id").asLong();
        HttpResponse<String> third = acme.get("/system/members?pageSize=500&pageId=" + lastOfSecond,
                FORWARD_ONLY, "forward-only");
        long lastOfThird = ApiSession.json(third).get(199).get("id").asLong();
        HttpResponse<String> beyond = acme.get("/system/members?pageSize=500&pageId=" + lastOfThird,
                FORWARD_ONLY, "forward-only");

        assertEquals("<" + simulator.apiBase() + "/system/members?pageSize=500&pageId=" + lastOfFirst + ">; rel=\"next\"",
                first.headers().firstValue("link").orElseThrow());
        assertEquals(lastOfFirst + 1, ApiSession.json(second).get(0).get("id").asLong());
        assertEquals(200, ApiSession.json(third).size());
        assertTrue(third.headers().firstValue("link").orElseThrow().contains("pageId=" + lastOfThird));
        assertEquals("[]", beyond.body());
        assertTrue(beyond.headers().firstValue("link").isEmpty());
    }

    @Test
    void forwardOnlyIsImmuneToRecordsLeavingTheResultDuringTheScan() {
        String activeOnly = "&conditions=" + URLEncoder.encode("inactiveFlag=false", StandardCharsets.UTF_8);
        long expected = ApiSession.json(acme.get("/system/members/count?" + activeOnly.substring(1))).get("count").asLong();
        List<Long> seen = new ArrayList<>();
        long pageId = 0;
        boolean deactivatedOne = false;
        while (true) {
            JsonNode page = ApiSession.json(acme.get("/system/members?pageSize=300&pageId=" + pageId + activeOnly,
                    FORWARD_ONLY, "forward-only"));
            if (page.isEmpty()) {
                break;
            }
            page.forEach(member -> seen.add(member.get("id").asLong()));
            pageId = seen.get(seen.size() - 1);
            if (!deactivatedOne) {
                simulator.members("acme").update(seen.get(0), member -> member.put("inactiveFlag", true));
                deactivatedOne = true;
            }
        }

        assertEquals(expected, seen.size());
        assertEquals(seen.size(), seen.stream().distinct().count());
    }

    @Test
    void orderByIsRefusedInForwardOnlyMode() {
        HttpResponse<String> refused = acme.get("/system/members?orderBy=lastName%20asc", FORWARD_ONLY, "forward-only");

        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("orderBy"));
    }

    @Test
    void orderByLastNameThenIdDescending() {
        JsonNode members = ApiSession.json(acme.get("/system/members?pageSize=1000&orderBy=lastName%20asc,id%20desc"));

        Collator collation = Collator.getInstance(Locale.ROOT);
        collation.setStrength(Collator.SECONDARY);
        for (int i = 1; i < members.size(); i++) {
            String previous = members.get(i - 1).get("lastName").asText();
            String current = members.get(i).get("lastName").asText();
            int order = collation.compare(previous, current);
            assertTrue(order < 0 || (order == 0
                    && members.get(i - 1).get("id").asLong() > members.get(i).get("id").asLong()), previous + " / " + current);
        }
    }

    @Test
    void fieldsGivesSparseRecordsIncludingNestedPaths() {
        JsonNode member = ApiSession.json(acme.get("/system/members?pageSize=1&fields=id,identifier,_info/lastUpdated")).get(0);

        assertEquals(List.of("id", "identifier", "_info"), names(member));
        assertEquals(List.of("lastUpdated"), names(member.get("_info")));
    }

    @Test
    void conditionsFilterListsAndCounts() {
        String conditions = URLEncoder.encode("inactiveFlag=true and licenseClass=\"F\"", StandardCharsets.UTF_8);

        long count = ApiSession.json(acme.get("/system/members/count?conditions=" + conditions)).get("count").asLong();
        JsonNode members = ApiSession.json(acme.get("/system/members?pageSize=1000&conditions=" + conditions));

        assertTrue(count > 10 && count < SEEDED / 4, "seeded about 10% inactive: " + count);
        assertEquals(count, members.size());
        members.forEach(member -> {
            assertTrue(member.get("inactiveFlag").asBoolean());
            assertEquals("F", member.get("licenseClass").asText());
        });
    }

    @Test
    void conditionsOnNestedPathsAndTheLastUpdatedAlias() {
        JsonNode newest = ApiSession.json(acme.get("/system/members?pageSize=1&orderBy="
                + URLEncoder.encode("_info/lastUpdated desc", StandardCharsets.UTF_8))).get(0);
        String since = newest.at("/_info/lastUpdated").asText();

        JsonNode after = ApiSession.json(acme.get("/system/members?conditions="
                + URLEncoder.encode("lastUpdated>=[" + since + "]", StandardCharsets.UTF_8)));
        long admins = ApiSession.json(acme.get("/system/members/count?conditions="
                + URLEncoder.encode("securityRole/id=1", StandardCharsets.UTF_8))).get("count").asLong();

        assertTrue(after.size() >= 1);
        assertEquals(newest.get("id"), after.get(0).get("id"));
        assertTrue(admins > 0 && admins < SEEDED / 10, "a few admins: " + admins);
    }

    @Test
    void malformedConditionsAre400WithTheParsersMessage() {
        HttpResponse<String> unbalanced = acme.get("/system/members?conditions="
                + URLEncoder.encode("(identifier=\"x\"", StandardCharsets.UTF_8));
        HttpResponse<String> unknownField = acme.get("/system/members/count?conditions="
                + URLEncoder.encode("emailAddress=\"a@b.example\"", StandardCharsets.UTF_8));

        assertEquals(400, unbalanced.statusCode());
        assertEquals("InvalidObject", ApiSession.json(unbalanced).get("code").asText());
        assertTrue(ApiSession.json(unbalanced).get("message").asText().startsWith("conditions: "));
        assertEquals(400, unknownField.statusCode());
        assertTrue(unknownField.body().contains("emailAddress"), unknownField.body());
    }

    @Test
    void invalidPagingParametersAre400() {
        assertEquals(400, acme.get("/system/members?page=0").statusCode());
        assertEquals(400, acme.get("/system/members?pageSize=abc").statusCode());
        assertEquals(400, acme.get("/system/members?pageId=-1", FORWARD_ONLY, "forward-only").statusCode());
    }

    @Test
    void countAnswersTheTotal() {
        assertEquals("{\"count\":" + simulator.members("acme").size() + "}", acme.get("/system/members/count").body());
    }

    @Test
    void securityRolesAreListedCountedAndFetchedWithConditions() {
        JsonNode roles = ApiSession.json(acme.get("/system/securityroles?pageSize=100"));
        JsonNode admin = ApiSession.json(acme.get("/system/securityroles/1"));
        JsonNode active = ApiSession.json(acme.get("/system/securityroles/count?conditions=inactiveFlag%3Dfalse"));
        HttpResponse<String> missing = acme.get("/system/securityroles/999");

        List<String> names = StreamSupport.stream(roles.spliterator(), false).map(role -> role.get("name").asText()).toList();
        assertTrue(names.containsAll(List.of("Admin", "Technician", "Dispatch", "Sales", "Finance", "Project Manager",
                "Service Manager", "Executive", "API Member")), names.toString());
        assertEquals(List.of("id", "name", "roleType", "adminFlag", "inactiveFlag", "_info"), names(admin));
        assertTrue(admin.get("adminFlag").asBoolean());
        assertEquals(roles.size() - 1, active.get("count").asInt());
        assertEquals(404, missing.statusCode());
    }

    @Test
    void seededMembersLookLikeARealCompany() {
        List<JsonNode> members = simulator.members("acme").all().stream().map(JsonNode.class::cast).toList();

        long inactive = members.stream().filter(member -> member.get("inactiveFlag").asBoolean()).count();
        long full = members.stream().filter(member -> member.get("licenseClass").asText().equals("F")).count();
        assertTrue(inactive > SEEDED * 0.05 && inactive < SEEDED * 0.15, "inactive " + inactive);
        assertTrue(full > SEEDED * 0.75, "license F " + full);
        assertTrue(members.stream().anyMatch(member -> !member.get("lastName").asText().matches("[A-Za-z' -]+")));
        assertEquals(SEEDED, members.stream().map(member -> member.get("identifier").asText()).distinct().count());
        members.forEach(member -> {
            String identifier = member.get("identifier").asText();
            assertTrue(identifier.matches("[a-z0-9]{1,15}"), identifier);
            assertEquals(identifier + "@acme.example", member.get("officeEmail").asText());
        });
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
