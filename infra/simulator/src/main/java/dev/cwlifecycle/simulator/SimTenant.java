package dev.cwlifecycle.simulator;

import java.util.Objects;

/**
 * A ConnectWise company and the API key pair the simulator accepts for it. {@code apiMemberIdentifier} is the
 * API member the keys belong to: it is stamped as {@code _info.updatedBy} on API writes and named in callbacks.
 * A {@code readOnly} key pair belongs to an API member whose security role may read but not write: its writes
 * get 403.
 */
public record SimTenant(String companyId, String publicKey, String privateKey, String apiMemberIdentifier,
                        boolean readOnly) {

    public SimTenant {
        Objects.requireNonNull(companyId, "companyId");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(apiMemberIdentifier, "apiMemberIdentifier");
    }

    public SimTenant(String companyId, String publicKey, String privateKey, String apiMemberIdentifier) {
        this(companyId, publicKey, privateKey, apiMemberIdentifier, false);
    }

    /** The conventional test tenant for a company: keys {@code pub-<company>} / {@code priv-<company>}. */
    public static SimTenant standard(String companyId) {
        return new SimTenant(companyId, "pub-" + companyId, "priv-" + companyId, "apimember");
    }

    /** The same company and API member with a key pair whose writes are forbidden. */
    public SimTenant asReadOnly() {
        return new SimTenant(companyId, publicKey, privateKey, apiMemberIdentifier, true);
    }

    SimTenant withKeys(String newPublicKey, String newPrivateKey) {
        return new SimTenant(companyId, newPublicKey, newPrivateKey, apiMemberIdentifier, readOnly);
    }

    /** Leaves the private key out. */
    @Override
    public String toString() {
        return "SimTenant[companyId=" + companyId + ", publicKey=" + publicKey + ", apiMemberIdentifier="
                + apiMemberIdentifier + ", readOnly=" + readOnly + "]";
    }
}
