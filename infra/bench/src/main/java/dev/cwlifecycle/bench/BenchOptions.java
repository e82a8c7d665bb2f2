package dev.cwlifecycle.bench;

import java.util.List;

/**
 * The command line: {@code bench [--quick]} or {@code chaos [--operations N] [--seed S]}.
 *
 * @param quick      benchmarks with N up to 10,000 and fewer samples
 * @param operations chaos: how many operations the seeded plan holds
 * @param seed       chaos: the seed of the plan and of the simulator's fault draws
 */
public record BenchOptions(Command command, boolean quick, int operations, long seed) {

    public enum Command { BENCH, CHAOS }

    static final String USAGE = "usage: bench [--quick] | chaos [--operations N] [--seed S]";

    static BenchOptions parse(List<String> args) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException(USAGE);
        }
        Command command = switch (args.get(0)) {
            case "bench" -> Command.BENCH;
            case "chaos" -> Command.CHAOS;
            default -> throw new IllegalArgumentException(USAGE);
        };
        boolean quick = false;
        int operations = 1000;
        long seed = 42;
        for (int i = 1; i < args.size(); i++) {
            String option = args.get(i);
            switch (command == Command.BENCH ? "bench " + option : "chaos " + option) {
                case "bench --quick" -> quick = true;
                case "chaos --operations" -> operations = positive(value(args, ++i), "--operations");
                case "chaos --seed" -> seed = Long.parseLong(value(args, ++i));
                default -> throw new IllegalArgumentException("unknown option " + option + "; " + USAGE);
            }
        }
        return new BenchOptions(command, quick, operations, seed);
    }

    private static String value(List<String> args, int index) {
        if (index >= args.size()) {
            throw new IllegalArgumentException("missing value for " + args.get(index - 1) + "; " + USAGE);
        }
        return args.get(index);
    }

    private static int positive(String value, String option) {
        int number = Integer.parseInt(value);
        if (number < 1) {
            throw new IllegalArgumentException(option + " must be at least 1");
        }
        return number;
    }
}
