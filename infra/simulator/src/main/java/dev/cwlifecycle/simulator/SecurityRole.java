package dev.cwlifecycle.simulator;

/** A ConnectWise security role ({@code name} at most 30 characters). */
record SecurityRole(long id, String name, String roleType, boolean adminFlag, boolean inactiveFlag) {
}
