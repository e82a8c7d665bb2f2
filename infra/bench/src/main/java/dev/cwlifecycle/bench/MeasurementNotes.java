package dev.cwlifecycle.bench;

/** The "how it was measured" section: what a reader needs to trust, or discount, the figures. */
final class MeasurementNotes {

    private MeasurementNotes() {
    }

    static String text() {
        return """
                ## How it was measured

                - The four functions' handler beans (`ProvisionHandler`, `DeprovisionHandler`, `SyncHandler`,
                  `CallbackHandler`) run in one Quarkus JVM, wired by CDI as in their Lambda packages: the bench
                  depends on the function modules without the Lambda runtime and calls `handle(...)` with the
                  event API Gateway or EventBridge would send. Credentials come from the local source.
                - ConnectWise is the project's simulator; **L** is the latency it adds to every API request. Its JDK
                  HTTP server runs with `TCP_NODELAY` (`sun.net.httpserver.nodelay=true`), as production servers
                  do; without it Nagle's algorithm and delayed ACKs add about 40 ms to every simulated request.
                - DynamoDB is DynamoDB Local 2.6.1 (in memory) in its own JVM. It is the real engine but not the
                  service: on this machine a request takes milliseconds more than DynamoDB's single digits and the
                  write throughput is bounded by the CPU it shares with everything else.
                - ConnectWise requests are counted by the sync's own request counter (sync) or the simulator's
                  request log (everything else). DynamoDB requests, their capacity units and the time spent in them
                  are counted by an SDK `ExecutionInterceptor` on the functions' DynamoDB client
                  (`quarkus.dynamodb.interceptors`), which asks for `ReturnConsumedCapacity`; a conditional write
                  DynamoDB refuses reports no units but is billed, so it counts as 1 WRU (all items are under 1 KB).
                - Full syncs run on a fresh tenant (an empty directory) against a simulator in a child JVM seeded
                  with N members; two full syncs of 2,000 members and up to 20 pages read from each new simulator
                  warm the JIT before anything is timed. The incremental sync runs right after the full one.
                - Peak heap after GC: during one more full sync at L = 0 (into another empty directory, not timed,
                  as the collections slow it) a thread calls `System.gc()` every 500 ms and records the heap in use
                  right after it; the maximum is reported. It is the whole bench JVM (Quarkus, the AWS SDK, the
                  sync), while the simulator and DynamoDB Local live in their own JVMs. A young collection's
                  "after" figure would also count garbage already promoted, hence full collections.
                - Start-up: each `functions/<name>/target/function.zip` unpacked as Lambda unpacks it, a new JVM on
                  its classpath (root and `lib/*`) that constructs the handler class template.yaml names
                  (`io.quarkus.funqy.lambda.FunqyStreamHandler`, which boots Quarkus) and gives it one event, as the
                  java21 runtime does; measured from process start to the answer, resident memory (VmRSS) right
                  after. Lambda at 1024 MB has less CPU than this machine, and SnapStart shortens a real cold start.
                """;
    }
}
