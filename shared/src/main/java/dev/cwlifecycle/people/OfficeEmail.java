package dev.cwlifecycle.people;

import java.net.IDN;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An email address as it names a person. Two spellings that look alike are one person: the address is compared in
 * Unicode NFC, its domain in ASCII (IDN) and ignoring case, everywhere a person is looked up (idempotency key, email
 * lease, ConnectWise lookup, directory index). A caller's address is refused outright if it carries an invisible
 * character, so {@code zed@acme.example} and {@code zed\u200B@acme.example} can never become two paid seats.
 */
public final class OfficeEmail {

    /** Simple on purpose: one '@', a dot in the domain, and nothing ConnectWise's conditions could not quote. */
    private static final Pattern SHAPE = Pattern.compile("[^@\\s\"\\\\]+@[^@\\s\"\\\\]+\\.[^@\\s\"\\\\]+");

    private OfficeEmail() {
    }

    /**
     * The caller's address in the form we send and compare (NFC, domain in ASCII), or why it is refused: an
     * invisible, space or control character anywhere, a domain that is not ASCII nor a valid IDN, a wrong shape.
     */
    public static String normalised(String address) {
        String nfc = Normalizer.normalize(address, Normalizer.Form.NFC);
        VisibleText.firstHidden(nfc, VisibleText.EMAIL_HIDDEN).ifPresent(at -> {
            throw new IllegalArgumentException("must not contain invisible, space or control characters (found "
                    + at + ")");
        });
        int at = nfc.lastIndexOf('@');
        String domain = at < 0 ? "" : nfc.substring(at + 1);
        String ascii = asciiDomain(domain).orElseThrow(() -> new IllegalArgumentException(
                "has a domain that is neither ASCII nor a valid internationalised domain name"));
        String result = nfc.substring(0, at + 1) + ascii;
        if (!SHAPE.matcher(result).matches()) {
            throw new IllegalArgumentException("is not a valid email address");
        }
        return result;
    }

    /** How a person is compared and indexed; lenient, since ConnectWise's own data may hold anything. */
    public static String key(String address) {
        String nfc = Normalizer.normalize(address, Normalizer.Form.NFC);
        int at = nfc.lastIndexOf('@');
        String domain = nfc.substring(at + 1);
        return (nfc.substring(0, at + 1) + asciiDomain(domain).orElse(domain)).toLowerCase(Locale.ROOT);
    }

    /** True when both name the same person (both null counts as not the same). */
    public static boolean same(String one, String other) {
        return one != null && other != null && Objects.equals(key(one), key(other));
    }

    private static Optional<String> asciiDomain(String domain) {
        if (domain.chars().allMatch(c -> c < 0x80)) {
            return Optional.of(domain);
        }
        try {
            return Optional.of(IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES));
        } catch (IllegalArgumentException notAnIdn) {
            return Optional.empty();
        }
    }
}
