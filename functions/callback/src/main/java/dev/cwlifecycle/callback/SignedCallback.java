package dev.cwlifecycle.callback;

/**
 * A callback from the tenant's company, as it arrived: its raw body, what it says, the tenant's site (where its
 * key_url must point) and when its answer is due.
 */
record SignedCallback(byte[] body, CallbackPayload payload, String site, AnswerDeadline deadline) {
}
