package dev.cwlifecycle.connectwise;

/** A ConnectWise setup table a member refers to by id; small, so cached whole per tenant like the roles. */
public enum SetupTable {
    MEMBER_TYPES("/system/members/types"),
    LOCATIONS("/system/locations"),
    DEPARTMENTS("/system/departments"),
    TIME_ZONES("/system/timeZoneSetups");

    private final String path;

    SetupTable(String path) {
        this.path = path;
    }

    String path() {
        return path;
    }
}
