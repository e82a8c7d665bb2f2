package dev.cwlifecycle.bench;

import java.util.List;

/**
 * The command line: {@code bench [--quick] [--native]}, {@code chaos [--operations N] [--seed S]} or
 * {@code native-check [function...]}.
 *
 * @param quick        benchmarks with N up to 10,000 and fewer samples
 * @param nativeImages benchmarks: the native images' build, size, start-up and memory beside the JVM's too
 * @param operations   chaos: how many operations the seeded plan holds
 * @param seed         chaos: the seed of the plan and of the simulator's fault draws
 * @param functions    native check: the functions to check (all when empty)
 */
public record BenchOptions(Command command, boolean quick, boolean nativeImages, int operations, long seed,
                           List<String> functions) {

    public enum Command { BENCH, CHAOS, NATIVE_CHECK }

    static final String USAGE = "usage: bench [--quick] [--native] | chaos [--operations N] [--seed S]"
            + " | native-check [" + String.join("|", NativeCheck.FUNCTIONS) + "]...";

    static BenchOptions parse(List<String> args) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException(USAGE);
        }
        Command command = switch (args.get(0)) {
            case "bench" -> Command.BENCH;
            case "chaos" -> Command.CHAOS;
            case "native-check" -> Command.NATIVE_CHECK;
            default -> throw new IllegalArgumentException(USAGE);
        };
        boolean quick = false;
        boolean nativeImages = false;
        int operations = 1000;
        long seed = 42;
        if (command == Command.NATIVE_CHECK) {
            List<String> functions = args.subList(1, args.size());
            functions.stream().filter(function -> !NativeCheck.FUNCTIONS.contains(function)).findFirst()
                    .ifPresent(unknown -> {
                        throw new IllegalArgumentException("unknown function " + unknown + "; " + USAGE);
                    });
            return new BenchOptions(command, false, false, operations, seed, List.copyOf(functions));
        }
        for (int i = 1; i < args.size(); i++) {
            String option = args.get(i);
            switch (command == Command.BENCH ? "bench " + option : "chaos " + option) {
                case "bench --quick" -> quick = true;
                case "bench --native" -> nativeImages = true;
                case "chaos --operations" -> operations = positive(value(args, ++i), "--operations");
                case "chaos --seed" -> seed = Long.parseLong(value(args, ++i));
                default -> throw new IllegalArgumentException("unknown option " + option + "; " + USAGE);
            }
        }
        return new BenchOptions(command, quick, nativeImages, operations, seed, List.of());
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
