package dev.cwlifecycle.lifecycle;

import dev.cwlifecycle.connectwise.Conditions;
import dev.cwlifecycle.connectwise.ConnectWiseClient;
import dev.cwlifecycle.connectwise.ConnectWiseClients;
import dev.cwlifecycle.connectwise.JsonPatch;
import dev.cwlifecycle.connectwise.MemberQuery;
import dev.cwlifecycle.connectwise.RequestCounter;
import dev.cwlifecycle.connectwise.error.BadRequestException;
import dev.cwlifecycle.connectwise.error.NotAppliedException;
import dev.cwlifecycle.connectwise.error.ConnectionFailedException;
import dev.cwlifecycle.connectwise.error.ServerErrorException;
import dev.cwlifecycle.connectwise.model.Member;
import dev.cwlifecycle.connectwise.model.Reference;
import dev.cwlifecycle.connectwise.model.SecurityRole;
import dev.cwlifecycle.lifecycle.exceptions.CreateUnsettled;
import dev.cwlifecycle.lifecycle.exceptions.IdentifierTaken;
import dev.cwlifecycle.lifecycle.exceptions.IdentifierUnderivable;
import dev.cwlifecycle.lifecycle.exceptions.IdentifiersExhausted;
import dev.cwlifecycle.lifecycle.exceptions.MemberExists;
import dev.cwlifecycle.lifecycle.exceptions.MemberInactive;
import dev.cwlifecycle.people.OfficeEmail;
import dev.cwlifecycle.store.DirectoryEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Provisions one person as a ConnectWise member without ever creating a second one. With a warm role cache it
 * takes three requests: one list that finds both the person (by office email) and every identifier a collision
 * suffix could clash with, the POST, and one list that would reveal a second seat taken meanwhile. A POST whose
 * outcome is unknown is never re-sent before the member has been looked up; an inactive member is reactivated
 * (policy), keeping its history.
 */
@ApplicationScoped
public class Provisioner {

    private static final Logger LOG = Logger.getLogger(Provisioner.class);
    private static final int MAX_ROUNDS = 3;
    private static final List<String> PLAN_FIELDS = List.of("id", "identifier", "officeEmail", "inactiveFlag",
            "licenseClass", "securityRole", "notes");

    private final ConnectWiseClients clients;
    private final ProvisionPolicy config;
    private final IdentifierConvention convention;
    private final DirectoryRefresh directory;
    private final Clock clock;

    @Inject
    public Provisioner(ConnectWiseClients clients, ProvisionPolicy config, DirectoryRefresh directory, Clock clock) {
        this.clients = clients;
        this.config = config;
        this.convention = new IdentifierConvention(config.identifierPattern());
        this.directory = directory;
        this.clock = clock;
    }

    public ProvisionOutcome provision(String tenant, NewMember request) {
        RequestCounter counter = new RequestCounter();
        ConnectWiseClient client = clients.forTenant(tenant).counting(counter);
        SecurityRole role = SetupReferences.role(client, request.role(), request.roleId());
        SetupReferences.requireKnown(client, request.defaultLocationId(), request.defaultDepartmentId(),
                request.timeZoneId(), request.memberTypeId());
        String licenseClass = (request.licenseClass() == null ? config.defaultLicenseClass()
                : request.licenseClass()).toUpperCase(Locale.ROOT);
        String base = request.identifier() != null ? request.identifier().toLowerCase(Locale.ROOT)
                : convention.base(request.firstName(), request.lastName()).orElseThrow(IdentifierUnderivable::new);
        for (int round = 1; round <= MAX_ROUNDS; round++) {
            Plan plan = plan(client, request, base);
            if (plan.existing() != null) {
                return existing(tenant, client, request, plan.existing(), role, licenseClass, counter);
            }
            if (request.dryRun()) {
                return result("would-create", null, plan.identifier(), licenseClass, role, request, counter);
            }
            Member sent = newMember(request, plan.identifier(), role, licenseClass);
            try {
                Member created = client.create(sent);
                directory.record(tenant, created, DirectoryEntry.Source.PROVISION);
                return created(client, created, licenseClass, role, request, counter);
            } catch (ConnectionFailedException | ServerErrorException unknown) {
                LOG.warnf("create of %s ended without an answer (%s); looking it up before anything else",
                        plan.identifier(), unknown.getMessage());
                Optional<Member> ours = UnansweredCreate.settle(client, sent, request.ticket());
                if (ours.isPresent()) {
                    directory.record(tenant, ours.get(), DirectoryEntry.Source.PROVISION);
                    return created(client, ours.get(), licenseClass, role, request, counter);
                }
            } catch (BadRequestException refused) {
                if (!refused.objectExists()) {
                    throw SetupReferences.refused(refused);
                }
                LOG.infof("identifier or email taken meanwhile (%s); planning again", refused.getMessage());
            }
        }
        throw new CreateUnsettled(MAX_ROUNDS);
    }

    private record Plan(String identifier, Member existing) {
    }

    /** One list request: the person by office email, and every identifier a candidate could clash with. */
    private Plan plan(ConnectWiseClient client, NewMember request, String base) {
        String prefix = request.identifier() != null ? base : IdentifierConvention.candidatePrefix(base);
        Conditions conditions = Conditions.field("identifier").startsWith(prefix)
                .or(Conditions.field("officeEmail").eq(request.email()));
        List<Member> found = client.members(MemberQuery.where(conditions).fields(PLAN_FIELDS.toArray(String[]::new)))
                .toList();
        Member existing = found.stream().filter(m -> OfficeEmail.same(request.email(), m.officeEmail()))
                .min((a, b) -> Boolean.compare(!a.active(), !b.active())).orElse(null);
        Set<String> taken = new HashSet<>();
        found.forEach(member -> taken.add(member.identifier().toLowerCase(Locale.ROOT)));
        if (existing != null) {
            return new Plan(existing.identifier(), existing);
        }
        if (request.identifier() != null) {
            if (taken.contains(base)) {
                throw new IdentifierTaken(base);
            }
            return new Plan(base, null);
        }
        return IdentifierConvention.candidates(base).filter(candidate -> !taken.contains(candidate)).findFirst()
                .map(identifier -> new Plan(identifier, null))
                .orElseThrow(() -> new IdentifiersExhausted(base));
    }

    /**
     * The created member, after one look for other active members with its office email. ConnectWise does not keep
     * office emails unique and our per-email lease only holds within one idempotency table, so a second seat for
     * the person (e.g. from a second deployment) is reported here, never silent.
     */
    private static ProvisionOutcome created(ConnectWiseClient client, Member created, String licenseClass,
                                           SecurityRole role, NewMember request, RequestCounter counter) {
        List<Long> others = client.members(MemberQuery.where(Conditions.field("officeEmail").eq(request.email())
                        .and(Conditions.field("inactiveFlag").eq(false))).fields("id"))
                .map(Member::id).filter(id -> !id.equals(created.id())).toList();
        if (!others.isEmpty()) {
            LOG.errorf("second seat: member %d (%s) was created while active member(s) %s have the same office email;"
                    + " deactivate the one not wanted", created.id(), created.identifier(), others);
        }
        return new ProvisionOutcome("created", created.id(), created.identifier(), licenseClass, role.name(),
                role.id(), request.ticket(), counter.requests(), others.isEmpty() ? null : others);
    }

    private ProvisionOutcome existing(String tenant, ConnectWiseClient client, NewMember request, Member existing,
                                     SecurityRole role, String licenseClass, RequestCounter counter) {
        if (existing.active()) {
            throw new MemberExists(existing.id(), existing.identifier());
        }
        if (!config.reactivateInactive()) {
            throw MemberInactive.reactivationOff(existing.id(), existing.identifier());
        }
        if (request.dryRun()) {
            return result("would-reactivate", existing.id(), existing.identifier(), licenseClass, role, request,
                    counter);
        }
        Member reactivated = client.patch(existing.id(), JsonPatch.of().replace("inactiveFlag", false)
                .remove("inactiveDate").replace("securityRole", Reference.to(role.id()))
                .replace("licenseClass", licenseClass)
                .replace("notes", MemberNotes.reactivated(existing.notes(), request.ticket())));
        if (!reactivated.active()) {
            throw new NotAppliedException("PATCH", "/system/members/" + existing.id(), "still inactive after reactivation");
        }
        directory.record(tenant, reactivated, DirectoryEntry.Source.PROVISION);
        return result("reactivated", reactivated.id(), reactivated.identifier(), licenseClass, role, request,
                counter);
    }

    private Member newMember(NewMember request, String identifier, SecurityRole role, String licenseClass) {
        return new Member(null, identifier, request.firstName().trim(), request.lastName().trim(), null,
                request.title(), request.email(), null, null, "Office", request.phone(), null, null, "Office",
                licenseClass, Reference.to(role.id()), reference(request.memberTypeId()),
                reference(request.timeZoneId()), reference(request.defaultLocationId()),
                reference(request.defaultDepartmentId()), null,
                request.hireDate() != null ? request.hireDate()
                        : LocalDate.now(clock).atStartOfDay(ZoneOffset.UTC).toInstant(),
                null, null, MemberNotes.provisioned(request.ticket()), null);
    }

    private static Reference reference(Integer id) {
        return id == null ? null : Reference.to(id);
    }

    private static ProvisionOutcome result(String outcome, Long memberId, String identifier, String licenseClass,
                                          SecurityRole role, NewMember request, RequestCounter counter) {
        return new ProvisionOutcome(outcome, memberId, identifier, licenseClass, role.name(), role.id(),
                request.ticket(), counter.requests(), null);
    }
}
