package dev.cwlifecycle.simulator;

public class SimulatorMain {
    public static void main(String[] args) {
    }
}
