package dev.cwlifecycle.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One function's native image: the builder's wall time and peak resident memory (from the build statistics
 * native-image writes, kept by {@code ./run-native-check} as {@code target/native/build-output-stats.json}), the
 * size of {@code bootstrap} and of its {@code function.zip}, and its cold start: process start to the first answer
 * and resident memory after it (median, as for the JVM).
 */
record NativeImageFigure(String function, Duration build, long buildPeakBytes, long binaryBytes, long packageBytes,
                         Duration toFirstAnswer, long residentBytes) {

    static final String PACKAGE = "native/function.zip";
    static final String BUILD_STATS = "native/build-output-stats.json";

    static NativeImageFigure of(Path repository, String function, Duration toFirstAnswer, long residentBytes,
                                FunctionPackage image) {
        Path stats = repository.resolve("functions").resolve(function).resolve("target").resolve(BUILD_STATS);
        try {
            JsonNode usage = new ObjectMapper().readTree(stats.toFile()).path("resource_usage");
            return new NativeImageFigure(function, Duration.ofMillis((long) (usage.path("total_secs").asDouble()
                    * 1000)), usage.path("memory").path("peak_rss_bytes").asLong(),
                    Files.size(image.unpacked().resolve("bootstrap")), image.packageBytes(), toFirstAnswer,
                    residentBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + stats + " (./run-native-check writes it)", e);
        }
    }

    /** Native start-up over the JVM's for the same event. */
    double startRatio(StartupFigure jvm) {
        return toFirstAnswer.toNanos() / (double) jvm.toFirstAnswer().toNanos();
    }

    /** Native resident memory over the JVM's after the same event. */
    double memoryRatio(StartupFigure jvm) {
        return residentBytes / (double) jvm.residentBytes();
    }
}
