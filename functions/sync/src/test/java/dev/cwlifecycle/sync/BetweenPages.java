package dev.cwlifecycle.sync;

import dev.cwlifecycle.simulator.ConnectWiseSimulator;
import dev.cwlifecycle.simulator.RecordedRequest;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * What a test does while a run is in progress: the simulator calls it after answering each member list request,
 * before the answer leaves, so the change lands between two pages. The simulator keeps its listeners for good, so
 * one is registered per simulator and each test sets its own action.
 */
final class BetweenPages {

    private static final Set<ConnectWiseSimulator> LISTENING = ConcurrentHashMap.newKeySet();
    private static final AtomicReference<Consumer<RecordedRequest>> ACTION = new AtomicReference<>();

    private BetweenPages() {
    }

    static void on(ConnectWiseSimulator simulator, Consumer<RecordedRequest> action) {
        if (LISTENING.add(simulator)) {
            simulator.onRequest(request -> {
                Consumer<RecordedRequest> current = ACTION.get();
                if (current != null && request.path().equals("/system/members") && request.fault() == null) {
                    current.accept(request);
                }
            });
        }
        ACTION.set(action);
    }

    static void clear() {
        ACTION.set(null);
    }
}
