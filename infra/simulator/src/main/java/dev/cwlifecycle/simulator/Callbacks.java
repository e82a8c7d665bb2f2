package dev.cwlifecycle.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Callback registrations, deliveries and signing keys. On every member change each active member registration
 * of the company gets a signed POST carrying ConnectWise's payload; {@link #hold()} / {@link #release(boolean)}
 * and {@link #redeliver(Delivery)} produce out-of-order and duplicate deliveries.
 */
public final class Callbacks {

    private final Function<String, Optional<Tenant>> tenants;
    private final Supplier<String> site;
    private final Supplier<String> codebaseUrl;
    private final CallbackDelivery delivery;

    /** {@code codebaseUrl} is the base URL plus the current codebase, e.g. {@code http://127.0.0.1:8099/v2025_1/}. */
    Callbacks(Function<String, Optional<Tenant>> tenants, Supplier<String> site, Supplier<String> codebaseUrl,
              CallbackDelivery delivery) {
        this.tenants = tenants;
        this.site = site;
        this.codebaseUrl = codebaseUrl;
        this.delivery = delivery;
    }

    public List<ObjectNode> registrations(String companyId) {
        return tenant(companyId).callbacks().entries().values().stream().map(entry -> entry.json().deepCopy()).toList();
    }

    /** Every delivery attempt so far, in the order they were made. */
    public List<Delivery> deliveries() {
        return delivery.deliveries();
    }

    /** What {@code GET key_url} answers for the company: the key callbacks are signed with. */
    public String signingKey(String companyId) {
        return tenant(companyId).callbackKey().signingKey();
    }

    /** Queue deliveries instead of sending them, until {@link #release(boolean)}. */
    public void hold() {
        delivery.hold();
    }

    /** Send what was held, in order or {@code reversed}, and stop holding. */
    public void release(boolean reversed) {
        delivery.release(reversed);
    }

    /** Send an earlier delivery again, same MessageId, body and signature: a duplicate. */
    public void redeliver(Delivery earlier) {
        delivery.redeliver(earlier);
    }

    void memberChanged(Tenant tenant, String action, long memberId, ObjectNode entity, String changedBy) {
        for (CallbackRegistry.Entry registration : tenant.callbacks().deliveringFor("member", changedBy)) {
            ObjectNode payload = WireJson.object()
                    .put("MessageId", UUID.randomUUID().toString())
                    .put("FromUrl", site.get())
                    .put("CompanyId", tenant.companyId())
                    .put("MemberId", changedBy)
                    .put("Action", action)
                    .put("Type", "member")
                    .put("ID", memberId)
                    .put("CallbackObjectRecId", registration.id());
            if (entity == null) {
                payload.putNull("Entity");
            } else {
                payload.put("Entity", WireJson.write(entity));
            }
            payload.putObject("Metadata").put("key_url", keyUrl(tenant));
            String body = WireJson.writeAsDotNet(payload);
            String signature = Signature.sign(tenant.callbackKey().signingKey(), body.getBytes(StandardCharsets.UTF_8));
            delivery.send(new CallbackDelivery.Outgoing(registration.json().path("url").asText(), body, signature));
        }
    }

    /** The signing key behind a {@code key_url}, when its company and key id are right. */
    Optional<String> signingKeyAt(String companyName, String keyId) {
        return tenants.apply(companyName == null ? "" : companyName)
                .map(Tenant::callbackKey)
                .filter(key -> key.id().equals(keyId))
                .map(Tenant.CallbackKey::signingKey);
    }

    void close() {
        delivery.close();
    }

    /** Like ConnectWise's own: the codebase ends in "/" and the path starts with one, hence the double slash. */
    private String keyUrl(Tenant tenant) {
        return codebaseUrl.get() + "/system/callbackkey/index.rails?companyName="
                + URLEncoder.encode(tenant.companyId(), StandardCharsets.UTF_8)
                + "&id=" + tenant.callbackKey().id();
    }

    private Tenant tenant(String companyId) {
        return tenants.apply(companyId)
                .orElseThrow(() -> new IllegalArgumentException("No tenant with companyId " + companyId));
    }
}
