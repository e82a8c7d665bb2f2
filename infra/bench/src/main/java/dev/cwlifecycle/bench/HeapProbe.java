package dev.cwlifecycle.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Peak heap after GC while something runs: every {@code interval} a full collection ({@code System.gc()}) and the
 * heap still in use right after it, the maximum kept. What survives a full collection is what the run holds; a
 * young collection's figure would also count garbage already promoted to the old generation. The collections slow
 * what runs, so nothing timed runs under a probe.
 */
final class HeapProbe implements AutoCloseable {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peak = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    private HeapProbe(Duration interval) {
        sample();
        sampler = new Thread(() -> {
            while (running) {
                try {
                    Thread.sleep(interval.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
                sample();
            }
        }, "heap-probe");
        sampler.setDaemon(true);
        sampler.start();
    }

    static HeapProbe every(Duration interval) {
        return new HeapProbe(interval);
    }

    /** Stops sampling after one last sample; the peak in bytes. */
    long peakBytes() {
        close();
        return peak.get();
    }

    @Override
    public void close() {
        if (running) {
            running = false;
            sampler.interrupt();
            try {
                sampler.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sample();
        }
    }

    private void sample() {
        System.gc();
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
    }
}
