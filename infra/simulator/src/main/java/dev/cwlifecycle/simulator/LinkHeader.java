package dev.cwlifecycle.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * ConnectWise's RFC 5988 {@code Link} header: absolute URLs repeating the request's own query with another
 * {@code page} (or {@code pageId} in forward-only mode).
 */
final class LinkHeader {

    private LinkHeader() {
    }

    /** prev and next where they exist, first and last always. */
    static String pages(ApiRequest request, int page, int lastPage) {
        List<String> links = new ArrayList<>();
        if (page > 1) {
            links.add(link(request, "page", Math.min(page - 1, lastPage), "prev"));
        }
        if (page < lastPage) {
            links.add(link(request, "page", page + 1, "next"));
        }
        links.add(link(request, "page", 1, "first"));
        links.add(link(request, "page", lastPage, "last"));
        return String.join(", ", links);
    }

    /** Forward-only mode: the next page starts after the last id of this one. */
    static String nextPageId(ApiRequest request, long lastId) {
        return link(request, "pageId", lastId, "next");
    }

    private static String link(ApiRequest request, String parameter, long value, String rel) {
        List<String> query = new ArrayList<>();
        if (request.rawQuery() != null) {
            Arrays.stream(request.rawQuery().split("&"))
                    .filter(pair -> !pair.isEmpty())
                    .filter(pair -> !isPaging(pair))
                    .forEach(query::add);
        }
        query.add(parameter + "=" + value);
        return "<" + request.url() + "?" + String.join("&", query) + ">; rel=\"" + rel + "\"";
    }

    private static boolean isPaging(String pair) {
        String name = URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8);
        return name.equalsIgnoreCase("page") || name.equalsIgnoreCase("pageId");
    }
}
