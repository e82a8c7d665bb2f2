package dev.cwlifecycle.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeederTest {

    private static final Instant NOW = Instant.parse("2026-06-15T10:00:00Z");

    @Test
    void theSameSeedGivesTheSameMembersAndAnotherSeedOthers() {
        try (ConnectWiseSimulator one = seeded(200, 7); ConnectWiseSimulator two = seeded(200, 7);
             ConnectWiseSimulator other = seeded(200, 8)) {
            assertEquals(membersOf(one), membersOf(two));
            assertEquals(one.callbacks().signingKey("acme"), two.callbacks().signingKey("acme"));
            assertNotEquals(membersOf(one), membersOf(other));
        }
    }

    @Test
    void seededDatesLieInThePastYearBeforeTheClocksNow() {
        try (ConnectWiseSimulator simulator = seeded(500, 1)) {
            simulator.members("acme").all().forEach(member -> {
                Instant lastUpdated = Instant.parse(member.at("/_info/lastUpdated").asText());
                assertTrue(lastUpdated.isBefore(NOW) && lastUpdated.isAfter(NOW.minus(Duration.ofDays(366))),
                        lastUpdated.toString());
                Instant hired = Instant.parse(member.get("hireDate").asText());
                assertTrue(!Instant.parse(member.at("/_info/dateEntered").asText()).isAfter(lastUpdated));
                assertTrue(hired.isBefore(lastUpdated));
                if (member.has("inactiveDate")) {
                    assertTrue(Instant.parse(member.get("inactiveDate").asText()).isAfter(hired));
                }
            });
        }
    }

    @Test
    void aHundredThousandMembersSeedAndPageByKey() {
        try (ConnectWiseSimulator simulator = seeded(100_000, 3)) {
            HttpResponse<String> lastPage = ApiSession.acme(simulator).get("/system/members?pageSize=1000&pageId="
                    + (ConnectWiseSimulator.FIRST_MEMBER_ID + 99_500), "pagination-type", "forward-only");

            assertEquals(100_000, simulator.members("acme").size());
            JsonNode page = ApiSession.json(lastPage);
            assertEquals(499, page.size());
        }
    }

    /** The members as JSON without the site's address, which differs between simulators. */
    private static String membersOf(ConnectWiseSimulator simulator) {
        return simulator.members("acme").all().toString().replace(simulator.baseUrl(), "");
    }

    private static ConnectWiseSimulator seeded(int members, long seed) {
        return ConnectWiseSimulator.builder().seedMembers(members).randomSeed(seed)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).start();
    }
}
