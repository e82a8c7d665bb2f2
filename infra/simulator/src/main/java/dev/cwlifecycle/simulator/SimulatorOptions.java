package dev.cwlifecycle.simulator;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongPredicate;

/** The standalone simulator's command line; anything it does not understand is a {@link UsageException}. */
record SimulatorOptions(int port, List<String> companies, int members, Duration latency, long seed, List<Fault> faults,
                        boolean help) {

    static final String USAGE = """
            Usage: SimulatorMain [options]
              --port N          port on 127.0.0.1 to listen on; 0 picks a free one (default 8099)
              --company A[,B]   company id of each tenant, keys pub-<company>/priv-<company> (default acme)
              --members N       members seeded per tenant, 0 to 100000 (default 500)
              --latency-ms N    added to every API request, in milliseconds (default 0)
              --seed N          random seed of the generated data (default 42)
              --faults SPEC     faults to inject, METHOD:PATH_REGEX=KIND[*N|:pP],... e.g.
                                POST:/system/members=drop-after-processing*1,GET:.*=429@30s:p0.2
                                (KIND: a status, 429@Ns, latency@N(ms|s), drop-before-processing,
                                drop-after-processing); more at runtime: POST /_simulator/faults
              --help            print this and exit
            Exit status: 2 on a bad option.""";

    /** A command line the simulator cannot run with; its message says why, {@link #USAGE} says how. */
    static final class UsageException extends IllegalArgumentException {
        UsageException(String reason) {
            super(reason);
        }
    }

    static SimulatorOptions parse(String... args) {
        SimulatorOptions options = new SimulatorOptions(8099, List.of("acme"), 500, Duration.ZERO, 42, List.of(),
                false);
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--help")) {
                return options.with("help", "true");
            }
            if (!name.startsWith("--") || i + 1 == args.length) {
                throw new UsageException(name.startsWith("--") ? "option " + name + " needs a value"
                        : "unexpected argument '" + name + "'");
            }
            options = options.with(name.substring(2), args[++i]);
        }
        return options;
    }

    private SimulatorOptions with(String name, String value) {
        return switch (name) {
            case "port" -> new SimulatorOptions((int) number(name, value, n -> n >= 0 && n <= 65_535), companies,
                    members, latency, seed, faults, help);
            case "company" -> new SimulatorOptions(port, companies(value), members, latency, seed, faults, help);
            case "members" -> new SimulatorOptions(port, companies, (int) number(name, value,
                    n -> n >= 0 && n <= 100_000), latency, seed, faults, help);
            case "latency-ms" -> new SimulatorOptions(port, companies, members,
                    Duration.ofMillis(number(name, value, n -> n >= 0)), seed, faults, help);
            case "seed" -> new SimulatorOptions(port, companies, members, latency, number(name, value, n -> true),
                    faults, help);
            case "faults" -> new SimulatorOptions(port, companies, members, latency, seed, faults(value), help);
            case "help" -> new SimulatorOptions(port, companies, members, latency, seed, faults, true);
            default -> throw new UsageException("unknown option --" + name);
        };
    }

    private static List<Fault> faults(String value) {
        try {
            return FaultSpec.parse(value);
        } catch (IllegalArgumentException bad) {
            throw new UsageException("--faults: " + bad.getMessage());
        }
    }

    private static List<String> companies(String value) {
        List<String> names = Arrays.stream(value.split(",", -1)).map(String::trim).toList();
        if (names.stream().anyMatch(name -> !name.matches("[A-Za-z0-9_-]+"))
                || names.stream().distinct().count() != names.size()) {
            throw new UsageException("--company takes distinct company ids (letters, digits, - and _), "
                    + "comma-separated: '" + value + "'");
        }
        return names;
    }

    private static long number(String name, String value, LongPredicate allowed) {
        try {
            long number = Long.parseLong(value);
            if (allowed.test(number)) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below with the option's name
        }
        throw new UsageException("--" + name + " does not take '" + value + "'");
    }
}
