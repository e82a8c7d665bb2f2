package dev.cwlifecycle.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemberCreateTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final AtomicInteger PEOPLE = new AtomicInteger();
    private static ConnectWiseSimulator simulator;
    private static ApiSession acme;

    @BeforeAll
    static void start() {
        simulator = ConnectWiseSimulator.builder().seedMembers(20).clock(Clock.fixed(NOW, ZoneOffset.UTC)).start();
        acme = ApiSession.acme(simulator);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void createsWith201TheFullMemberAndTheServersStamps() {
        HttpResponse<String> created = acme.post("/system/members", MemberFixtures.newMember("cnew1"));

        assertEquals(201, created.statusCode());
        JsonNode member = ApiSession.json(created);
        assertTrue(member.get("id").asLong() > 0);
        assertEquals("cnew1", member.get("identifier").asText());
        assertEquals("Technician", member.at("/securityRole/name").asText());
        assertEquals("Office", member.get("defaultEmail").asText());
        assertEquals("Office", member.get("defaultPhone").asText());
        assertEquals(MemberFixtures.HIRE_DATE, member.get("hireDate").asText());
        assertFalse(member.get("inactiveFlag").asBoolean());
        assertEquals("2026-03-01T12:00:00Z", member.at("/_info/lastUpdated").asText());
        assertEquals("apimember", member.at("/_info/updatedBy").asText());
        assertEquals(member, ApiSession.json(acme.get("/system/members/" + member.get("id").asLong())));
    }

    @ParameterizedTest
    @MethodSource("dev.cwlifecycle.simulator.MemberFixtures#required")
    void eachRequiredFieldIsReportedAsMissingRequiredField(String field) {
        ObjectNode member = next();
        member.remove(field);

        HttpResponse<String> refused = acme.post("/system/members", member);

        MemberFixtures.assertMissingOnly(field, refused);
    }

    @Test
    void anEmptyMemberIsRefusedNamingEveryRequiredFieldAndNoOther() {
        HttpResponse<String> refused = acme.post("/system/members", "{}");

        JsonNode errors = ApiSession.json(refused).get("errors");
        assertEquals(400, refused.statusCode());
        assertEquals(List.of(MemberFixtures.REQUIRED),
                StreamSupport.stream(errors.spliterator(), false).map(error -> error.get("field").asText()).toList());
        errors.forEach(error -> assertEquals("MissingRequiredField", error.get("code").asText()));
    }

    @Test
    void theSpecsMemberFieldsAreAcceptedAndRenderedWithReferencesByName() {
        ObjectNode member = next().put("middleInitial", "Q").put("title", "Engineer").put("mobileEmail", "m@x.example")
                .put("homeEmail", "h@x.example").put("officePhone", "5550100").put("mobilePhone", "5550101")
                .put("homePhone", "5550102").put("inactiveFlag", false).put("notes", "n");
        member.putObject("structureLevel").put("id", 1);
        member.putObject("securityLocation").put("id", 2);
        member.putObject("workRole").put("id", 3);
        member.putObject("workType").put("id", 4);

        HttpResponse<String> created = acme.post("/system/members", member);

        assertEquals(201, created.statusCode(), created.body());
        JsonNode body = ApiSession.json(created);
        member.fieldNames().forEachRemaining(field -> assertTrue(body.has(field), field));
        assertEquals("Corporate", body.at("/structureLevel/name").asText());
        assertEquals("Branch Office", body.at("/securityLocation/name").asText());
        assertEquals("Project Manager", body.at("/workRole/name").asText());
        assertEquals("Onsite", body.at("/workType/name").asText());
        assertTrue(body.at("/workRole/_info/workRole_href").asText().endsWith("/time/workRoles/3"), body.toString());
    }

    @Test
    void aPasswordIsAcceptedUpTo60CharactersAndNeverRendered() {
        HttpResponse<String> created = acme.post("/system/members", next().put("password", "p".repeat(60)));
        HttpResponse<String> tooLong = acme.post("/system/members", next().put("password", "p".repeat(61)));

        assertEquals(201, created.statusCode(), created.body());
        assertFalse(created.body().contains("password"), created.body());
        long id = ApiSession.json(created).get("id").asLong();
        assertFalse(acme.get("/system/members/" + id).body().contains("password"));
        assertEquals("password", ApiSession.json(tooLong).at("/errors/0/field").asText());
    }

    @ParameterizedTest
    @CsvSource({"identifier,16", "firstName,31", "lastName,31", "title,51", "middleInitial,2", "officePhone,16",
            "mobilePhone,16", "homePhone,16"})
    void fieldsOverTheirMaximumLengthAreRefused(String field, int length) {
        ObjectNode member = next();
        member.put(field, "x".repeat(length));

        HttpResponse<String> refused = acme.post("/system/members", member);

        assertEquals(400, refused.statusCode());
        assertEquals(field, ApiSession.json(refused).at("/errors/0/field").asText());
    }

    @Test
    void fieldsAtTheirMaximumLengthAreAccepted() {
        ObjectNode member = next().put("identifier", "i" + "x".repeat(12) + PEOPLE.incrementAndGet() % 10 + "z")
                .put("firstName", "f".repeat(30)).put("lastName", "l".repeat(30)).put("title", "t".repeat(50))
                .put("middleInitial", "Q").put("officePhone", "5".repeat(15))
                .put("mobileEmail", "m".repeat(240) + "@x.example");

        HttpResponse<String> created = acme.post("/system/members", member);

        assertEquals(201, created.statusCode(), created.body());
    }

    @Test
    void anEmailOver250CharactersAndAMalformedEmailAreRefused() {
        HttpResponse<String> tooLong = acme.post("/system/members", next().put("homeEmail", "h".repeat(245) + "@x.example"));
        HttpResponse<String> malformed = acme.post("/system/members", next().put("officeEmail", "not-an-address"));

        assertEquals("homeEmail", ApiSession.json(tooLong).at("/errors/0/field").asText());
        assertEquals("officeEmail", ApiSession.json(malformed).at("/errors/0/field").asText());
    }

    @Test
    void licenseClassMustBeOneOfConnectWisesFour() {
        HttpResponse<String> refused = acme.post("/system/members", next().put("licenseClass", "Z"));

        assertEquals(400, refused.statusCode());
        assertEquals("licenseClass", ApiSession.json(refused).at("/errors/0/field").asText());
    }

    @Test
    void everyReferencedSetupRecordMustExist() {
        ObjectNode member = next();
        List<String> references = List.of("securityRole", "type", "defaultLocation", "defaultDepartment",
                "structureLevel", "securityLocation", "workRole", "workType");
        references.forEach(field -> member.putObject(field).put("id", 999));

        JsonNode errors = ApiSession.json(acme.post("/system/members", member)).get("errors");

        assertEquals(references,
                StreamSupport.stream(errors.spliterator(), false).map(error -> error.get("field").asText()).toList());
    }

    @Test
    void unknownPropertiesAreIgnoredAsAspNetDoesButNamedInTheRequestLog() {
        ObjectNode member = next();
        member.put("emailAddress", "someone@acme.example");
        member.putObject("role").put("id", 2);
        member.putObject("reportsTo").put("id", 101).put("idd", 1);

        HttpResponse<String> created = acme.post("/system/members", member);

        assertEquals(201, created.statusCode(), created.body());
        assertFalse(ApiSession.json(created).has("emailAddress"));
        assertEquals(List.of("emailAddress", "role", "reportsTo.idd"), lastRequest().ignoredProperties());
    }

    @Test
    void everyFieldOfTheSpecsMemberIsAccepted() {
        ObjectNode member = next();
        SpecSchema.document().at("/$defs/Member/properties").fieldNames().forEachRemaining(field -> {
            if (!member.has(field) && !List.of("id", "_info", "reportsTo", "timeApprover", "expenseApprover")
                    .contains(field)) {
                member.putNull(field);
            }
        });
        member.put("adminFlag", false).put("officeExtension", "123").put("employeeIdentifer", "E-17");
        member.putObject("country").put("id", 1);

        HttpResponse<String> created = acme.post("/system/members", member);

        assertEquals(201, created.statusCode(), created.body());
        assertEquals(List.of(), lastRequest().ignoredProperties());
    }

    @Test
    void aDuplicateIdentifierIsObjectExistsIgnoringCase() {
        ObjectNode first = next();
        assertEquals(201, acme.post("/system/members", first).statusCode());
        ObjectNode sameIdentifier = next().put("identifier", first.get("identifier").asText().toUpperCase());

        HttpResponse<String> identifierTaken = acme.post("/system/members", sameIdentifier);

        assertEquals(400, identifierTaken.statusCode());
        assertEquals("ObjectExists", ApiSession.json(identifierTaken).at("/errors/0/code").asText());
        assertEquals("identifier", ApiSession.json(identifierTaken).at("/errors/0/field").asText());
    }

    @Test
    void officeEmailIsNotUniqueByDefaultAsOnRealSites() {
        ObjectNode first = next();
        assertEquals(201, acme.post("/system/members", first).statusCode());

        HttpResponse<String> shared = acme.post("/system/members",
                next().put("officeEmail", first.get("officeEmail").asText().toUpperCase()));

        assertEquals(201, shared.statusCode(), shared.body());
    }

    @Test
    void aSwitchKeepsTheOldUniqueOfficeEmail() {
        try (ConnectWiseSimulator unique = ConnectWiseSimulator.builder().uniqueOfficeEmail(true).start()) {
            ApiSession site = ApiSession.acme(unique);
            ObjectNode first = next();
            assertEquals(201, site.post("/system/members", first).statusCode());

            HttpResponse<String> emailTaken = site.post("/system/members",
                    next().put("officeEmail", first.get("officeEmail").asText().toUpperCase()));

            assertEquals(400, emailTaken.statusCode());
            assertEquals("ObjectExists", ApiSession.json(emailTaken).at("/errors/0/code").asText());
            assertEquals("officeEmail", ApiSession.json(emailTaken).at("/errors/0/field").asText());
        }
    }

    @Test
    void aFullMemberTakesAPaidSeatAndAnApiMemberDoesNot() {
        SimMembers members = simulator.members("acme");
        int seats = members.activeFullSeats();

        acme.post("/system/members", next());
        int afterFull = members.activeFullSeats();
        acme.post("/system/members", next().put("licenseClass", "A"));

        assertEquals(seats + 1, afterFull);
        assertEquals(afterFull, members.activeFullSeats());
    }

    @Test
    void aBodyThatIsNotJsonIs400() {
        HttpResponse<String> refused = acme.post("/system/members", "{not json");

        assertEquals(400, refused.statusCode());
        assertEquals("InvalidObject", ApiSession.json(refused).get("code").asText());
    }

    @Test
    void testsCreateThroughSimMembersWithTheSameValidationAndTheMemberScreensDefaults() {
        SimMembers members = simulator.members("acme");
        ObjectNode form = next();
        form.remove(List.of("hireDate", "defaultEmail", "defaultPhone"));

        ObjectNode created = members.create(form);
        ApiFailure refused = assertThrows(ApiFailure.class,
                () -> members.create(next().put("licenseClass", "Q")));

        assertEquals(SimMembers.CONSOLE_USER, created.at("/_info/updatedBy").asText());
        assertEquals("2026-03-01T00:00:00Z", created.get("hireDate").asText());
        assertEquals("Office", created.get("defaultEmail").asText());
        assertEquals("Office", created.get("defaultPhone").asText());
        assertEquals(400, refused.status());
        assertEquals("licenseClass", refused.body().at("/errors/0/field").asText());
    }

    private static ObjectNode next() {
        return MemberFixtures.newMember("cnext" + PEOPLE.incrementAndGet());
    }

    private static RecordedRequest lastRequest() {
        List<RecordedRequest> all = simulator.requestLog().all();
        return all.get(all.size() - 1);
    }
}