package dev.cwlifecycle.gateway;

/**
 * How a route's callers prove who they are, the step {@link ApiEdge} runs before the route's work: the API
 * Gateway authorizer or a bearer token for the API ({@link CallerAuthentication}), the signature for ConnectWise's
 * callbacks. Each step throws its refusal.
 *
 * @param <T> what the route's work needs of the proven caller (e.g. the verified callback)
 */
public interface Authentication<T> {

    /**
     * Whether the caller speaks for {@code tenant} at all; from here on its answer is counted under the tenant. An
     * unknown tenant ({@link Tenants#known}) is refused like a caller who is not the tenant's.
     */
    T identify(GatewayRequest request, String tenant);

    /** Proof beyond {@link #identify} (a callback's signature over its body); none by default. */
    default void verify(GatewayRequest request, String tenant, T caller) {
    }

    /** What the caller hears of a failure that is not a refusal: the failure itself by default. */
    default RuntimeException unserved(RuntimeException failure) {
        return failure;
    }
}
