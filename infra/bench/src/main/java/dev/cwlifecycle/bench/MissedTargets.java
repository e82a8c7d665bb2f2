package dev.cwlifecycle.bench;

import java.util.ArrayList;
import java.util.List;

import static dev.cwlifecycle.bench.Figures.count;
import static dev.cwlifecycle.bench.Figures.format;
import static dev.cwlifecycle.bench.Figures.millis;
import static dev.cwlifecycle.bench.Figures.time;

/** For each missed target, why (from the run's own figures) and what would close it. */
final class MissedTargets {

    private MissedTargets() {
    }

    static List<String> explain(BenchResults results) {
        List<String> notes = new ArrayList<>();
        for (SyncFigure figure : results.sync().full()) {
            if (figure.requests() != figure.minimumRequests()) {
                notes.add(format("- **Full sync, N = %s at L = %s:** %d ConnectWise requests where %d suffice.",
                        count(figure.members()), time(figure.latency()), figure.requests(),
                        figure.minimumRequests()));
            }
        }
        results.sync().full().stream().filter(figure -> figure.ratioToLimit() > BenchResults.WALL_TIME_TARGET)
                .forEach(figure -> notes.add(wallTime(figure, results)));
        List<SyncBenchmark.HeapFigure> heap = results.sync().heap();
        SyncBenchmark.HeapFigure smallest = heap.get(0);
        SyncBenchmark.HeapFigure largest = heap.get(heap.size() - 1);
        if (largest.peakBytes() > BenchResults.HEAP_TARGET * smallest.peakBytes()) {
            notes.add(format("- **Peak heap:** %s at N = %s against %s at N = %s: memory is not flat in N. A "
                            + "heap dump of the run at the largest N shows what is held.",
                    Figures.megabytes(largest.peakBytes()), count(largest.members()),
                    Figures.megabytes(smallest.peakBytes()), count(smallest.members())));
        }
        if (results.localRestart().compareTo(LocalRestartBenchmark.TARGET) >= 0) {
            notes.add(format("- **./run-local again:** the banner after %s; most of it is the JVM and Quarkus "
                    + "starting, DynamoDB Local and seeding the simulator, which wait for a core when the load "
                    + "average is above the core count.", time(results.localRestart())));
        }
        results.sync().incremental().stream().filter(figure -> figure.requests() != 1).forEach(figure ->
                notes.add(format("- **Incremental sync, N = %s:** %d ConnectWise requests with nothing changed.",
                        count(figure.members()), figure.requests())));
        for (OperationFigure figure : results.operations()) {
            int calls = BenchResults.targetCalls(figure.operation());
            if (figure.connectWisePerOperation() > calls) {
                notes.add(format("- **%s:** %s ConnectWise calls per operation against a target of %d.",
                        figure.operation(), count(figure.connectWisePerOperation()), calls));
            }
            if (figure.p50().compareTo(figure.p50Target(calls)) > 0) {
                notes.add(latency(figure, calls));
            }
        }
        for (NativeImageFigure figure : results.nativeImages()) {
            StartupFigure jvm = results.jvmStartup(figure.function());
            if (figure.startRatio(jvm) > BenchResults.NATIVE_START_TARGET
                    || figure.memoryRatio(jvm) > BenchResults.NATIVE_MEMORY_TARGET) {
                notes.add(format("- **Native %s:** first answer after %s (%.3f of the JVM's %s), %s resident (%.2f of "
                                + "the JVM's). The first answer includes the handler's own work (ConnectWise and "
                                + "DynamoDB requests), which a native start does not shorten.", figure.function(),
                        time(figure.toFirstAnswer()), figure.startRatio(jvm), time(jvm.toFirstAnswer()),
                        Figures.megabytes(figure.residentBytes()), figure.memoryRatio(jvm)));
            }
        }
        CallbackFigure callbacks = results.callbacks();
        if (!callbacks.keyFetchesWithinTarget()) {
            notes.add(format("- **Callbacks:** %d signing-key fetches for %,d callbacks signed with one key.",
                    callbacks.keyFetches(), callbacks.handled()));
        }
        if (callbacks.connectWiseCalls() > 0) {
            notes.add(format("- **Callbacks:** %d ConnectWise calls for %,d callbacks that all carried their "
                    + "Entity.", callbacks.connectWiseCalls(), callbacks.handled()));
        }
        return notes;
    }

    /** Not targets, but what the figures show that an operator or the next change should know. */
    static List<String> findings(BenchResults results) {
        List<String> findings = new ArrayList<>();
        List<SyncFigure> incremental = results.sync().incremental();
        SyncFigure largest = incremental.stream().max((a, b) -> Integer.compare(a.members(), b.members()))
                .orElseThrow();
        if (largest.dynamo().readUnits() > 10) {
            findings.add(format("- **Incremental sync reads grow with N:** %s RRU per run at N = %s with nothing "
                            + "changed. Such a run should read only the sync state and the pending members (the "
                            + "sparse `byPending` index holds nothing else), so something reads the tenant's "
                            + "directory partition again. At the typical tenant's 500 members it is %s RRU per run.",
                    count(largest.dynamo().readUnits()), count(largest.members()),
                    count(results.typicalTenant().get(2).dynamo().readUnits())));
        }
        SyncFigure steady = results.typicalTenant().get(1);
        if (steady.dynamo().requests() >= steady.members()) {
            findings.add(format("- **A full sync writes every member:** over an unchanged %s-member directory it "
                            + "still sent %s DynamoDB requests (%s WRU; a refused conditional write is billed too).",
                    count(steady.members()), count(steady.dynamo().requests()), count(steady.dynamo().writeUnits())));
        }
        return findings;
    }

    /** Why a first fill took longer than 1.15 x its limit: which of the two costs bound it, and what overlapped. */
    private static String wallTime(SyncFigure figure, BenchResults results) {
        StringBuilder note = new StringBuilder(format("- **Full sync into an empty directory, N = %s at L = %s:** "
                        + "%s, %.2f x its limit (the larger of ConnectWise's pages, %s, and the writes alone, %s).",
                count(figure.members()), time(figure.latency()), time(figure.wall()), figure.ratioToLimit(),
                time(figure.networkLimit()), time(figure.writeLimit())));
        results.sync().costs().stream().filter(costs -> costs.members() == figure.members()).findFirst()
                .map(costs -> costs.listing().get(figure.latency())).ifPresent(listing -> note.append(format(
                        " The listing alone took %s and the writes alone %s: a run that overlapped them perfectly "
                                + "would take the larger.", time(listing), time(figure.writeLimit()))));
        note.append(format(" DynamoDB had a request in flight for %.1f s of the %.1f s; the rest is the first page's "
                        + "fetch and the last page's write, which nothing overlaps, and the sync, the simulator and "
                        + "DynamoDB Local sharing %d cores (the writes alone ran with nothing else of the run busy).",
                figure.dynamo().busyMillis() / 1000, figure.wall().toNanos() / 1e9, results.machine().cores()));
        long pages = (figure.members() + 999) / 1000;
        if (!figure.latency().isZero() && figure.minimumRequests() > pages
                && figure.networkLimit().compareTo(figure.writeLimit()) >= 0) {
            note.append(format(" Part of it is the network limit itself, which counts ceil(N/1000) requests where a "
                    + "keyset scan fetches one more (a full last page does not say it is the last), so even a free "
                    + "run takes %.2f x it.", figure.minimumRequests() / (double) pages));
        }
        return note.toString();
    }

    private static String latency(OperationFigure figure, int calls) {
        double dynamo = figure.dynamoPerOperation().millis();
        double connectWise = figure.connectWisePerOperation() * figure.latency().toMillis();
        String note = format("- **%s at L = %s:** p50 %s against %s. Of it, %s per operation went to %s DynamoDB "
                        + "Local requests (%s) and %.0f ms to ConnectWise's added latency; the rest is the "
                        + "simulator's own processing, the HTTP round trips on loopback and our code, on a machine "
                        + "shared with the simulator and DynamoDB Local. DynamoDB answers an in-region Lambda in "
                        + "single-digit milliseconds", figure.operation(), time(figure.latency()), time(figure.p50()),
                time(figure.p50Target(calls)), millis(dynamo), count(figure.dynamoPerOperation().requests()),
                calls == 0 ? "the directory's reads" : "the idempotency claim and its completion among them",
                connectWise);
        return note + (calls == 0 ? "; a read has only those requests, so their time here is most of its p50."
                : "; the idempotency writes are what the target leaves the least room for, and they are what makes "
                + "a retried request safe.");
    }
}
