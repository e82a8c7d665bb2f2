package dev.cwlifecycle.bench.chaos;

import java.util.List;
import java.util.Locale;

/**
 * The people a chaos plan provisions: person {@code i} always has the same names (some accented, some long, some
 * sharing an identifier stem) and a unique office email.
 */
final class People {

    private static final List<String> FIRST = List.of("José", "Zoë", "Bjørn", "Anna", "Li", "Ngozi", "François",
            "Mia", "Łukasz", "Siobhán", "Ana María", "Tomás", "Jean-Luc", "Ingrid", "Kwame", "Hana");
    private static final List<String> LAST = List.of("Müller-Lüdenscheidt", "Smith", "O'Brien", "Nguyen", "Okafor",
            "García Márquez", "Johansson", "Kowalski", "Dubois", "Van der Berg", "Tanaka", "Ó Súilleabháin",
            "Smith", "Lee", "Mbeki", "Rossi");

    private People() {
    }

    static String firstName(int person) {
        return FIRST.get(person % FIRST.size());
    }

    static String lastName(int person) {
        return LAST.get((person / FIRST.size() + person * 7) % LAST.size());
    }

    static String email(long seed, int person) {
        return ("person" + person + ".s" + seed + "@chaos.example").toLowerCase(Locale.ROOT);
    }

    /** The provision of {@code person} spoilt by {@code input}; the API must refuse each with a 400. */
    static String refusedBody(long seed, int person, ChaosOperation.BadInput input) {
        String body = provisionBody(seed, person, "Technician");
        String email = email(seed, person);
        return switch (input) {
            case INVISIBLE_IN_EMAIL -> body.replace(email, email.replace("@", "\u200B@"));
            case BIDI_IN_NAME -> body.replace(firstName(person), firstName(person) + "\u202E");
            case DUPLICATE_KEY -> body.replace("}", ",\"email\":\"other." + email + "\"}");
            case NESTING_BOMB -> body.replace("}", ",\"title\":" + "[".repeat(2000) + "]".repeat(2000) + "}");
            case LONG_NUMBER -> body.replace("}", ",\"defaultLocationId\":1" + "0".repeat(100) + "}");
        };
    }

    static String provisionBody(long seed, int person, String role) {
        return """
                {"firstName":"%s","lastName":"%s","email":"%s","role":"%s"}""".formatted(firstName(person),
                lastName(person), email(seed, person), role);
    }
}
