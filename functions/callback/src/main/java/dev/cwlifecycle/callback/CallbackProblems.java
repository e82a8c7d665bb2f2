package dev.cwlifecycle.callback;

import dev.cwlifecycle.gateway.Problem;
import dev.cwlifecycle.gateway.ProblemException;

/**
 * The callback's own refusals. 401 tells ConnectWise (or whoever forged the call) nothing beyond "not accepted";
 * 429 is the only status after which ConnectWise redelivers, so every "we could not take it now" is a 429.
 */
final class CallbackProblems {

    private CallbackProblems() {
    }

    static ProblemException payloadTooLarge(int size, int max) {
        return new ProblemException(Problem.of("payload-too-large", "Payload too large", 413,
                "The body is " + size + " bytes; at most " + max + " are accepted"));
    }

    static ProblemException unknownCompany() {
        return unauthenticated("callback-company", "The callback's CompanyId is not the company of this tenant");
    }

    static ProblemException keyUrlRefused() {
        return unauthenticated("callback-key-url", "Metadata.key_url is not on the tenant's own ConnectWise site "
                + "(https, no user info, port or fragment); no request was made to it");
    }

    static ProblemException signatureRefused(String why) {
        return unauthenticated("callback-signature", why);
    }

    static ProblemException keyUnavailable(String why) {
        return retryLater("callback-key-unavailable", "The signing key could not be fetched (" + why
                + "), so the signature cannot be checked yet");
    }

    static ProblemException notApplied() {
        return retryLater("callback-not-applied", "The callback could not be applied or recorded; "
                + "nothing is lost: redeliver it");
    }

    private static ProblemException unauthenticated(String kind, String detail) {
        return new ProblemException(Problem.of(kind, "Callback not accepted", 401, detail));
    }

    private static ProblemException retryLater(String kind, String detail) {
        return new ProblemException(Problem.of(kind, "Try again later", 429, detail));
    }
}
