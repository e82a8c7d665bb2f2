package dev.cwlifecycle.scim;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cwlifecycle.gateway.Problem;
import dev.cwlifecycle.gateway.ProblemFormat;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * SCIM's error schema (RFC 7644 §3.12) for the problem a failure became: the same status (a 422 of ours is SCIM's
 * 400 {@code invalidValue}), {@code status} as a string, the {@code scimType} keyword where SCIM has one, and our
 * detail only for the caller's own mistakes: a failure of ours or of ConnectWise says what to do, not what
 * ConnectWise answered.
 */
final class ScimErrors implements ProblemFormat {

    static final ScimErrors FORMAT = new ScimErrors();
    static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

    /** Our problem types that SCIM has a keyword for. */
    private static final Map<String, String> SCIM_TYPES = Map.ofEntries(
            Map.entry("member-exists", "uniqueness"),
            Map.entry("identifier-taken", "uniqueness"),
            Map.entry("identifier-exhausted", "uniqueness"),
            Map.entry("email-taken", "uniqueness"),
            Map.entry("malformed-json", "invalidSyntax"),
            Map.entry("empty-body", "invalidSyntax"),
            Map.entry("validation", "invalidValue"),
            Map.entry("unknown-role", "invalidValue"),
            Map.entry("unknown-reference", "invalidValue"),
            Map.entry("identifier-underivable", "invalidValue"),
            Map.entry("member-not-ours", "mutability"));

    /** Where the JSON parser's own words start in a message of the SCIM library: a location or a type name. */
    private static final Pattern PARSER_WORDS = Pattern.compile("\\s*\\(?(start marker )?at \\[Source|`|\\R");

    private ScimErrors() {
    }

    /**
     * The SCIM library's complaint about a filter or a path, without the JSON parser's source location and type
     * names it may carry along: what was wrong, in the request's terms.
     */
    static String libraryMessage(Throwable refused) {
        String message = refused.getMessage() == null ? "unreadable" : refused.getMessage();
        return PARSER_WORDS.split(message, 2)[0];
    }

    /**
     * A 503 of ours (ConnectWise, Secrets Manager or DynamoDB unavailable) is SCIM's 429: Entra ID and Okta retry it
     * after {@code Retry-After}; a 422 is SCIM's 400.
     */
    @Override
    public APIGatewayV2HTTPResponse write(Problem problem, Map<String, String> headers) {
        int status = switch (problem.status()) {
            case 422 -> 400;
            case 503 -> 429;
            default -> problem.status();
        };
        ObjectNode error = ScimJson.MAPPER.createObjectNode();
        error.putArray("schemas").add(ERROR_SCHEMA);
        error.put("status", String.valueOf(status));
        String kind = problem.type().substring(Problem.TYPE_PREFIX.length());
        Object scimType = problem.extensions().getOrDefault("scimType", SCIM_TYPES.get(kind));
        if (scimType != null) {
            error.put("scimType", scimType.toString());
        }
        error.put("detail", problem.status() >= 500 ? problem.title() + ": nothing was done; retry later (correlation id "
                + problem.correlationId() + ")" : detail(problem));
        return ScimJson.response(status, error, headers);
    }

    /** The detail and, for field errors, each field and what is wrong with it. */
    private static String detail(Problem problem) {
        if (problem.errors().isEmpty()) {
            return problem.detail();
        }
        StringBuilder detail = new StringBuilder(problem.detail() == null ? "" : problem.detail());
        problem.errors().forEach(field -> detail.append(detail.isEmpty() ? "" : "; ").append(field.field())
                .append(' ').append(field.message()));
        return detail.toString();
    }
}
