package dev.cwlifecycle.sync;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes one page to the directory on its own thread while the run fetches the next one from ConnectWise. A new
 * page waits for the previous write, so one page is in flight each way and memory stays bounded.
 */
final class PageWriter implements AutoCloseable {

    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread writer = new Thread(task, "sync-page-writer");
        writer.setDaemon(true);
        return writer;
    });
    private Future<?> inFlight = CompletableFuture.completedFuture(null);

    /** Starts writing a page once the previous page is written; a failed previous write is thrown here. */
    void write(Runnable page) {
        awaitWritten();
        inFlight = thread.submit(page);
    }

    /** Waits for the page in flight; its failure is thrown as it was. */
    void awaitWritten() {
        try {
            inFlight.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while a page was written to the directory", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("Writing a page to the directory failed", e.getCause());
        }
    }

    /** After {@code failure} stopped the run: lets the page in flight finish, so nothing writes after the run ends. */
    void settle(RuntimeException failure) {
        try {
            awaitWritten();
        } catch (RuntimeException alsoFailed) {
            if (alsoFailed != failure) {
                failure.addSuppressed(alsoFailed);
            }
        }
    }

    @Override
    public void close() {
        thread.shutdown();
    }
}
