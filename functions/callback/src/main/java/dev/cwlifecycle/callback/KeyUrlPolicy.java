package dev.cwlifecycle.callback;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Which {@code key_url} we may fetch: the payload names it, so whoever can POST to us chooses it. Only the tenant's
 * own ConnectWise site is trusted: https with exactly the site's authority (no user info, no port unless the site
 * has one) and no fragment. The one exception is a loopback {@code http://127.0.0.1:PORT} site (the local
 * simulator, the only http form credentials allow), whose scheme, host and port must match exactly.
 */
final class KeyUrlPolicy {

    private final String scheme;
    private final String authority;

    private KeyUrlPolicy(String scheme, String authority) {
        this.scheme = scheme;
        this.authority = authority;
    }

    /** {@code site} as {@code ConnectWiseCredentials.site()} holds it: a host[:port], or a loopback http URL. */
    static KeyUrlPolicy forSite(String site) {
        return site.startsWith("http://") ? new KeyUrlPolicy("http", site.substring("http://".length()))
                : new KeyUrlPolicy("https", site);
    }

    /** The key_url to fetch, or empty when it must not be fetched at all. */
    Optional<URI> allowed(String keyUrl) {
        URI uri;
        try {
            uri = new URI(keyUrl);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        boolean ours = uri.isAbsolute() && !uri.isOpaque()
                && scheme.equalsIgnoreCase(uri.getScheme())
                && uri.getRawAuthority() != null && authority.equalsIgnoreCase(uri.getRawAuthority())
                && uri.getRawUserInfo() == null
                && uri.getRawFragment() == null;
        return ours ? Optional.of(uri) : Optional.empty();
    }
}
