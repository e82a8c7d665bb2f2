package dev.cwlifecycle.credentials;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code site} of a secret: a bare host name, optionally with a port ({@code api-na.myconnectwise.net},
 * {@code cw.example.com:8443}). {@code https://host} is accepted and reduced to the host; {@code http://} only
 * for a loopback host (the local simulator), kept as the URL.
 */
final class SiteName {

    private static final Pattern HOST =
            Pattern.compile("(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
    private static final Pattern IPV6_LITERAL = Pattern.compile("\\[[0-9a-f:.]+]");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");

    private SiteName() {
    }

    /**
     * The site as {@link ConnectWiseCredentials#site()} holds it.
     *
     * @throws IllegalArgumentException naming the problem, never quoting the input
     */
    static String normalise(String site) {
        if (site.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new IllegalArgumentException("must not contain whitespace or control characters");
        }
        String rest = site;
        boolean http = false;
        int schemeEnd = site.indexOf("://");
        if (schemeEnd >= 0) {
            String scheme = site.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http")) {
                throw new IllegalArgumentException("must be a host name; the only schemes allowed are https:// "
                        + "and, for a loopback host, http://");
            }
            http = scheme.equals("http");
            rest = site.substring(schemeEnd + 3);
        }
        // A single trailing slash is how browsers show a site's root; anything longer is a path.
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        if (rest.contains("@")) {
            throw new IllegalArgumentException("must not contain user info ('@')");
        }
        if (rest.contains("/") || rest.contains("?") || rest.contains("#")) {
            throw new IllegalArgumentException("must be a host name without a path, query or fragment");
        }
        Authority authority = authority(rest.toLowerCase(Locale.ROOT));
        if (http && !LOOPBACK.contains(authority.host())) {
            throw new IllegalArgumentException("may use http:// only for a loopback host (127.0.0.1, localhost, "
                    + "[::1]); give the bare host name, https is implied");
        }
        return http ? "http://" + authority.text() : authority.text();
    }

    private record Authority(String host, String port) {
        String text() {
            return port == null ? host : host + ":" + port;
        }
    }

    private static Authority authority(String authority) {
        String host = authority;
        String port = null;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("has an unterminated IPv6 literal");
            }
            host = authority.substring(0, close + 1);
            String after = authority.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    throw new IllegalArgumentException("is not a valid host name");
                }
                port = after.substring(1);
            }
        } else if (authority.contains(":")) {
            host = authority.substring(0, authority.indexOf(':'));
            port = authority.substring(authority.indexOf(':') + 1);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("has no host name");
        }
        if (!HOST.matcher(host).matches() && !IPV6_LITERAL.matcher(host).matches()) {
            throw new IllegalArgumentException("is not a valid host name");
        }
        if (port != null && !(PORT.matcher(port).matches() && Integer.parseInt(port) >= 1
                && Integer.parseInt(port) <= 65535)) {
            throw new IllegalArgumentException("has a port that is not a number from 1 to 65535");
        }
        return new Authority(host, port);
    }
}
