package dev.cwlifecycle.simulator;

/** A row of a ConnectWise setup table a member points at: member type, location, department, time zone. */
record Reference(long id, String name) {
}
