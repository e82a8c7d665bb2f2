package dev.cwlifecycle.metrics;

import io.quarkus.arc.DefaultBean;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import software.amazon.cloudwatchlogs.emf.environment.Environment;
import software.amazon.cloudwatchlogs.emf.environment.LambdaEnvironment;
import software.amazon.cloudwatchlogs.emf.model.MetricsContext;

/**
 * Where the records go. In Lambda: the library's Lambda environment, whose console sink writes each record to the
 * function's log, where CloudWatch turns it into metrics. Anywhere else (./run-local, the bench) a record is a
 * DEBUG line of this category, and nothing probes for an EC2 or ECS host. A test replaces this bean with its own
 * environment to read the records.
 */
@ApplicationScoped
// the library serializes its model with Jackson; a native image needs these registered
@RegisterForReflection(classNames = {"software.amazon.cloudwatchlogs.emf.model.RootNode",
        "software.amazon.cloudwatchlogs.emf.model.Metadata", "software.amazon.cloudwatchlogs.emf.model.MetricDirective",
        "software.amazon.cloudwatchlogs.emf.model.MetricDefinition",
        "software.amazon.cloudwatchlogs.emf.serializers.InstantSerializer",
        "software.amazon.cloudwatchlogs.emf.serializers.UnitSerializer",
        "software.amazon.cloudwatchlogs.emf.serializers.StorageResolutionSerializer",
        "software.amazon.cloudwatchlogs.emf.serializers.StorageResolutionFilter"})
public class MetricsEnvironment {

    private static final Logger LOG = Logger.getLogger(MetricsEnvironment.class);

    @Produces
    @DefaultBean
    @Singleton
    Environment environment() {
        return System.getenv("AWS_LAMBDA_FUNCTION_NAME") != null ? new LambdaEnvironment() : new LoggedRecords();
    }

    private static final class LoggedRecords extends SinkEnvironment {

        @Override
        public void accept(MetricsContext context) {
            if (LOG.isDebugEnabled()) {
                try {
                    context.serialize().forEach(LOG::debug);
                } catch (Exception unserializable) {
                    LOG.debugf("metrics record not serializable: %s", unserializable.toString());
                }
            }
        }
    }
}
