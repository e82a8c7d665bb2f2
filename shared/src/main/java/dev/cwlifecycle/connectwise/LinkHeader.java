package dev.cwlifecycle.connectwise;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** RFC 5988 {@code Link} header: {@code <url>; rel="next", <url>; rel="last"} → rel to url. */
final class LinkHeader {

    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"?([A-Za-z]+)\"?");

    private LinkHeader() {
    }

    static Map<String, String> parse(String header) {
        Map<String, String> links = new LinkedHashMap<>();
        Matcher matcher = LINK.matcher(header);
        while (matcher.find()) {
            links.put(matcher.group(2).toLowerCase(java.util.Locale.ROOT), matcher.group(1));
        }
        return links;
    }
}
