package dev.cwlifecycle.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Where a tenant's member changes are announced: its callback registrations. */
@FunctionalInterface
interface MemberChanges {

    /** {@code action} is added, updated or deleted; {@code entity} is null on delete. */
    void announce(String action, long memberId, ObjectNode entity, String changedBy);
}
