package dev.cwlifecycle.simulator;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Fills a tenant with realistic members, the same ones for the same random seed: varied (some accented) names,
 * identifiers from first initial and last name with collision suffixes within 15 characters, office emails at
 * {@code <company>.example}, mostly license class F, about 10% inactive, 30% with history, a few with open time
 * sheets, {@code lastUpdated} spread over the year before now. Builds compact records directly: 100,000 members
 * take well under a second.
 */
final class Seeder {

    private static final String SEEDED_BY = SimMembers.CONSOLE_USER;
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^A-Za-z0-9]");
    private static final long YEAR_SECONDS = Duration.ofDays(365).toSeconds();

    private final SimMembers members;
    private final Random random;
    private final Instant now;
    private final String emailDomain;
    private final long firstId;
    private final Map<String, Integer> nextSuffix = new HashMap<>();
    private final Map<String, String> folded = new HashMap<>();

    private Seeder(SimMembers members, Random random, Instant now, String companyId, long firstId) {
        this.members = members;
        this.firstId = firstId;
        this.random = random;
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
        this.emailDomain = fold(companyId) + ".example";
    }

    static void seed(SimMembers members, int count, Random random, Instant now, String companyId, long firstId) {
        Seeder seeder = new Seeder(members, random, now, companyId, firstId);
        for (int i = 0; i < count; i++) {
            members.load(seeder.member(firstId + i));
        }
    }

    private MemberRecord member(long id) {
        String first = pick(SeedNames.FIRST);
        String last = pick(SeedNames.LAST);
        String identifier = uniqueIdentifier(folded.computeIfAbsent(first.substring(0, 1) + last, Seeder::fold));
        String licenseClass = licenseClass();
        Instant lastUpdated = now.minusSeconds(1 + (long) (random.nextDouble() * YEAR_SECONDS));
        Instant hired = lastUpdated.minus(Duration.ofDays(1 + random.nextInt(3650))).truncatedTo(ChronoUnit.DAYS);
        boolean inactive = random.nextDouble() < 0.10;
        boolean openTimeSheets = !inactive && random.nextDouble() < 0.03;
        boolean history = openTimeSheets || random.nextDouble() < 0.30;
        return new MemberRecord(id, identifier, first, last,
                random.nextDouble() < 0.3 ? String.valueOf((char) ('A' + random.nextInt(26))) : null,
                pick(SeedNames.TITLES), identifier + "@" + emailDomain,
                random.nextDouble() < 0.2 ? identifier + ".mobile@mail.example" : null, null, "Office",
                phone(), random.nextDouble() < 0.4 ? phone() : null, null, "Office",
                licenseClass, roleFor(licenseClass), 1L + random.nextInt(4), 1L + random.nextInt(6),
                1L + random.nextInt(3), 1L + random.nextInt(4), MemberRecord.Setup.NONE,
                manager(id),
                hired, inactive, inactive ? lastUpdated : null, null, null,
                new MemberRecord.Audit(hired, SEEDED_BY, lastUpdated, SEEDED_BY), history, openTimeSheets);
    }

    /** Four in ten report to one of the fifty members seeded just before them. */
    private Long manager(long id) {
        long earlier = id - firstId;
        return earlier > 0 && random.nextDouble() < 0.4 ? id - 1 - random.nextInt((int) Math.min(earlier, 50)) : null;
    }

    private String licenseClass() {
        double roll = random.nextDouble();
        return roll < 0.85 ? "F" : roll < 0.92 ? "A" : roll < 0.96 ? "C" : "X";
    }

    /** API members get the API Member role (9), subcontractors the Subcontractor role (10), a few are Admins. */
    private Long roleFor(String licenseClass) {
        return switch (licenseClass) {
            case "A" -> 9L;
            case "X" -> 10L;
            default -> random.nextDouble() < 0.03 ? 1L : 2L + random.nextInt(7);
        };
    }

    private String uniqueIdentifier(String base) {
        String trimmed = base.length() > 15 ? base.substring(0, 15) : base;
        if (!members.identifierTaken(trimmed)) {
            return trimmed;
        }
        int suffix = nextSuffix.getOrDefault(trimmed, 2);
        String candidate;
        do {
            String digits = String.valueOf(suffix++);
            candidate = trimmed.substring(0, Math.min(trimmed.length(), 15 - digits.length())) + digits;
        } while (members.identifierTaken(candidate));
        nextSuffix.put(trimmed, suffix);
        return candidate;
    }

    /** {@code +1 555 NNN NNNN}, built by hand: String.format would dominate seeding time. */
    private String phone() {
        int exchange = 1000 + random.nextInt(1000);
        int line = 10000 + random.nextInt(10000);
        return "+1 555 " + String.valueOf(exchange).substring(1) + " " + String.valueOf(line).substring(1);
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    /** ASCII-folded, lower case, letters and digits only: how people's names become logins. */
    static String fold(String name) {
        String replaced = name.replace("ß", "ss").replace("ø", "o").replace("Ø", "O").replace("ł", "l")
                .replace("Ł", "L").replace("æ", "ae").replace("Æ", "Ae");
        return NOT_ALPHANUMERIC.matcher(Normalizer.normalize(replaced, Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
    }
}
