package dev.cwlifecycle.callback;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cwlifecycle.simulator.ConnectWiseSimulator;
import dev.cwlifecycle.testing.LambdaInvoker;
import dev.cwlifecycle.testing.SignedCallbacks;

/** The tenant's key_url and signing key as a real delivery shows them, to sign callbacks a test makes up. */
record CallbackSigner(String keyUrl, String signingKey) {

    /** Clears the simulator's faults, registers the function, and makes a first delivery when none happened yet. */
    static CallbackSigner learn(ConnectWiseSimulator simulator) {
        simulator.faults().clear();
        CallbackReceiver.registeredWith(simulator);
        if (simulator.callbacks().deliveries().isEmpty()) {
            SiteMembers.create(simulator);
            SiteMembers.await("a first delivery", () -> !simulator.callbacks().deliveries().isEmpty());
        }
        return new CallbackSigner(SignedCallbacks.keyUrl(simulator), simulator.callbacks().signingKey("acme"));
    }

    /** The Lambda function's answer to {@code payload}, signed with this key. */
    LambdaInvoker.Answer invoke(ObjectNode payload) {
        String body = payload.toString();
        return LambdaInvoker.invoke(SignedCallbacks.event(body, SignedCallbacks.sign(signingKey, body)));
    }
}
