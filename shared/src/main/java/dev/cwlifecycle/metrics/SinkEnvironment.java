package dev.cwlifecycle.metrics;

import software.amazon.cloudwatchlogs.emf.environment.Environment;
import software.amazon.cloudwatchlogs.emf.model.MetricsContext;
import software.amazon.cloudwatchlogs.emf.sinks.ISink;

import java.util.concurrent.CompletableFuture;

/**
 * An aws-embedded-metrics environment that is its own sink and adds nothing to a record: no host, no log group,
 * nothing probed. What {@link #accept} does with each record is the subclass's.
 */
public abstract class SinkEnvironment implements Environment, ISink {

    @Override
    public boolean probe() {
        return true;
    }

    @Override
    public String getName() {
        return getClass().getSimpleName();
    }

    @Override
    public String getType() {
        return "Local";
    }

    @Override
    public String getLogGroupName() {
        return "";
    }

    @Override
    public void configureContext(MetricsContext context) {
        // records carry only what the function put into them
    }

    @Override
    public ISink getSink() {
        return this;
    }

    @Override
    public CompletableFuture<Void> shutdown() {
        return CompletableFuture.completedFuture(null);
    }
}
