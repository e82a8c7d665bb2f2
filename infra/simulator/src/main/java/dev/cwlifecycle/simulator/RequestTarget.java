package dev.cwlifecycle.simulator;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Where a request goes on the site. {@code path} is what the request log shows: relative to {@code apis/3.0}
 * for API paths (under any codebase), the full path otherwise; {@code codebase} is the one the request named
 * ({@code v2025_1/}), or null outside the API and the callback key.
 */
record RequestTarget(Area area, String codebase, String path, List<String> segments) {

    enum Area {
        /** {@code /login/companyinfo/{companyId}}: codebase discovery, no auth. */
        COMPANY_INFO,
        /** {@code /{codebase}/system/callbackkey/index.rails}: the callback signing key, no auth. */
        CALLBACK_KEY,
        /** {@code /{codebase}apis/3.0/...} under a codebase the site serves. */
        API,
        /** Anything else, including the API under a codebase the site no longer serves. */
        UNSERVED
    }

    private static final String COMPANY_INFO = "/login/companyinfo/";
    private static final String API_ROOT = "/apis/3.0";
    private static final Pattern CALLBACK_KEY = Pattern.compile("/+system/callbackkey/index\\.rails",
            Pattern.CASE_INSENSITIVE);

    /** {@code served} says whether a codebase such as {@code v2025_1/} is one the site answers under. */
    static RequestTarget of(String path, Predicate<String> served) {
        if (path.regionMatches(true, 0, COMPANY_INFO, 0, COMPANY_INFO.length())) {
            return new RequestTarget(Area.COMPANY_INFO, null, path, List.of(path.substring(COMPANY_INFO.length())));
        }
        int slash = path.indexOf('/', 1);
        if (slash < 0) {
            return new RequestTarget(Area.UNSERVED, null, path, List.of());
        }
        String codebase = path.substring(1, slash + 1);
        boolean isServed = served.test(codebase);
        String rest = path.substring(slash);
        if (CALLBACK_KEY.matcher(rest).matches()) {
            return new RequestTarget(isServed ? Area.CALLBACK_KEY : Area.UNSERVED, codebase, "/system/callbackkey/index.rails",
                    List.of());
        }
        if (rest.regionMatches(true, 0, API_ROOT, 0, API_ROOT.length())
                && (rest.length() == API_ROOT.length() || rest.charAt(API_ROOT.length()) == '/')) {
            String relative = rest.length() == API_ROOT.length() ? "/" : rest.substring(API_ROOT.length());
            List<String> segments = Arrays.stream(relative.split("/")).filter(segment -> !segment.isEmpty()).toList();
            return new RequestTarget(isServed ? Area.API : Area.UNSERVED, codebase, relative, segments);
        }
        return new RequestTarget(Area.UNSERVED, null, path, List.of());
    }
}
