package dev.cwlifecycle.local;

import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a local run prints once it is up: where each part is, the bearer token, and requests to copy and paste.
 *
 * @param token the local token, or empty when the user's own credentials hold the hash of theirs
 * @param demo  the demo follows and ends the run by itself
 */
record LocalBanner(String api, String connectwise, String dynamodb, String tables, String schedule, String callback,
                   String credentials, Optional<String> token, String emailDomain, boolean demo) {

    String render() {
        String routes = LocalRoutes.ALL.stream().map(route -> String.format("      %-42s %-12s %s", route.routeKey(),
                        route.function(), route.callerAuthenticated() ? "bearer token" : "ConnectWise signature"))
                .collect(Collectors.joining("\n"));
        String tokenLine = token.map(value -> "export CW_TOKEN=" + value)
                .orElse("export CW_TOKEN=<the token whose SHA-256 your credentials' apiTokenSha256 holds>");
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

                Provision a member:
                  curl -s -X POST %s/members -H "Authorization: Bearer $CW_TOKEN" -H 'Content-Type: application/json' -d '{"firstName":"Ada","lastName":"Lovelace","email":"ada.lovelace@%s","role":"Technician"}'

                Move her to dispatch (only what differs is sent to ConnectWise, as one JSON Patch):
                  curl -s -X PATCH %s/members/alovelace -H "Authorization: Bearer $CW_TOKEN" -H 'Content-Type: application/json' -d '{"role":"Dispatch","title":"Dispatch lead"}'

                Deprovision her (deactivate; "handover" with "handoverTo", or "delete", are the other modes):
                  curl -s -X POST %s/members/alovelace/deprovision -H "Authorization: Bearer $CW_TOKEN" -H 'Content-Type: application/json' -d '{"mode":"deactivate"}'

                %s
                """.formatted(api, routes, connectwise, dynamodb, tables, schedule, callback, credentials, tokenLine,
                api, emailDomain, api, api, demo ? "The demo starts now; everything stops when it ends."
                        : "Ctrl-C stops everything.");
    }
}
