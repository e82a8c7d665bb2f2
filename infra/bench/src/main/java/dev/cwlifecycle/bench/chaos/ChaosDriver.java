package dev.cwlifecycle.bench.chaos;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cwlifecycle.bench.ApiGatewayEvents;
import dev.cwlifecycle.bench.BenchTenants;
import dev.cwlifecycle.bench.CallbackEndpoint;
import dev.cwlifecycle.callback.CallbackHandler;
import dev.cwlifecycle.connectwise.ConnectWiseJson;
import dev.cwlifecycle.connectwise.error.ConnectWiseException;
import dev.cwlifecycle.deprovision.DeprovisionHandler;
import dev.cwlifecycle.gateway.IdempotentRequests;
import dev.cwlifecycle.gateway.Problem;
import dev.cwlifecycle.mover.MoverHandler;
import dev.cwlifecycle.scim.ScimHandler;
import dev.cwlifecycle.provision.ProvisionHandler;
import dev.cwlifecycle.simulator.ConnectWiseSimulator;
import dev.cwlifecycle.simulator.Delivery;
import dev.cwlifecycle.simulator.Signature;
import dev.cwlifecycle.store.MemberDirectory;
import dev.cwlifecycle.sync.SyncHandler;
import dev.cwlifecycle.sync.SyncRequest;
import dev.cwlifecycle.sync.SyncResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs a chaos plan's operations one after another, as a ticketing tool, ConnectWise's users, its callback delivery
 * and the schedule would, and checks each answer's claim against the simulator at once: a 2xx provision names an
 * active member with the person's email, a 2xx deprovision an inactive one, a 2xx move a member with the role and
 * title asked and a directory row at least as new as ConnectWise's, a 2xx SCIM create the one active member with the
 * email, a 2xx SCIM deactivation an inactive member, a 404 or 409 is true, any other failure is a clear problem (or
 * SCIM error). A tool retries a 503 (SCIM: 429) or an in-progress 409 twice, under the same key.
 */
final class ChaosDriver {

    private static final int ATTEMPTS = 3;
    private static final String FUTURE = "2099-01-01T00:00:00Z";

    private record Answer(int status, String outcome, String problemType, JsonNode body, String raw, int attempts,
                          boolean replayed) {
        boolean success() {
            return status / 100 == 2;
        }
    }

    /** What a provision step sent, so that it can be sent again. */
    private record Sent(int person, String key, String body) {
    }

    private final ChaosPlan plan;
    private final String tenant;
    private final ConnectWiseSimulator simulator;
    private final CallbackSettling settling;
    private final ProvisionHandler provision;
    private final DeprovisionHandler deprovision;
    private final MoverHandler mover;
    private final ScimHandler scim;
    private final SyncHandler sync;
    private final CallbackHandler callbacks;
    private final MemberDirectory directory;
    private final ChaosLedger ledger;
    private final Map<Integer, Sent> provisions = new HashMap<>();
    private final Map<String, Long> memberByKey = new HashMap<>();

    ChaosDriver(ChaosPlan plan, String tenant, ConnectWiseSimulator simulator, CallbackEndpoint endpoint,
                ProvisionHandler provision, DeprovisionHandler deprovision, MoverHandler mover, ScimHandler scim,
                SyncHandler sync, CallbackHandler callbacks, MemberDirectory directory, ChaosLedger ledger) {
        this.plan = plan;
        this.tenant = tenant;
        this.simulator = simulator;
        this.settling = new CallbackSettling(simulator, endpoint);
        this.provision = provision;
        this.deprovision = deprovision;
        this.mover = mover;
        this.scim = scim;
        this.sync = sync;
        this.callbacks = callbacks;
        this.directory = directory;
        this.ledger = ledger;
    }

    void runAll() {
        List<ChaosOperation> operations = plan.operations();
        for (int step = 0; step < operations.size(); step++) {
            run(step, operations.get(step));
        }
    }

    /** Delivers what is still held, in order, and waits until every delivery has been answered. */
    void deliverHeld() {
        simulator.callbacks().release(false);
        settling.await();
    }

    private void run(int step, ChaosOperation operation) {
        if (operation instanceof ChaosOperation.Provision p) {
            provision(step, new Sent(p.person(), p.key(), People.provisionBody(plan.seed(), p.person(), p.role())));
        } else if (operation instanceof ChaosOperation.RepeatProvision repeat) {
            provision(step, provisions.get(repeat.step()));
        } else if (operation instanceof ChaosOperation.ReuseKey reuse) {
            Sent earlier = provisions.get(reuse.step());
            provision(step, new Sent(reuse.person(), earlier.key(),
                    People.provisionBody(plan.seed(), reuse.person(), "Finance")));
        } else if (operation instanceof ChaosOperation.Refused refused) {
            refused(step, refused);
        } else if (operation instanceof ChaosOperation.FutureDatedCallback future) {
            futureDated(step, future.pick());
        } else if (operation instanceof ChaosOperation.Deprovision d) {
            deprovision(step, d.person(), d.key());
        } else if (operation instanceof ChaosOperation.Move move) {
            move(step, move);
        } else if (operation instanceof ChaosOperation.ScimCreate create) {
            scimCreate(step, create);
        } else if (operation instanceof ChaosOperation.ScimDeactivate deactivate) {
            scimDeactivate(step, deactivate.person());
        } else if (operation instanceof ChaosOperation.ConsoleEdit edit) {
            new ConsoleEdits(simulator.members(BenchTenants.COMPANY)).apply(edit, step);
            ledger.outcome("console edit " + edit.edit().name().toLowerCase(Locale.ROOT));
        } else if (operation instanceof ChaosOperation.ReleaseCallbacks release) {
            simulator.callbacks().release(release.reversed());
            settling.await();
            simulator.callbacks().hold();
            ledger.outcome(release.reversed() ? "callbacks released reversed" : "callbacks released in order");
        } else if (operation instanceof ChaosOperation.Redeliver redeliver) {
            List<Delivery> delivered = simulator.callbacks().deliveries().stream().filter(Delivery::succeeded)
                    .toList();
            if (!delivered.isEmpty()) {
                simulator.callbacks().redeliver(delivered.get(redeliver.pick() % delivered.size()));
                settling.await();
                ledger.outcome("callback redelivered");
            }
        } else if (operation instanceof ChaosOperation.Sync s) {
            sync(step, s);
        }
    }

    private void provision(int step, Sent sent) {
        provisions.putIfAbsent(step, sent);
        ledger.requested(sent.person());
        Answer answer = send(() -> provision.handle(ApiGatewayEvents.provision(tenant, sent.key(), sent.body())));
        String email = People.email(plan.seed(), sent.person());
        ledger.outcome("provision " + answer.status() + " " + answer.outcome()
                + (answer.replayed() ? " (replay)" : ""));
        if (answer.success()) {
            long memberId = answer.body().path("memberId").asLong();
            Long first = memberByKey.putIfAbsent(sent.key(), memberId);
            if (answer.replayed()) {
                // a replay repeats the first answer, whatever happened to that member since
                if (first == null || first != memberId) {
                    ledger.untrueSuccess("step " + step + ": a replay under " + sent.key() + " named member "
                            + memberId + ", the first answer " + first);
                }
            } else {
                ObjectNode member = simulator.members(BenchTenants.COMPANY).get(memberId);
                if (member == null || !email.equalsIgnoreCase(member.path("officeEmail").asText())
                        || member.path("inactiveFlag").asBoolean()) {
                    ledger.untrueSuccess("step " + step + ": provision answered " + answer.status() + " with member "
                            + memberId + ", which is not an active member with " + email);
                }
            }
            ledger.provisioned(sent.person());
        } else if ("member-exists".equals(answer.problemType())) {
            if (activeMembersWith(email) == 0) {
                ledger.untrueSuccess("step " + step + ": provision answered 409 member-exists, but no active member "
                        + "has " + email);
            }
            if (answer.attempts() > 1 && !ledger.peopleProvisioned().contains(sent.person())) {
                ledger.memberFoundAfterAmbiguousAttempt();
            }
            ledger.clearFailure();
        } else {
            expectClear(step, "provision", answer);
        }
    }

    /** Bad input is a 400 problem, never a 5xx, and ConnectWise hears nothing of it. */
    private void refused(int step, ChaosOperation.Refused refused) {
        long writesBefore = connectWiseWrites();
        Answer answer = read(provision.handle(ApiGatewayEvents.provision(tenant, "chaos-" + plan.seed() + "-" + step,
                People.refusedBody(plan.seed(), refused.person(), refused.input()))), 1);
        ledger.outcome("bad input " + answer.status() + " " + answer.outcome());
        if (answer.success()) {
            ledger.untrueSuccess("step " + step + ": " + refused.input() + " was accepted: " + answer.raw());
        } else if (answer.status() != 400 || answer.problemType() == null) {
            ledger.unclearFailure("step " + step + ": " + refused.input() + " answered " + answer.status() + " "
                    + answer.raw());
        } else {
            ledger.clearFailure();
        }
        if (connectWiseWrites() != writesBefore) {
            ledger.untrueSuccess("step " + step + ": " + refused.input() + " reached ConnectWise");
        }
    }

    /**
     * A copy of an earlier delivery whose Entity is stamped 2099, signed like ConnectWise signs: never stored as
     * such (it would freeze the row), and never a 5xx.
     */
    private void futureDated(int step, int pick) {
        List<Delivery> delivered = simulator.callbacks().deliveries().stream().filter(Delivery::succeeded)
                .filter(delivery -> json(delivery.body()).path("Entity").isTextual()).toList();
        if (delivered.isEmpty()) {
            return;
        }
        ObjectNode payload = (ObjectNode) json(delivered.get(pick % delivered.size()).body());
        ObjectNode entity = (ObjectNode) json(payload.path("Entity").asText());
        ((ObjectNode) entity.path("_info")).put("lastUpdated", FUTURE);
        payload.put("MessageId", "chaos-future-" + plan.seed() + "-" + step).put("Entity", entity.toString());
        String body = payload.toString();
        APIGatewayV2HTTPResponse answer = callbacks.handle(ApiGatewayEvents.callback(tenant, body, signature(body)));
        ledger.outcome("future-dated callback " + answer.getStatusCode());
        if (answer.getStatusCode() >= 500) {
            ledger.unclearFailure("step " + step + ": a future-dated callback answered " + answer.getStatusCode());
        }
        long memberId = payload.path("ID").asLong();
        if (directory.get(tenant, memberId).filter(row -> FUTURE.equals(String.valueOf(row.lastUpdated())))
                .isPresent()) {
            ledger.untrueSuccess("step " + step + ": member " + memberId + " was stored as of " + FUTURE);
        }
    }

    private void deprovision(int step, int person, String key) {
        String email = People.email(plan.seed(), person);
        // every other person asks for a delete, which the spec's site refuses (405): it must end deactivated too
        String mode = person % 2 == 0 ? "delete" : "deactivate";
        Answer answer = send(() -> deprovision.handle(ApiGatewayEvents.deprovision(tenant, key,
                "{\"email\":\"" + email + "\",\"mode\":\"" + mode + "\"}")));
        ledger.outcome("deprovision " + answer.status() + " " + answer.outcome());
        if (answer.success()) {
            ObjectNode member = simulator.members(BenchTenants.COMPANY).get(answer.body().path("memberId").asLong());
            if (member == null || !member.path("inactiveFlag").asBoolean()) {
                ledger.untrueSuccess("step " + step + ": deprovision of " + email + " answered " + answer.status()
                        + ", but its member is not inactive");
            }
        } else if ("member-not-found".equals(answer.problemType())) {
            if (membersWith(email) > 0) {
                ledger.untrueSuccess("step " + step + ": deprovision answered 404, but a member has " + email);
            }
            ledger.clearFailure();
        } else {
            expectClear(step, "deprovision", answer);
        }
    }

    /**
     * A move of the person's member (the active one, else any), by its identifier; nobody's is a move by an id no
     * member has. A 2xx must leave ConnectWise with the role and title asked and the directory row at least as new as
     * ConnectWise's member (callbacks are held: only the mover can have written it).
     */
    private void move(int step, ChaosOperation.Move move) {
        String email = People.email(plan.seed(), move.person());
        Optional<ObjectNode> target = simulator.members(BenchTenants.COMPANY).all().stream()
                .filter(member -> email.equalsIgnoreCase(member.path("officeEmail").asText()))
                .min((a, b) -> Boolean.compare(a.path("inactiveFlag").asBoolean(), b.path("inactiveFlag").asBoolean()));
        String body = "{\"role\":\"" + move.role() + "\",\"title\":\"" + move.title() + "\"}";
        Answer answer = send(() -> mover.handle(target.isPresent()
                ? ApiGatewayEvents.move(tenant, move.key(), target.get().path("identifier").asText(), body)
                : ApiGatewayEvents.moveById(tenant, move.key(), Integer.MAX_VALUE, body)));
        ledger.outcome("move " + answer.status() + " " + answer.outcome());
        if (answer.success()) {
            long memberId = answer.body().path("memberId").asLong();
            ObjectNode member = simulator.members(BenchTenants.COMPANY).get(memberId);
            if (member == null || !move.role().equals(member.path("securityRole").path("name").asText())
                    || !move.title().equals(member.path("title").asText())) {
                ledger.untrueSuccess("step " + step + ": move answered " + answer.status() + " for member " + memberId
                        + ", which does not have role " + move.role() + " and title " + move.title());
            } else if (!directory.get(tenant, memberId).map(row -> row.lastUpdated() != null && !row.lastUpdated()
                    .isBefore(Instant.parse(member.path("_info").path("lastUpdated").asText()))).orElse(false)) {
                ledger.untrueSuccess("step " + step + ": move of member " + memberId + " left the directory behind "
                        + "ConnectWise: " + directory.get(tenant, memberId));
            }
        } else if ("member-not-found".equals(answer.problemType()) || "member-inactive".equals(answer.problemType())) {
            boolean active = target.isPresent() && !target.get().path("inactiveFlag").asBoolean();
            if (target.isEmpty() == "member-inactive".equals(answer.problemType()) || active) {
                ledger.untrueSuccess("step " + step + ": move answered " + answer.problemType() + " for " + email
                        + ", whose member is " + target.map(ObjectNode::toString).orElse("none"));
            }
            ledger.clearFailure();
        } else {
            expectClear(step, "move", answer);
        }
    }

    /**
     * An identity provider's create: a 201 must name the one active member with the person's email, a
     * {@code uniqueness} 409 be true (an active member has it); anything else is a clear SCIM error.
     */
    private void scimCreate(int step, ChaosOperation.ScimCreate create) {
        String email = People.email(plan.seed(), create.person());
        String body = """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s","active":true,
                 "name":{"givenName":"%s","familyName":"%s"},
                 "urn:ietf:params:scim:schemas:extension:cwlifecycle:2.0:User":{"securityRole":"%s"}}"""
                .formatted(email, People.firstName(create.person()), People.lastName(create.person()), create.role());
        Answer answer = send(() -> scim.handle(ApiGatewayEvents.scim("POST", tenant, "/Users", Map.of(), body)));
        ledger.outcome("scim create " + answer.status() + " " + answer.outcome());
        if (answer.success()) {
            long memberId = answer.body().path("id").asLong();
            ObjectNode member = simulator.members(BenchTenants.COMPANY).get(memberId);
            if (member == null || member.path("inactiveFlag").asBoolean() || activeMembersWith(email) != 1
                    || !email.equalsIgnoreCase(member.path("officeEmail").asText())) {
                ledger.untrueSuccess("step " + step + ": SCIM create of " + email + " answered " + answer.status()
                        + " for member " + memberId + ", which is not the one active member with that email");
            }
        } else if ("uniqueness".equals(answer.outcome())) {
            if (activeMembersWith(email) == 0) {
                ledger.untrueSuccess("step " + step + ": SCIM create answered uniqueness, but no active member has "
                        + email);
            }
            ledger.clearFailure();
        } else {
            expectClear(step, "SCIM create", answer);
        }
    }

    /**
     * An identity provider's disable: the user found by userName (from the directory, which may lag ConnectWise while
     * callbacks are held), then {@code active: false}; a 200 must leave that member inactive in ConnectWise.
     */
    private void scimDeactivate(int step, int person) {
        String email = People.email(plan.seed(), person);
        Answer found = send(() -> scim.handle(ApiGatewayEvents.scim("GET", tenant, "/Users",
                Map.of("filter", "userName eq \"" + email + "\" and active eq true"), null)));
        JsonNode user = found.body().path("Resources").path(0);
        if (!found.success() || user.isMissingNode()) {
            ledger.outcome("scim deactivate: " + (found.success() ? "no active user" : found.status()));
            return;
        }
        String id = user.path("id").asText();
        Answer answer = send(() -> scim.handle(ApiGatewayEvents.scim("PATCH", tenant, "/Users/" + id, Map.of(),
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                        + "\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}]}")));
        ledger.outcome("scim deactivate " + answer.status() + " " + answer.outcome());
        if (answer.success()) {
            ObjectNode member = simulator.members(BenchTenants.COMPANY).get(Long.parseLong(id));
            if (member != null && !member.path("inactiveFlag").asBoolean()) {
                ledger.untrueSuccess("step " + step + ": SCIM deactivation of member " + id + " answered "
                        + answer.status() + ", but it is active");
            }
        } else if (answer.status() == 404) {
            ledger.clearFailure();
        } else {
            expectClear(step, "SCIM deactivate", answer);
        }
    }

    private void sync(int step, ChaosOperation.Sync run) {
        try {
            SyncResult result = sync.handle(new SyncRequest(null, tenant, run.mode().name().toLowerCase(Locale.ROOT),
                    null));
            ledger.outcome("sync " + run.mode().name().toLowerCase(Locale.ROOT) + " "
                    + result.status().name().toLowerCase(Locale.ROOT));
        } catch (ConnectWiseException typed) {
            // Lambda reports the exception; the schedule's next run (or EventBridge's retry) redoes the gap
            ledger.outcome("sync failed: " + typed.getClass().getSimpleName());
            ledger.clearFailure();
        } catch (RuntimeException untyped) {
            ledger.unclearFailure("step " + step + ": sync failed with " + untyped);
        }
    }

    private Answer send(Supplier<APIGatewayV2HTTPResponse> call) {
        Answer answer = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            answer = read(call.get(), attempt);
            boolean retry = answer.status() == 503 || answer.status() == 429
                    || "in-progress".equals(answer.problemType());
            if (!retry) {
                return answer;
            }
            pause();
        }
        return answer;
    }

    private void expectClear(int step, String what, Answer answer) {
        boolean scimError = answer.body().path("schemas").path(0).asText().endsWith(":Error");
        boolean clear = answer.status() >= 400 && answer.status() != 500 && answer.body().hasNonNull("detail")
                && (answer.problemType() != null && answer.body().hasNonNull("title") || scimError);
        if (clear) {
            ledger.clearFailure();
        } else {
            ledger.unclearFailure("step " + step + ": " + what + " answered " + answer.status() + " " + answer.raw());
        }
    }

    private static Answer read(APIGatewayV2HTTPResponse response, int attempt) {
        JsonNode body;
        try {
            body = response.getBody() == null ? ConnectWiseJson.MAPPER.createObjectNode()
                    : ConnectWiseJson.MAPPER.readTree(response.getBody());
        } catch (IOException notJson) {
            body = ConnectWiseJson.MAPPER.createObjectNode();
        }
        Map<String, String> headers = response.getHeaders() == null ? Map.of() : response.getHeaders();
        String problemType = body.path("type").asText("");
        String type = headers.getOrDefault("Content-Type", "").startsWith(Problem.MEDIA_TYPE) && !problemType.isEmpty()
                ? problemType.substring(problemType.lastIndexOf(':') + 1) : null;
        String outcome = type != null ? type : body.path("outcome").asText(body.path("action")
                .asText(body.path("scimType").asText("")));
        boolean replayed = "true".equals(headers.get(IdempotentRequests.REPLAYED_HEADER));
        return new Answer(response.getStatusCode(), outcome, type, body, response.getBody(), attempt, replayed);
    }

    private String signature(String body) {
        return Signature.sign(simulator.callbacks().signingKey(BenchTenants.COMPANY),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private long connectWiseWrites() {
        return simulator.requestLog().count("POST", "/system/members")
                + simulator.requestLog().count("PATCH", "/system/members")
                + simulator.requestLog().count("DELETE", "/system/members");
    }

    private static JsonNode json(String text) {
        try {
            return ConnectWiseJson.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("A delivery that is not JSON", e);
        }
    }

    private long activeMembersWith(String email) {
        return simulator.members(BenchTenants.COMPANY).all().stream()
                .filter(member -> email.equalsIgnoreCase(member.path("officeEmail").asText()))
                .filter(member -> !member.path("inactiveFlag").asBoolean()).count();
    }

    private long membersWith(String email) {
        return simulator.members(BenchTenants.COMPANY).all().stream()
                .filter(member -> email.equalsIgnoreCase(member.path("officeEmail").asText())).count();
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted between attempts", e);
        }
    }
}
