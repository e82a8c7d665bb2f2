package dev.cwlifecycle.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.BooleanSupplier;

/** One ConnectWise company on the site: its current API keys, setup tables, members, callbacks and signing key. */
final class Tenant {

    private volatile SimTenant keys;
    private final SystemCatalog catalog;
    private final SimMembers members;
    private final CallbackRegistry callbacks;
    private final CallbackKey callbackKey;
    private final BooleanSupplier memberDelete;

    /** The company's callback signing key and the id that names it in {@code key_url}. */
    record CallbackKey(String id, String signingKey) {

        @Override
        public String toString() {
            return "CallbackKey[id=" + id + "]";
        }
    }

    Tenant(SimTenant keys, SystemCatalog catalog, SimMembers members, CallbackRegistry callbacks,
           CallbackKey callbackKey, BooleanSupplier memberDelete) {
        this.keys = keys;
        this.catalog = catalog;
        this.members = members;
        this.callbacks = callbacks;
        this.callbackKey = callbackKey;
        this.memberDelete = memberDelete;
    }

    /** Whether {@code DELETE /system/members/{id}} is served (the seed guide's route), or answers 405 (the spec). */
    boolean memberDelete() {
        return memberDelete.getAsBoolean();
    }

    String companyId() {
        return keys.companyId();
    }

    SimTenant keys() {
        return keys;
    }

    /** After a rotation only the new pair is accepted. */
    void rotate(String publicKey, String privateKey) {
        keys = keys.withKeys(publicKey, privateKey);
    }

    /** Compares in constant time, as a credential check should. */
    boolean accepts(String publicKey, String privateKey) {
        SimTenant current = keys;
        return same(current.publicKey(), publicKey) & same(current.privateKey(), privateKey);
    }

    SystemCatalog catalog() {
        return catalog;
    }

    SimMembers members() {
        return members;
    }

    CallbackRegistry callbacks() {
        return callbacks;
    }

    CallbackKey callbackKey() {
        return callbackKey;
    }

    private static boolean same(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
