package dev.cwlifecycle.callback;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cwlifecycle.simulator.ConnectWiseSimulator;
import dev.cwlifecycle.simulator.Fault;
import dev.cwlifecycle.store.MemberDirectory;
import dev.cwlifecycle.testing.FunctionTestResource;
import dev.cwlifecycle.testing.LambdaInvoker;
import dev.cwlifecycle.testing.LambdaInvoker.Answer;
import dev.cwlifecycle.testing.SignedCallbacks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of callback that must not be applied gets its own 4xx, writes nothing and fetches no foreign URL. */
@QuarkusTest
@QuarkusTestResource(FunctionTestResource.class)
class CallbackRefusalTest {

    private static final String TENANT = "default";
    private static final String PROBLEM = "urn:cw-lifecycle:problem:";
    private static final String KEY_FETCH = "/system/callbackkey";
    private static final AtomicLong IDS = new AtomicLong(980_000);

    @Inject
    MemberDirectory directory;
    @Inject
    SigningKeys signingKeys;

    private ConnectWiseSimulator simulator;
    private String keyUrl;
    private String signingKey;

    /** One refused callback: the event for member {@code id}, and the answer it must get. */
    private record Case(String name, long id, String event, int status, String problem) {
    }

    @BeforeEach
    void learnAndCacheTheSigningKey() {
        simulator = FunctionTestResource.simulator();
        CallbackSigner signer = CallbackSigner.learn(simulator);
        keyUrl = signer.keyUrl();
        signingKey = signer.signingKey();
        String ignored = SignedCallbacks.payload("added", 1, null, keyUrl).put("Type", "ticket").toString();
        assertEquals(202, LambdaInvoker.invoke(SignedCallbacks.event(ignored, sign(ignored))).status());
        simulator.requestLog().clear();
    }

    @Test
    void givenForgedMalformedOrForeignCallbacks_whenInvoked_thenEachGetsItsStatusAndNothingIsWrittenOrFetched() {
        String site = simulator.baseUrl();
        String keyPath = keyUrl.substring(site.length());
        String port = String.valueOf(simulator.port());
        List<Case> cases = new ArrayList<>();
        cases.add(signedWithKeyUrl("key_url on another host", "https://evil.example/key"));
        cases.add(signedWithKeyUrl("key_url on a look-alike host", "http://127.0.0.1.evil.test:" + port + keyPath));
        cases.add(signedWithKeyUrl("key_url with user info", "http://user@127.0.0.1:" + port + keyPath));
        cases.add(signedWithKeyUrl("key_url on another port", "http://127.0.0.1:444" + keyPath));
        cases.add(signedWithKeyUrl("key_url over another scheme", "https://127.0.0.1:" + port + keyPath));
        cases.add(signedWithKeyUrl("key_url with a fragment", site + keyPath + "#key"));
        cases.add(signedWithKeyUrl("key_url naming the host otherwise", "http://localhost:" + port + keyPath));
        cases.add(signedWithKeyUrl("key_url that is no URL", "http://127.0.0.1:" + port + "/a b"));

        long forged = IDS.incrementAndGet();
        String body = payload(forged).toString();
        cases.add(new Case("forged signature", forged,
                SignedCallbacks.event(body, SignedCallbacks.sign("not-the-key", body)), 401, "callback-signature"));
        long unsigned = IDS.incrementAndGet();
        cases.add(new Case("no signature", unsigned, SignedCallbacks.event(payload(unsigned).toString(), null),
                401, "callback-signature"));
        long garbled = IDS.incrementAndGet();
        cases.add(new Case("signature that is not Base64", garbled,
                SignedCallbacks.event(payload(garbled).toString(), "%%%"), 401, "callback-signature"));
        long reserialised = IDS.incrementAndGet();
        ObjectNode same = payload(reserialised);
        cases.add(new Case("same JSON, other bytes than were signed", reserialised,
                SignedCallbacks.event(same.toPrettyString(), sign(same.toString())), 401, "callback-signature"));
        long foreign = IDS.incrementAndGet();
        cases.add(signed("another company", foreign, payload(foreign).put("CompanyId", "globex"), Map.of(),
                401, "callback-company"));
        long unknownTenant = IDS.incrementAndGet();
        cases.add(signed("a tenant without credentials", unknownTenant, payload(unknownTenant),
                Map.of("tenant", "nobody"), 401, "callback-company"));
        long badTenant = IDS.incrementAndGet();
        cases.add(signed("a malformed tenant", badTenant, payload(badTenant), Map.of("tenant", "a/b"), 400, "tenant"));
        long oversize = IDS.incrementAndGet();
        cases.add(signed("a body over 256 KiB", oversize,
                payload(oversize).put("Padding", "x".repeat(262_144)), Map.of(), 413, "payload-too-large"));
        cases.add(new Case("not JSON", IDS.incrementAndGet(), SignedCallbacks.event("{\"ID\":1,", "x"), 400,
                "malformed-json"));
        cases.add(new Case("JSON followed by more", IDS.incrementAndGet(),
                SignedCallbacks.event(payload(IDS.get()) + " {}", "x"), 400, "malformed-json"));
        cases.add(new Case("a JSON array", IDS.incrementAndGet(), SignedCallbacks.event("[1]", "x"), 400,
                "malformed-json"));
        long nested = IDS.incrementAndGet();
        cases.add(new Case("a nesting-depth bomb", nested, SignedCallbacks.event(payload(nested).toString()
                .replaceFirst("\\{", "{\"Deep\":" + "[".repeat(5000) + "]".repeat(5000) + ","), "x"), 400,
                "malformed-json"));
        long longNumber = IDS.incrementAndGet();
        cases.add(new Case("a number past the parser's limit", longNumber, SignedCallbacks.event(payload(longNumber)
                .toString().replaceFirst("\\{", "{\"Big\":1" + "0".repeat(100) + ","), "x"), 400, "malformed-json"));
        long twice = IDS.incrementAndGet();
        cases.add(new Case("a duplicate key", twice, SignedCallbacks.event(payload(twice).toString()
                .replaceFirst("\\{", "{\"ID\":" + twice + ","), "x"), 400, "validation"));
        long invisible = IDS.incrementAndGet();
        cases.add(signed("a bidi override in MessageId", invisible, payload(invisible).put("MessageId",
                "m\u202E" + invisible), Map.of(), 400, "validation"));
        long incomplete = IDS.incrementAndGet();
        ObjectNode missing = payload(incomplete);
        missing.remove(List.of("Action", "Type"));
        missing.put("ID", "one");
        cases.add(signed("Action, Type and ID missing", incomplete, missing, Map.of(), 400, "validation"));

        long fetchesBefore = signingKeys.fetches();
        List<String> wrong = new ArrayList<>();
        for (Case refused : cases) {
            Answer answer = LambdaInvoker.invoke(refused.event());
            String type = answer.body() == null ? null : answer.body().path("type").asText();
            if (answer.status() != refused.status() || !(PROBLEM + refused.problem()).equals(type)) {
                wrong.add(refused.name() + ": " + answer.status() + " " + type);
            }
            if (directory.get(TENANT, refused.id()).isPresent()) {
                wrong.add(refused.name() + ": wrote member " + refused.id());
            }
        }

        assertEquals(List.of(), wrong);
        assertEquals(fetchesBefore, signingKeys.fetches());
        assertEquals(0, simulator.requestLog().count("GET", KEY_FETCH));
        assertTrue(directory.pendingMemberIds(TENANT).stream().noneMatch(id -> id > 980_000 && id < 990_000));
    }

    @Test
    void givenMissingFields_whenInvoked_thenTheProblemNamesEachOne() {
        ObjectNode missing = payload(IDS.incrementAndGet());
        missing.remove(List.of("Action", "Type", "ID"));

        Answer answer = LambdaInvoker.invoke(SignedCallbacks.event(missing.toString(), sign(missing.toString())));

        assertEquals(400, answer.status());
        List<String> fields = new ArrayList<>();
        answer.body().path("errors").forEach(error -> fields.add(error.path("field").asText()));
        assertEquals(List.of("Action", "Type", "ID"), fields);
    }

    @Test
    void givenAKeyUrlOnTheSiteWithoutAKey_whenInvoked_thenItIsRefusedAfterOneFetch() {
        long id = IDS.incrementAndGet();
        String unknownKey = keyUrl.replaceAll("id=[^&]+", "id=00000000-0000-0000-0000-000000000000");

        Answer answer = invokeSigned(withKeyUrl(payload(id), unknownKey));

        assertEquals(401, answer.status());
        assertEquals(PROBLEM + "callback-signature", answer.body().path("type").asText());
        assertEquals(1, simulator.requestLog().count("GET", KEY_FETCH));
        assertTrue(directory.get(TENANT, id).isEmpty());
    }

    @Test
    void givenTheKeyUrlFailing_whenInvoked_thenTheAnswerIs429SoConnectWiseDeliversAgain() {
        long id = IDS.incrementAndGet();
        simulator.faults().arm(Fault.on("GET", "/system/callbackkey/index\\.rails").status(503));

        Answer answer = invokeSigned(withKeyUrl(payload(id), keyUrl + "&copy=uncached"));

        assertEquals(429, answer.status());
        assertEquals(PROBLEM + "callback-key-unavailable", answer.body().path("type").asText());
        assertTrue(directory.get(TENANT, id).isEmpty());
    }

    private Case signedWithKeyUrl(String name, String foreignKeyUrl) {
        long id = IDS.incrementAndGet();
        return signed(name, id, withKeyUrl(payload(id), foreignKeyUrl), Map.of(), 401, "callback-key-url");
    }

    private static ObjectNode withKeyUrl(ObjectNode payload, String keyUrl) {
        ((ObjectNode) payload.get("Metadata")).put("key_url", keyUrl);
        return payload;
    }

    private Case signed(String name, long id, ObjectNode payload, Map<String, String> pathParameters, int status,
                        String problem) {
        String body = payload.toString();
        return new Case(name, id, SignedCallbacks.event(body, sign(body), pathParameters), status, problem);
    }

    private ObjectNode payload(long id) {
        return SignedCallbacks.payload("added", id, null, keyUrl);
    }

    private Answer invokeSigned(ObjectNode payload) {
        String body = payload.toString();
        return LambdaInvoker.invoke(SignedCallbacks.event(body, sign(body)));
    }

    private String sign(String body) {
        return SignedCallbacks.sign(signingKey, body);
    }
}
