package dev.cwlifecycle.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cwlifecycle.simulator.ConnectWiseSimulator;
import dev.cwlifecycle.simulator.Delivery;
import dev.cwlifecycle.simulator.SimMembers;
import dev.cwlifecycle.store.DirectoryEntry;
import dev.cwlifecycle.store.MemberDirectory;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The whole story of one technician, told through the local server as a real caller tells it, while ConnectWise
 * (the simulator) and the directory are watched from the side: provision by role name, the callback filling the
 * directory, a rename made in ConnectWise that only the incremental sync can see, a move to another role and title
 * (one JSON Patch of what differs), a read from the directory and one fresh from ConnectWise, deprovision, and the
 * licence seats before and after. Then a second joiner through SCIM, as Okta provisions her: looked up, created,
 * found, retitled and deactivated. Each step is printed; one that does not happen ends the story with
 * {@link StepFailed}.
 */
final class DemoStory {

    static final String FIRST_NAME = "Zoë";
    static final String LAST_NAME = "Lindqvist";
    static final String NEW_LAST_NAME = "Lindqvist-Okafor";
    static final String ROLE = "Technician";
    static final String NEW_ROLE = "Dispatch";
    static final String NEW_TITLE = "Dispatch lead";
    static final String SCIM_TITLE = "Field engineer";
    private static final String SCIM_MEDIA_TYPE = "application/scim+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(200);

    /**
     * What the story saw, for whoever wants to check it against ConnectWise and the directory: the directory entry
     * the sync wrote after the rename, the one the mover wrote, and the final one.
     */
    record Outcome(long memberId, String identifier, int seatsBefore, int seatsProvisioned, int seatsAfter,
                   DirectoryEntry renamed, DirectoryEntry moved, DirectoryEntry last, long scimMemberId) {
    }

    /** A step whose effect did not show. */
    static final class StepFailed extends RuntimeException {
        StepFailed(String message) {
            super(message);
        }
    }

    private record Answer(int status, JsonNode body) {
    }

    private final URI api;
    private final String token;
    private final String scimToken;
    private final String tenant;
    private final ConnectWiseSimulator simulator;
    private final String company;
    private final MemberDirectory directory;
    private final Duration patience;
    private final Duration syncInterval;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private int step;

    DemoStory(URI api, String token, String scimToken, String tenant, ConnectWiseSimulator simulator, String company,
              MemberDirectory directory, Duration patience, Duration syncInterval, PrintStream out) {
        this.api = api;
        this.token = token;
        this.scimToken = scimToken;
        this.tenant = tenant;
        this.simulator = simulator;
        this.company = company;
        this.directory = directory;
        this.patience = patience;
        this.syncInterval = syncInterval;
        this.out = out;
    }

    Outcome run() {
        out.println("== cw-lifecycle demo: one technician, from hire to exit ==");
        SimMembers members = simulator.members(company);
        int seatsBefore = members.activeFullSeats();
        step("Licence seats in use in ConnectWise (active members of class F): " + seatsBefore);

        String hire = "{\"firstName\":\"" + FIRST_NAME + "\",\"lastName\":\"" + LAST_NAME + "\",\"email\":\""
                + email() + "\",\"role\":\"" + ROLE + "\"}";
        step("Provision a technician, her role given by name: POST /members " + hire);
        Answer created = post("/members", hire);
        expect(created.status() == 201, "provisioning answered " + created.status() + ", not 201");
        long memberId = created.body().path("memberId").asLong();
        String identifier = created.body().path("identifier").asText();
        int seatsProvisioned = members.activeFullSeats();

        step("ConnectWise calls back, and the directory has her");
        Delivery added = awaitDelivery(memberId, payload -> "added".equals(payload.path("Action").asText()));
        detail("callback  " + describe(added));
        DirectoryEntry entry = awaitEntry(memberId, row -> row.identifier() != null, patience);
        detail("directory " + describe(entry));

        step("In ConnectWise itself her last name becomes " + NEW_LAST_NAME + "; callbacks are held back, so only "
                + "the incremental sync can bring the change");
        DirectoryEntry renamed;
        simulator.callbacks().hold();
        try {
            // lastUpdated has one-second resolution: a change within the same second would not count as newer
            awaitSecondAfter(entry.lastUpdated());
            members.update(memberId, member -> member.put("lastName", NEW_LAST_NAME));
            Instant changed = Instant.now();
            detail("waiting for the scheduled incremental sync (every " + syncInterval.toSeconds() + " s) ...");
            renamed = awaitEntry(memberId, row -> NEW_LAST_NAME.equals(row.lastName()), syncInterval.plus(patience));
            detail("directory " + describe(renamed) + " (" + Duration.between(changed, Instant.now()).toSeconds()
                    + " s later)");
        } finally {
            simulator.callbacks().release(false);
        }

        String move = "{\"role\":\"" + NEW_ROLE + "\",\"title\":\"" + NEW_TITLE + "\"}";
        step("She moves to dispatch: PATCH /members/" + identifier + " " + move + " (one JSON Patch of only what "
                + "differs; the rename made in ConnectWise is left alone)");
        awaitSecondAfter(renamed.lastUpdated());
        Answer moved = send("PATCH", "/members/" + identifier, move);
        expect(moved.status() == 200 && "updated".equals(moved.body().path("outcome").asText()),
                "the move answered " + moved.status() + ", not 200 with outcome updated");
        detail("answer    changed " + moved.body().path("changed") + " with "
                + moved.body().path("connectWiseRequests").asInt() + " ConnectWise requests (a read and one patch)");
        DirectoryEntry movedEntry = awaitEntry(memberId, row -> NEW_ROLE.equals(row.securityRole()), patience);
        detail("directory " + describe(movedEntry));

        step("Her ticketing tool reads her: GET /members/" + identifier + " answers from the directory (no "
                + "ConnectWise request); ?fresh=true re-reads her from ConnectWise (one request)");
        int readsBefore = memberReads(memberId, identifier);
        Answer read = get("/members/" + identifier);
        expect(read.status() == 200 && NEW_ROLE.equals(read.body().path("role").asText()),
                "the read answered " + read.status() + ", not 200 with role " + NEW_ROLE);
        expect(memberReads(memberId, identifier) == readsBefore, "the directory read asked ConnectWise");
        Answer fresh = get("/members/" + identifier + "?fresh=true");
        int freshReads = memberReads(memberId, identifier) - readsBefore;
        expect(fresh.status() == 200 && freshReads == 1,
                "the fresh read answered " + fresh.status() + " after " + freshReads
                        + " ConnectWise reads, not 200 after one");
        detail("ConnectWise reads of her: none for the directory read, " + freshReads + " for the fresh one");

        String leave = "{\"mode\":\"delete\"}";
        step("Deprovision: POST /members/" + identifier + "/deprovision " + leave
                + " (ConnectWise has no member delete: she is deactivated instead, history kept)");
        awaitSecondAfter(movedEntry.lastUpdated());
        Answer deprovisioned = post("/members/" + identifier + "/deprovision", leave);
        expect(deprovisioned.status() == 200 && "inactive".equals(deprovisioned.body().path("state").asText()),
                "deprovisioning answered " + deprovisioned.status() + ", not 200 with state inactive");
        detail("answer    " + deprovisioned.body().path("action").asText() + ": "
                + deprovisioned.body().path("detail").asText());

        step("ConnectWise calls back, and the directory shows her inactive");
        Delivery deactivated = awaitDelivery(memberId, payload -> "updated".equals(payload.path("Action").asText())
                && entity(payload).path("inactiveFlag").asBoolean());
        detail("callback  " + describe(deactivated));
        entry = awaitEntry(memberId, row -> !row.active(), patience);
        detail("directory " + describe(entry));

        int seatsAfter = members.activeFullSeats();
        step("Licence seats: " + seatsBefore + " before, " + seatsProvisioned + " while she worked here, "
                + seatsAfter + " after she left");
        expect(seatsProvisioned == seatsBefore + 1 && seatsAfter == seatsBefore,
                "the seats did not go up by one and back down");
        long scimMemberId = scimJoinerAndLeaver(members);
        out.println("== demo complete ==");
        return new Outcome(memberId, identifier, seatsBefore, seatsProvisioned, seatsAfter, renamed, movedEntry,
                entry, scimMemberId);
    }

    /** A joiner and leaver through SCIM, the requests as Okta sends them (Entra ID's retitle in between). */
    private long scimJoinerAndLeaver(SimMembers members) {
        String users = "/scim/" + tenant + "/v2/Users";
        String find = users + "?filter=userName%20eq%20%22" + scimEmail() + "%22&startIndex=1&count=100";
        int seatsBefore = members.activeFullSeats();
        step("SCIM: Okta provisions the next joiner. First it looks her up: GET " + users + "?filter=userName eq \""
                + scimEmail() + "\"");
        Answer absent = scim("GET", find, null);
        expect(absent.status() == 200 && absent.body().path("totalResults").asInt() == 0,
                "the lookup answered " + absent.status() + ", not 200 with no user");

        String user = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + scimEmail()
                + "\",\"name\":{\"givenName\":\"Amara\",\"familyName\":\"Nwosu\"},\"displayName\":\"Amara Nwosu\","
                + "\"emails\":[{\"primary\":true,\"value\":\"" + scimEmail() + "\",\"type\":\"work\"}],\"active\":true,"
                + "\"urn:ietf:params:scim:schemas:extension:cwlifecycle:2.0:User\":{\"securityRole\":\"" + ROLE + "\"}}";
        step("Then creates her: POST " + users + " " + user);
        Answer created = scim("POST", users, user);
        expect(created.status() == 201, "the create answered " + created.status() + ", not 201");
        String id = created.body().path("id").asText();
        long memberId = Long.parseLong(id);
        detail("ConnectWise has member #" + memberId + " " + members.get(memberId).path("identifier").asText()
                + "; licence seats " + seatsBefore + " -> " + members.activeFullSeats());

        step("Okta finds her at once, from the directory (no ConnectWise request): GET " + users
                + "?filter=userName eq \"" + scimEmail() + "\"");
        Answer found = scim("GET", find, null);
        expect(found.status() == 200 && found.body().path("totalResults").asInt() == 1,
                "the lookup answered " + found.status() + ", not 200 with one user");

        String retitle = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":"
                + "\"Replace\",\"path\":\"title\",\"value\":\"" + SCIM_TITLE + "\"}]}";
        step("Her title changes, as Entra ID sends it (capitalised op): PATCH " + users + "/" + id + " " + retitle);
        awaitSecondAfter(awaitEntry(memberId, row -> row.identifier() != null, patience).lastUpdated());
        Answer retitled = scim("PATCH", users + "/" + id, retitle);
        expect(retitled.status() == 200 && SCIM_TITLE.equals(members.get(memberId).path("title").asText()),
                "the retitle answered " + retitled.status() + ", and ConnectWise's title is "
                        + members.get(memberId).path("title"));

        String deactivate = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":"
                + "[{\"op\":\"replace\",\"value\":{\"active\":false}}]}";
        step("She leaves; Okta deactivates (it never deletes): PATCH " + users + "/" + id + " " + deactivate);
        awaitSecondAfter(Instant.parse(members.get(memberId).path("_info").path("lastUpdated").asText()));
        Answer deactivated = scim("PATCH", users + "/" + id, deactivate);
        expect(deactivated.status() == 200 && !deactivated.body().path("active").asBoolean(true)
                        && members.get(memberId).path("inactiveFlag").asBoolean(),
                "the deactivation answered " + deactivated.status() + ", and ConnectWise's inactiveFlag is "
                        + members.get(memberId).path("inactiveFlag"));
        detail("ConnectWise keeps member #" + memberId + ", inactive; licence seats back to "
                + members.activeFullSeats());
        expect(members.activeFullSeats() == seatsBefore, "the seats did not come back to " + seatsBefore);
        return memberId;
    }

    String scimEmail() {
        return "amara.nwosu@" + company.toLowerCase(Locale.ROOT) + ".example";
    }

    String email() {
        return "zoe.lindqvist@" + company.toLowerCase(Locale.ROOT) + ".example";
    }

    private Answer post(String path, String body) {
        return send("POST", path, body);
    }

    private Answer get(String path) {
        return exchange(HttpRequest.newBuilder(api.resolve(path)).header("Authorization", "Bearer " + token).GET(),
                path);
    }

    /** ConnectWise reads of this one member, by id or by identifier (a sync lists by lastUpdated, never by either). */
    private int memberReads(long memberId, String identifier) {
        return (int) simulator.requestLog().all().stream()
                .filter(request -> "GET".equals(request.method()))
                .filter(request -> request.path().endsWith("/system/members/" + memberId)
                        || request.query().getOrDefault("conditions", "").contains(identifier))
                .count();
    }

    private Answer send(String method, String path, String body) {
        return exchange(HttpRequest.newBuilder(api.resolve(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)), path);
    }

    /** A SCIM request as an identity provider sends it: its own token, SCIM's media type. */
    private Answer scim(String method, String path, String body) {
        return exchange(HttpRequest.newBuilder(api.resolve(path)).header("Authorization", "Bearer " + scimToken)
                .header("Content-Type", SCIM_MEDIA_TYPE)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)), path);
    }

    private Answer exchange(HttpRequest.Builder builder, String path) {
        HttpRequest request = builder.timeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            detail("-> " + response.statusCode() + " " + response.body());
            return new Answer(response.statusCode(), JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException("The local server did not answer " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StepFailed("interrupted");
        }
    }

    private Delivery awaitDelivery(long memberId, Predicate<JsonNode> about) {
        return await("a callback about member " + memberId, patience, () -> simulator.callbacks().deliveries()
                .stream().filter(Delivery::succeeded).filter(delivery -> {
                    JsonNode payload = parse(delivery.body());
                    return payload.path("ID").asLong() == memberId && about.test(payload);
                }).reduce((first, second) -> second));
    }

    private DirectoryEntry awaitEntry(long memberId, Predicate<DirectoryEntry> wanted, Duration within) {
        return await("the directory entry of member " + memberId, within,
                () -> directory.get(tenant, memberId).filter(wanted));
    }

    private static void awaitSecondAfter(Instant stamp) {
        Instant next = stamp.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        await("the next second", Duration.ofSeconds(2), () -> Optional.of(Instant.now()).filter(now -> !now.isBefore(next)));
    }

    private static <T> T await(String what, Duration within, Supplier<Optional<T>> probe) {
        Instant deadline = Instant.now().plus(within);
        while (true) {
            Optional<T> found = probe.get();
            if (found.isPresent()) {
                return found.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new StepFailed(what + " did not show within " + within.toSeconds() + " s");
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StepFailed("interrupted waiting for " + what);
            }
        }
    }

    private void step(String text) {
        out.println();
        out.println("[" + ++step + "] " + text);
    }

    private void detail(String text) {
        out.println("    " + text);
    }

    private static void expect(boolean condition, String failure) {
        if (!condition) {
            throw new StepFailed(failure);
        }
    }

    private static String describe(Delivery delivery) {
        JsonNode payload = parse(delivery.body());
        return payload.path("Action").asText() + " member " + payload.path("ID").asLong() + " by "
                + payload.path("MemberId").asText() + ": POST " + delivery.url() + " -> " + delivery.status();
    }

    private static String describe(DirectoryEntry entry) {
        return "#" + entry.memberId() + " " + entry.identifier() + ", " + entry.firstName() + " " + entry.lastName()
                + " <" + entry.officeEmail() + ">, role " + entry.securityRole() + ", licence " + entry.licenseClass()
                + ", " + (entry.active() ? "active" : "inactive") + ", ConnectWise lastUpdated "
                + entry.lastUpdated() + ", written by " + entry.source().name().toLowerCase(Locale.ROOT);
    }

    private static JsonNode entity(JsonNode payload) {
        JsonNode entity = payload.path("Entity");
        return entity.isTextual() ? parse(entity.asText()) : JSON.missingNode();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
