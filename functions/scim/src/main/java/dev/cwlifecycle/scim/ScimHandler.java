package dev.cwlifecycle.scim;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cwlifecycle.gateway.ApiEdge;
import dev.cwlifecycle.gateway.GatewayRequest;
import dev.cwlifecycle.gateway.IdempotentRequests;
import dev.cwlifecycle.gateway.JsonBody;
import dev.cwlifecycle.gateway.RequestKeys;
import dev.cwlifecycle.gateway.exceptions.ScimRequestInvalid;
import dev.cwlifecycle.lifecycle.Departure;
import dev.cwlifecycle.lifecycle.Deprovisioner;
import dev.cwlifecycle.lifecycle.Mover;
import dev.cwlifecycle.lifecycle.ProvisionOutcome;
import dev.cwlifecycle.lifecycle.Provisioner;
import dev.cwlifecycle.lifecycle.exceptions.MemberNotFound;
import dev.cwlifecycle.store.DirectoryEntry;
import dev.cwlifecycle.store.ExternalIds;
import dev.cwlifecycle.store.MemberDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /scim/{tenant}/v2/...}: SCIM 2.0 Users (RFC 7643/7644) for Entra ID's and Okta's provisioning engines, in
 * front of the same lifecycle core as the ticketing API. Creates provision (never a second seat, idempotent: the
 * identity providers retry), {@code active: false} and DELETE deactivate (never a hard delete), {@code active: true}
 * reactivates, and reads answer from the member directory without a ConnectWise request.
 */
@ApplicationScoped
public class ScimHandler {

    private static final String USERS = "/scim/{tenant}/v2/Users";
    private static final String USER = USERS + "/{id}";

    private final ApiEdge edge;
    private final ScimAuthentication authentication;
    private final Provisioner provisioner;
    private final Deprovisioner deprovisioner;
    private final Mover mover;
    private final MemberDirectory directory;
    private final ExternalIds externalIds;
    private final IdempotentRequests idempotent;
    private final ScimConfig config;
    private final ServiceProvider serviceProvider;
    private final Clock clock;

    @Inject
    public ScimHandler(ApiEdge edge, ScimAuthentication authentication, Provisioner provisioner,
                       Deprovisioner deprovisioner, Mover mover, MemberDirectory directory, ExternalIds externalIds,
                       IdempotentRequests idempotent, ScimConfig config, ServiceProvider serviceProvider, Clock clock) {
        this.edge = edge;
        this.authentication = authentication;
        this.provisioner = provisioner;
        this.deprovisioner = deprovisioner;
        this.mover = mover;
        this.directory = directory;
        this.externalIds = externalIds;
        this.idempotent = idempotent;
        this.config = config;
        this.serviceProvider = serviceProvider;
        this.clock = clock;
    }

    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        return edge.handle("scim", event, authentication, ScimErrors.FORMAT,
                (request, tenant, caller) -> route(request, tenant));
    }

    private APIGatewayV2HTTPResponse route(GatewayRequest request, String tenant) {
        String base = base(request, tenant);
        return switch (request.routeKey()) {
            case "GET /scim/{tenant}/v2/ServiceProviderConfig" -> ok(serviceProvider.config());
            case "GET /scim/{tenant}/v2/ResourceTypes" -> ok(serviceProvider.resourceTypes());
            case "GET /scim/{tenant}/v2/Schemas" -> ok(serviceProvider.schemas());
            case "GET " + USERS -> ok(list(request, tenant, base));
            case "POST " + USERS -> create(request, tenant, base);
            case "GET " + USER -> ok(shown(tenant, stored(request, tenant), base));
            case "PUT " + USER -> change(tenant, base, stored(request, tenant), null, ScimUser.read(body(request)));
            case "PATCH " + USER -> {
                DirectoryEntry current = stored(request, tenant);
                ObjectNode shown = shown(tenant, current, base);
                yield change(tenant, base, current, ScimUser.read(shown), UserPatch.read(body(request)).applyTo(shown));
            }
            case "DELETE " + USER -> {
                deactivate(tenant, stored(request, tenant));
                yield ScimJson.response(204, null, Map.of());
            }
            default -> throw new IllegalStateException("No SCIM route " + request.routeKey());
        };
    }

    private ObjectNode list(GatewayRequest request, String tenant, String base) {
        UserFilter filter = request.queryParameter("filter").map(UserFilter::parse).orElseGet(UserFilter::everyone);
        int startIndex = Math.max(1, number(request, "startIndex", 1));
        int count = Math.min(Math.max(0, number(request, "count", config.maxResults())), config.maxResults());
        List<DirectoryEntry> matches = filter.members(directory, externalIds, tenant)
                .sorted(Comparator.comparingLong(DirectoryEntry::memberId)).toList();
        List<DirectoryEntry> rows = matches.stream().skip(startIndex - 1L).limit(count).toList();
        Map<Long, ExternalIds.Link> links = externalIds.of(tenant, rows.stream().map(DirectoryEntry::memberId).toList());
        List<ObjectNode> page = rows.stream()
                .map(entry -> UserResources.user(entry, links.get(entry.memberId()), base)).toList();
        return UserResources.list(page, matches.size(), startIndex);
    }

    /**
     * One create per userName at a time and per identical request ever (an identity provider that timed out sends
     * the same create again and gets the first answer); a user whose userName an active member has is 409
     * {@code uniqueness}.
     */
    private APIGatewayV2HTTPResponse create(GatewayRequest request, String tenant, String base) {
        ScimUser user = ScimUser.read(body(request));
        if (!user.active()) {
            throw new ScimRequestInvalid("invalidValue", "A user is created active: a ConnectWise member takes a "
                    + "paid seat when created, so a disabled user is not created at all");
        }
        String role = role(user, null);
        String payload = canonical(user);
        return idempotent.run(RequestKeys.key(tenant, "scim-create", RequestKeys.personKey(user.userName(), payload)),
                payload, () -> idempotent.exclusively(RequestKeys.officeEmailLease(tenant, user.userName()),
                        "A create for this userName", () -> {
                            ProvisionOutcome outcome = provisioner.provision(tenant, user.newMember(role));
                            ExternalIds.Link link = link(tenant, outcome.memberId(), user.externalId());
                            ObjectNode created = UserResources.user(directory.get(tenant, outcome.memberId())
                                    .orElseGet(() -> provisioned(tenant, user, outcome)), link, base);
                            return ScimJson.response(201, created,
                                    Map.of("Location", created.path("meta").path("location").asText()));
                        }));
    }

    /**
     * The user after a PUT or a PatchOp against the member as stored: a change of {@code active} deactivates or
     * reactivates; the profile attributes of an active user go through the mover, which reads the member from
     * ConnectWise and patches only what differs there ({@code before}: the user as shown, for a PatchOp).
     */
    private APIGatewayV2HTTPResponse change(String tenant, String base, DirectoryEntry current, ScimUser before,
                                            ScimUser next) {
        if (current.active() && next.active()) {
            mover.move(tenant, next.change(current.memberId(), before));
        } else if (current.active()) {
            deactivate(tenant, current);
        } else if (next.active()) {
            provisioner.provision(tenant, next.newMember(role(next, current)));
        }
        if (next.externalId() != null) {
            link(tenant, current.memberId(), next.externalId());
        }
        return ok(shown(tenant, directory.get(tenant, current.memberId()).orElse(current), base));
    }

    private ObjectNode shown(String tenant, DirectoryEntry entry, String base) {
        return UserResources.user(entry, externalIds.of(tenant, entry.memberId()).orElse(null), base);
    }

    /**
     * The member's link after this request: the externalId the identity provider sent (the one known when it sent
     * none), and the time it was first seen here (its creation, for a user created through SCIM).
     */
    private ExternalIds.Link link(String tenant, long memberId, String externalId) {
        Optional<ExternalIds.Link> known = externalIds.of(tenant, memberId);
        ExternalIds.Link link = new ExternalIds.Link(memberId,
                externalId != null ? externalId : known.map(ExternalIds.Link::externalId).orElse(null),
                known.map(ExternalIds.Link::created).orElseGet(clock::instant));
        if (!known.equals(Optional.of(link))) {
            externalIds.remember(tenant, link);
        }
        return link;
    }

    private ObjectNode body(GatewayRequest request) {
        return JsonBody.object(request, config.maxBodyBytes(), ScimJson.MEDIA_TYPE, "application/json");
    }

    private void deactivate(String tenant, DirectoryEntry member) {
        deprovisioner.deprovision(tenant, new Departure(null, member.memberId(), null, Departure.Mode.DEACTIVATE,
                null, false, false));
    }

    /** The role a create or reactivation gives: the one the identity provider mapped, the member's, the default. */
    private String role(ScimUser user, DirectoryEntry current) {
        if (user.securityRole() != null) {
            return user.securityRole();
        }
        if (current != null && current.securityRole() != null) {
            return current.securityRole();
        }
        return config.defaultRole().orElseThrow(() -> new ScimRequestInvalid("invalidValue", ScimUser.EXTENSION
                + ":securityRole is required: map it in the identity provider, or set cw.scim.default-role"));
    }

    /** The member the route's {@code id} names, as the directory holds it. */
    private DirectoryEntry stored(GatewayRequest request, String tenant) {
        String id = request.pathParameter("id").orElse("");
        return UserFilter.memberId(id).flatMap(memberId -> directory.get(tenant, memberId))
                .filter(entry -> !entry.deleted() && !entry.pending() && entry.identifier() != null)
                .orElseThrow(() -> new MemberNotFound("with id " + id));
    }

    /** What a create answers when the directory could not be written: the request and ConnectWise's answer. */
    private static DirectoryEntry provisioned(String tenant, ScimUser user, ProvisionOutcome outcome) {
        return new DirectoryEntry(tenant, outcome.memberId(), outcome.identifier(), user.givenName(),
                user.familyName(), user.userName(), outcome.role(), outcome.licenseClass(), true, null,
                DirectoryEntry.Source.PROVISION, false, false);
    }

    /** The tenant's SCIM base URL as the caller reached it (API Gateway sets {@code X-Forwarded-Proto}). */
    private static String base(GatewayRequest request, String tenant) {
        String scheme = request.header("X-Forwarded-Proto").orElse("http");
        return scheme + "://" + request.header("Host").orElse("localhost") + "/scim/" + tenant + "/v2";
    }

    private static int number(GatewayRequest request, String name, int absent) {
        String value = request.queryParameter(name).orElse(null);
        if (value == null) {
            return absent;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ScimRequestInvalid("invalidValue", "'" + name + "' must be an integer");
        }
    }

    private static String canonical(ScimUser user) {
        try {
            return ScimJson.MAPPER.writeValueAsString(user);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static APIGatewayV2HTTPResponse ok(ObjectNode body) {
        return ScimJson.response(200, body, Map.of());
    }
}
