package dev.cwlifecycle.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Where and when the figures were taken: they mean little without the machine. */
record MachineInfo(LocalDate date, int cores, long memoryBytes, String cpu, String jdk, String os,
                   double loadAtStart) {

    static MachineInfo current() {
        com.sun.management.OperatingSystemMXBean system =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new MachineInfo(LocalDate.now(ZoneOffset.UTC), Runtime.getRuntime().availableProcessors(),
                system.getTotalMemorySize(), cpuModel(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"), loadAverage());
    }

    /** The one-minute load average: above the core count, processes were waiting for a CPU. */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    String describe() {
        return "%d cores (%s), %.1f GB memory, %s, %s".formatted(cores, cpu, memoryBytes / 1e9, jdk, os);
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst().orElse("CPU model unknown");
        } catch (IOException | RuntimeException e) {
            return "CPU model unknown";
        }
    }
}
