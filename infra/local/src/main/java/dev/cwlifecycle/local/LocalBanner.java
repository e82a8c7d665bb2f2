package dev.cwlifecycle.local;

import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a local run prints once it is up: where each part is, the bearer token, and requests to copy and paste.
 *
 * @param token     the local token, or empty when the user's own credentials hold the hash of theirs
 * @param scimToken the local SCIM token, likewise
 * @param scimBase  the tenant's SCIM base URL (Entra ID's Tenant URL, Okta's SCIM connector base URL)
 * @param demo      the demo follows and ends the run by itself
 */
record LocalBanner(String api, String connectwise, String dynamodb, String tables, String schedule, String callback,
                   String credentials, Optional<String> token, Optional<String> scimToken, String scimBase,
                   String emailDomain, boolean demo) {

    String render() {
        String routes = LocalRoutes.ALL.stream().map(route -> String.format("      %-48s %-12s %s", route.routeKey(),
                        route.function(), authentication(route)))
                .collect(Collectors.joining("\n"));
        String tokenLine = token.map(value -> "export CW_TOKEN=" + value)
                .orElse("export CW_TOKEN=<the token whose SHA-256 your credentials' apiTokenSha256 holds>");
        String scimTokenLine = scimToken.map(value -> "export CW_SCIM_TOKEN=" + value)
                .orElse("export CW_SCIM_TOKEN=<a token whose SHA-256 your credentials' scimTokenSha256 lists>");
        return """

                cw-lifecycle is running locally
                  API            %s  (API Gateway's routes, handled by the Lambda handlers)
                %s
                  ConnectWise    %s
                  DynamoDB       %s
                  tables         %s
                  sync           %s
                  callback       %s
                  credentials    %s

                %s
                %s

                Provision a member:
                  curl -s -X POST %s/members -H "Authorization: Bearer $CW_TOKEN" -H 'Content-Type: application/json' -d '{"firstName":"Ada","lastName":"Lovelace","email":"ada.lovelace@%s","role":"Technician"}'

                Move her to dispatch (only what differs is sent to ConnectWise, as one JSON Patch):
                  curl -s -X PATCH %s/members/alovelace -H "Authorization: Bearer $CW_TOKEN" -H 'Content-Type: application/json' -d '{"role":"Dispatch","title":"Dispatch lead"}'

                Deprovision her (deactivate; "handover" with "handoverTo", or "delete", are the other modes):
                  curl -s -X POST %s/members/alovelace/deprovision -H "Authorization: Bearer $CW_TOKEN" -H 'Content-Type: application/json' -d '{"mode":"deactivate"}'

                SCIM 2.0, as Entra ID or Okta calls it (base URL %s): create a user, then find her:
                  curl -s -X POST %s/Users -H "Authorization: Bearer $CW_SCIM_TOKEN" -H 'Content-Type: application/scim+json' -d '{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"grace.hopper@%s","name":{"givenName":"Grace","familyName":"Hopper"},"urn:ietf:params:scim:schemas:extension:cwlifecycle:2.0:User":{"securityRole":"Technician"}}'
                  curl -s "%s/Users?filter=userName%%20eq%%20%%22grace.hopper@%s%%22" -H "Authorization: Bearer $CW_SCIM_TOKEN"

                %s
                """.formatted(api, routes, connectwise, dynamodb, tables, schedule, callback, credentials, tokenLine,
                scimTokenLine, api, emailDomain, api, api, scimBase, scimBase, emailDomain, scimBase, emailDomain,
                demo ? "The demo starts now; everything stops when it ends." : "Ctrl-C stops everything.");
    }

    private static String authentication(LocalRoutes.Route route) {
        if (route.callerAuthenticated()) {
            return "bearer token";
        }
        return switch (route.function()) {
            case "callback" -> "ConnectWise signature";
            case "scim" -> "SCIM token (checked by the function)";
            default -> "public";
        };
    }
}
