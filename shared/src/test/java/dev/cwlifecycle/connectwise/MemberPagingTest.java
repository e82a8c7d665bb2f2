package dev.cwlifecycle.connectwise;

import dev.cwlifecycle.connectwise.model.Member;
import dev.cwlifecycle.simulator.ConnectWiseSimulator;
import dev.cwlifecycle.simulator.RecordedRequest;
import dev.cwlifecycle.testing.FixedCredentials;
import dev.cwlifecycle.testing.TestConnectWiseConfig;
import dev.cwlifecycle.testing.MovableClock;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class MemberPagingTest {

    @RegisterExtension
    static final SimulatedSite SITE = new SimulatedSite(site -> site.seedMembers(2500));
    private static ConnectWiseSimulator simulator;
    private static ConnectWiseClient client;

    @BeforeAll
    static void start() {
        simulator = SITE.simulator();
        client = new ConnectWiseClients(TestConnectWiseConfig.defaults(),
                FixedCredentials.forSimulator(simulator.baseUrl()), new MovableClock()).forTenant("default");
    }

    @Test
    void pages2500MembersIn3KeysetRequestsOf1000() {
        List<Page<Member>> pages = client.memberPages(MemberQuery.all()).toList();

        assertEquals(List.of(1000, 1000, 500), pages.stream().map(page -> page.items().size()).toList());
        Set<Long> ids = pages.stream().flatMap(page -> page.items().stream()).map(Member::id).collect(Collectors.toSet());
        assertEquals(2500, ids.size());
        List<RecordedRequest> lists = simulator.requestLog().all().stream()
                .filter(request -> request.path().equals("/system/members")).toList();
        assertEquals(3, lists.size());
        lists.forEach(request -> {
            assertEquals("forward-only", request.headers().get("pagination-type"));
            assertEquals("1000", request.query().get("pageSize"));
        });
        assertNull(lists.get(0).query().get("pageId"));
        long lastOfFirstPage = pages.get(0).items().get(999).id();
        assertEquals(String.valueOf(lastOfFirstPage), lists.get(1).query().get("pageId"));
        assertNotNull(pages.get(0).serverDate());
    }

    @Test
    void readsLazilySoStoppingEarlyCostsNoFurtherPage() {
        List<Member> first = client.members(MemberQuery.all()).limit(10).toList();

        assertEquals(10, first.size());
        assertEquals(1, simulator.requestLog().count("GET", "/system/members"));
    }

    @Test
    void asksOnlyForTheFieldsGivenAndAlwaysForTheId() {
        Member member = client.members(MemberQuery.all().fields("identifier", "_info").pageSize(5)).findFirst()
                .orElseThrow();

        assertEquals("id,identifier,_info", simulator.requestLog().all().get(0).query().get("fields"));
        assertNotNull(member.id());
        assertNotNull(member.identifier());
        assertNull(member.firstName());
        assertTrue(member.lastUpdated().isBefore(Instant.now().plusSeconds(1)));
    }

    @Test
    void filtersWithConditionsAndCounts() {
        Conditions inactive = Conditions.field("inactiveFlag").eq(true);

        long count = client.countMembers(inactive);
        List<Member> members = client.members(MemberQuery.where(inactive)).toList();

        assertEquals(count, members.size());
        assertTrue(count > 0 && count < 2500, "seeded data has some inactive members: " + count);
        assertFalse(members.stream().anyMatch(Member::active));
        assertEquals("inactiveFlag=true", simulator.requestLog().all().get(0).query().get("conditions"));
    }
}
