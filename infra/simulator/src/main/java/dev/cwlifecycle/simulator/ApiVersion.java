package dev.cwlifecycle.simulator;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API version a request asks for in {@code Accept: application/vnd.connectwise.com+json; version=2025.8}. No
 * version at all gets the newest model, as ConnectWise serves it; a malformed version, or one ConnectWise never
 * released (before 2016.1 or after the newest), is refused with 400. Which exact versions a real site still serves
 * is unverified: every {@code year.release} in that range is taken as known.
 */
final class ApiVersion {

    static final String NEWEST = "2025.8";
    private static final Pattern PARAMETER = Pattern.compile("(?i)(?:^|;)\\s*version\\s*=\\s*\"?([^\";,]*)\"?");
    private static final Pattern VERSION = Pattern.compile("(\\d{4})\\.(\\d{1,2})");
    private static final int FIRST_YEAR = 2016;

    private ApiVersion() {
    }

    /**
     * Refuses an {@code Accept} header whose version is not one ConnectWise released; without a version the request
     * gets the newest model, the only one the simulator has.
     */
    static void check(String accept) {
        Matcher parameter = PARAMETER.matcher(accept == null ? "" : accept);
        if (!parameter.find()) {
            return;
        }
        String version = parameter.group(1).trim();
        Matcher parts = VERSION.matcher(version);
        if (!parts.matches()) {
            throw ConnectWiseErrors.badVersion("The API version '" + version + "' is not valid: use a version such as "
                    + NEWEST + ".");
        }
        int year = Integer.parseInt(parts.group(1));
        int release = Integer.parseInt(parts.group(2));
        if (year < FIRST_YEAR || release < 1 || compare(year, release) > 0) {
            throw ConnectWiseErrors.badVersion("The API version '" + version.toLowerCase(Locale.ROOT)
                    + "' is not supported.");
        }
    }

    private static int compare(int year, int release) {
        String[] newest = NEWEST.split("\\.");
        int byYear = Integer.compare(year, Integer.parseInt(newest[0]));
        return byYear != 0 ? byYear : Integer.compare(release, Integer.parseInt(newest[1]));
    }
}
