package dev.cwlifecycle.lambda;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The one {@link Clock} production code reads time from: the system's, in UTC. A test that must control time
 * declares its own {@code Clock} bean, which replaces this default.
 */
@Dependent
public class SystemClock {

    @Produces
    @DefaultBean
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
