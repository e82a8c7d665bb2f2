package dev.cwlifecycle.connectwise.model;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One entry of {@code GET /system/members/{id}/usages} (spec {@code Usage}): how much of one kind of record
 * ({@code typeKey}) still points at the member; {@code id}/{@code description} name the record for per-record kinds.
 */
@RegisterForReflection
public record MemberUsage(String type, String typeKey, Long id, String description, Integer count) {

    public boolean any() {
        return count != null && count > 0;
    }
}
