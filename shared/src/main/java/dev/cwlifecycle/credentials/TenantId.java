package dev.cwlifecycle.credentials;

import java.util.regex.Pattern;

/**
 * The shape of a tenant id: 1 to 64 letters, digits, {@code -} or {@code _}, starting with a letter or digit.
 * Tenant ids name secrets, files and environment variables, so nothing else is let through.
 */
public final class TenantId {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private TenantId() {
    }

    public static boolean valid(String tenant) {
        return tenant != null && SHAPE.matcher(tenant).matches();
    }

    static String checked(String tenant) {
        if (!valid(tenant)) {
            throw new IllegalArgumentException("A tenant id is 1 to 64 letters, digits, '-' or '_', starting with a "
                    + "letter or digit");
        }
        return tenant;
    }
}
