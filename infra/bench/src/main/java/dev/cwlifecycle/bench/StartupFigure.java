package dev.cwlifecycle.bench;

import java.time.Duration;

/**
 * One function started cold from its package: JVM start to the first answered invocation (median of the samples),
 * resident memory right after that answer, and the size of {@code function.zip} packed and unpacked.
 */
public record StartupFigure(String function, int samples, Duration toFirstAnswer, long residentBytes,
                            long packageBytes, long unpackedBytes) {
}
