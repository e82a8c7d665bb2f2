package dev.cwlifecycle.connectwise;

import dev.cwlifecycle.connectwise.model.Member;
import dev.cwlifecycle.connectwise.model.Reference;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/** New members for client tests: every required field of a POST, a fresh identifier and office email each time. */
final class MemberDrafts {

    private static final AtomicInteger PEOPLE = new AtomicInteger();

    private MemberDrafts() {
    }

    static Member newMember(Reference securityRole) {
        int n = PEOPLE.incrementAndGet();
        return new Member(null, "ctest" + n, "Casey", "Test" + n, null, null, "ctest" + n + "@acme.example", null,
                null, "Office", null, null, null, "Office", "F", securityRole, null, null, null, null, null,
                Instant.parse("2026-01-05T00:00:00Z"), null, null, "ticket JIRA-" + n, null);
    }

    /** A fresh identifier, for members built field by field. */
    static String identifier(String prefix) {
        return prefix + PEOPLE.incrementAndGet();
    }
}
