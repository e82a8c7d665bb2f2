package dev.cwlifecycle.sync;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.cwlifecycle.credentials.TenantId;
import dev.cwlifecycle.store.RunSummary;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.Locale;

/**
 * What EventBridge hands the function: either the rule's constant input {@code {"tenant","mode"}} or the scheduled
 * event itself, whose {@code detail} may carry them. Anything else in the event is ignored.
 *
 * @param id the EventBridge event id, when the whole event was passed: the run's correlation id
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record SyncRequest(String id, String tenant, String mode, Detail detail, String callbackUrl) {

    public static final String DEFAULT_TENANT = "default";
    /** The operator's one-off input: register the ConnectWise member callback for {@link #callbackUrl}. */
    public static final String REGISTER_CALLBACK = "register-callback";

    public SyncRequest(String id, String tenant, String mode, Detail detail) {
        this(id, tenant, mode, detail, null);
    }

    /** Asked for by {@code mode} of the constant input or of a scheduled event's {@code detail}. */
    public boolean registersCallback() {
        return REGISTER_CALLBACK.equalsIgnoreCase(namedMode());
    }

    /** The URL to register: the constant input's {@code callbackUrl}, else the {@code detail}'s. */
    public String targetCallbackUrl() {
        return callbackUrl != null ? callbackUrl : detail != null ? detail.callbackUrl() : null;
    }

    /** A scheduled event's {@code detail}. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Detail(String tenant, String mode, String callbackUrl) {
    }

    /** The tenant to sync, {@code default} when none is named; refused when it is not a tenant id. */
    public String targetTenant() {
        String named = tenant != null ? tenant : detail != null ? detail.tenant() : null;
        String target = named == null ? DEFAULT_TENANT : named;
        if (!TenantId.valid(target)) {
            throw new IllegalArgumentException("tenant must be 1 to 64 letters, digits, '-' or '_', starting with a"
                    + " letter or digit");
        }
        return target;
    }

    /** {@code incremental} (the default) or {@code full}, in any case. */
    public RunSummary.Mode targetMode() {
        String named = namedMode();
        if (named == null) {
            return RunSummary.Mode.INCREMENTAL;
        }
        return switch (named.toLowerCase(Locale.ROOT)) {
            case "incremental" -> RunSummary.Mode.INCREMENTAL;
            case "full" -> RunSummary.Mode.FULL;
            default -> throw new IllegalArgumentException("mode must be 'incremental', 'full' or '"
                    + REGISTER_CALLBACK + "'");
        };
    }

    private String namedMode() {
        return mode != null ? mode : detail != null ? detail.mode() : null;
    }
}
