package dev.cwlifecycle.connectwise;

import dev.cwlifecycle.simulator.ConnectWiseSimulator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.function.UnaryOperator;

/**
 * A ConnectWise simulator on loopback for one test class ({@code @RegisterExtension static}): started before the
 * class's own {@code @BeforeAll}, closed after its tests, its faults and request log cleared before each test.
 */
final class SimulatedSite implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    private final UnaryOperator<ConnectWiseSimulator.Builder> setup;
    private ConnectWiseSimulator simulator;

    SimulatedSite(UnaryOperator<ConnectWiseSimulator.Builder> setup) {
        this.setup = setup;
    }

    ConnectWiseSimulator simulator() {
        return simulator;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        simulator = setup.apply(ConnectWiseSimulator.builder()).start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        simulator.faults().clear();
        simulator.requestLog().clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        simulator.close();
    }
}
