package dev.cwlifecycle.sync;

import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/** The Lambda entry point ({@code quarkus.funqy.export=sync}), invoked by the EventBridge schedules. */
public class SyncFunction {

    @Inject
    SyncHandler handler;

    @Funq("sync")
    public SyncResult sync(SyncRequest request) {
        return handler.handle(request);
    }
}
