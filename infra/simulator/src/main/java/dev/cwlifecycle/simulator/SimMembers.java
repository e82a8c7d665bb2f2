package dev.cwlifecycle.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One tenant's members. The HTTP API and tests (changing ConnectWise "behind the client's back") go through the
 * same validation, {@code _info} stamping and callback announcements. Changes made here are stamped as made by
 * {@link #CONSOLE_USER}, someone working in ConnectWise's own screens. Kept in id order so that a keyset page is a
 * cheap tail-map walk even at 100,000 members; writes are serialised, reads are lock-free.
 */
public final class SimMembers {

    /** Who changes members through the test-facing methods. */
    public static final String CONSOLE_USER = "admin";

    private final ConcurrentSkipListMap<Long, MemberRecord> byId = new ConcurrentSkipListMap<>();
    private final Map<String, Long> identifiers = new HashMap<>();
    private final Map<String, Long> officeEmails = new HashMap<>();
    private final Clock clock;
    private final MemberJson json;
    private final MemberValidator validator;
    private final MemberDeactivation deactivation;
    private final OpenWork work = new OpenWork();
    private volatile MemberChanges changes = (action, id, entity, by) -> { };
    private long nextId;

    /**
     * {@code uniqueOfficeEmail} refuses a second member with the same office email ({@code ObjectExists}); ConnectWise
     * documents no such rule and real sites share addresses, so only a test that needs the old behaviour sets it.
     */
    SimMembers(SystemCatalog catalog, Clock clock, Supplier<String> apiBase, long firstId, boolean uniqueOfficeEmail) {
        this.clock = clock;
        this.nextId = firstId;
        this.json = new MemberJson(catalog, byId::get, apiBase);
        this.validator = new MemberValidator(catalog, byId::containsKey, identifiers::get,
                uniqueOfficeEmail ? officeEmails::get : email -> null);
        this.deactivation = new MemberDeactivation(byId::get, identifiers::get);
    }

    /** The member as the API would return it, or null when there is none with this id. */
    public ObjectNode get(long id) {
        MemberRecord member = byId.get(id);
        return member == null ? null : json.render(member);
    }

    /** Every member, in id order. */
    public List<ObjectNode> all() {
        return byId.values().stream().map(json::render).toList();
    }

    /**
     * Creates a member as ConnectWise's own member screen does: its form starts with today's hire date and Office
     * as the default email and phone, so those may be left out here; everything else is validated as POST is,
     * and an invalid member throws {@link ApiFailure} with ConnectWise's 400.
     */
    public ObjectNode create(ObjectNode fields) {
        ObjectNode form = fields.deepCopy();
        if (!form.hasNonNull("hireDate")) {
            form.put("hireDate", WireTime.format(now().truncatedTo(ChronoUnit.DAYS)));
        }
        if (!form.hasNonNull("defaultEmail")) {
            form.put("defaultEmail", "Office");
        }
        if (!form.hasNonNull("defaultPhone")) {
            form.put("defaultPhone", "Office");
        }
        return json.render(create(form, CONSOLE_USER));
    }

    /** Changes a member's JSON with {@code change}, then validates and stores it as PUT would. */
    public synchronized ObjectNode update(long id, Consumer<ObjectNode> change) {
        MemberRecord previous = require(id);
        ObjectNode edited = json.render(previous);
        change.accept(edited);
        return json.render(change(previous, edited, CONSOLE_USER));
    }

    /** Deletes as DELETE would: a member with history is a 409 {@link ApiFailure}. */
    public void delete(long id) {
        delete(id, CONSOLE_USER);
    }

    /** Gives the member tickets or time entries: from now on it can be deactivated but not deleted. */
    public synchronized void markHistory(long id) {
        MemberRecord member = require(id);
        byId.put(id, member.withHistory(true, member.openTimeSheets()));
    }

    /**
     * Gives the member open time sheets: deactivation then needs {@code deleteOpenTimeSheetsFlag}. Time sheets
     * hold time entries, so the member has history too.
     */
    public synchronized void markOpenTimeSheets(long id) {
        MemberRecord member = require(id);
        byId.put(id, member.withHistory(true, true));
    }

    /** Gives the member {@code count} more open work of a kind: a {@code MemberDeactivation} kind or {@code ticket}. */
    public synchronized void assignWork(long id, String kind, int count) {
        require(id);
        work.add(id, kind, count);
    }

    /** Puts the member on a customer's company team ({@code companyTeam} in a deactivation). */
    public synchronized void assignCompanyTeam(long id, long customerId, String customerName) {
        require(id);
        work.addCompanyTeam(id, new OpenWork.Customer(customerId, customerName));
    }

    /** The member's open work by kind ({@code companyTeam} counts customers); kinds with none are left out. */
    public synchronized Map<String, Integer> openWork(long id) {
        require(id);
        return work.of(id);
    }

    public boolean hasHistory(long id) {
        return require(id).history();
    }

    public boolean hasOpenTimeSheets(long id) {
        return require(id).openTimeSheets();
    }

    /** Active members with license class F: the seats the customer pays for. */
    public int activeFullSeats() {
        return (int) byId.values().stream().filter(MemberRecord::isActiveFullSeat).count();
    }

    public int size() {
        return byId.size();
    }

    synchronized MemberRecord create(JsonNode body, String by) {
        Instant now = now();
        MemberRecord created = validator.validate(body, nextId, null, MemberRecord.Audit.created(now, by), now);
        nextId++;
        put(created, null);
        announce("added", created, by);
        return created;
    }

    synchronized MemberRecord replace(long id, JsonNode body, String by) {
        return change(require(id), body, by);
    }

    synchronized MemberRecord patch(long id, JsonNode operations, String by) {
        MemberRecord previous = require(id);
        return change(previous, MemberPatch.apply(json.render(previous), operations), by);
    }

    synchronized ObjectNode deactivate(long id, JsonNode body, String by) {
        MemberRecord member = require(id);
        ObjectNode handedOver = deactivation.apply(member, body, work);
        Instant now = now();
        MemberRecord inactive = member.deactivated(now).withAudit(member.audit().updated(now, by));
        put(inactive, member);
        announce("updated", inactive, by);
        return handedOver;
    }

    /** {@code GET /system/members/{id}/usages}: one entry per kind of open work, companyTeam per customer. */
    synchronized ArrayNode usages(long id) {
        require(id);
        ArrayNode usages = WireJson.array();
        work.of(id).forEach((kind, count) -> {
            if (!kind.equals(OpenWork.COMPANY_TEAM)) {
                usages.addObject().put("type", kind).put("typeKey", kind).put("count", count);
            }
        });
        work.customers(id).forEach(customer -> usages.addObject().put("type", OpenWork.COMPANY_TEAM)
                .put("typeKey", OpenWork.COMPANY_TEAM).put("count", 1).put("id", customer.id())
                .put("description", customer.name()));
        return usages;
    }

    synchronized void delete(long id, String by) {
        MemberRecord member = require(id);
        if (member.history()) {
            throw ConnectWiseErrors.conflict("Member " + id + " cannot be deleted because it has tickets or time"
                    + " entries. Deactivate it instead.");
        }
        byId.remove(id);
        identifiers.remove(key(member.identifier()));
        if (member.officeEmail() != null) {
            officeEmails.remove(key(member.officeEmail()));
        }
        announce("deleted", member, by);
    }

    /** Stores a seeded member as it is: no validation, stamping or announcement. */
    synchronized void load(MemberRecord seeded) {
        put(seeded, null);
        nextId = Math.max(nextId, seeded.id() + 1);
    }

    synchronized boolean identifierTaken(String identifier) {
        return identifiers.containsKey(key(identifier));
    }

    NavigableMap<Long, MemberRecord> records() {
        return byId;
    }

    ObjectNode render(MemberRecord member) {
        return json.render(member);
    }

    ObjectNode view(MemberRecord member) {
        return json.view(member);
    }

    MemberRecord require(long id) {
        MemberRecord member = byId.get(id);
        if (member == null) {
            throw ConnectWiseErrors.notFound("Member " + id + " not found");
        }
        return member;
    }

    void announceTo(MemberChanges target) {
        this.changes = target;
    }

    /** Validates the edited JSON; an edit that changes nothing is not stamped and not announced. */
    private MemberRecord change(MemberRecord previous, JsonNode edited, String by) {
        Instant now = now();
        MemberRecord candidate = validator.validate(edited, previous.id(), previous, previous.audit(), now);
        if (candidate.equals(previous)) {
            return previous;
        }
        MemberRecord stamped = candidate.withAudit(previous.audit().updated(now, by));
        put(stamped, previous);
        announce("updated", stamped, by);
        return stamped;
    }

    private void put(MemberRecord member, MemberRecord previous) {
        if (previous != null) {
            identifiers.remove(key(previous.identifier()));
            if (previous.officeEmail() != null) {
                officeEmails.remove(key(previous.officeEmail()));
            }
        }
        byId.put(member.id(), member);
        identifiers.put(key(member.identifier()), member.id());
        if (member.officeEmail() != null) {
            officeEmails.put(key(member.officeEmail()), member.id());
        }
    }

    private void announce(String action, MemberRecord member, String by) {
        changes.announce(action, member.id(), "deleted".equals(action) ? null : json.render(member), by);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static String key(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
