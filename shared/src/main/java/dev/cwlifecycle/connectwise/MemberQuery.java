package dev.cwlifecycle.connectwise;

import java.util.List;

/**
 * Which members to list: optional conditions, an optional sparse fieldset ({@code fields}), and the page size
 * (ConnectWise's default is 25; its maximum, 1000, is ours).
 */
public record MemberQuery(Conditions conditions, List<String> fields, int pageSize) {

    public static final int MAX_PAGE_SIZE = 1000;

    public MemberQuery {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be between 1 and " + MAX_PAGE_SIZE);
        }
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public static MemberQuery all() {
        return new MemberQuery(null, List.of(), MAX_PAGE_SIZE);
    }

    public static MemberQuery where(Conditions conditions) {
        return new MemberQuery(conditions, List.of(), MAX_PAGE_SIZE);
    }

    public MemberQuery fields(String... names) {
        return new MemberQuery(conditions, List.of(names), pageSize);
    }

    public MemberQuery pageSize(int size) {
        return new MemberQuery(conditions, fields, size);
    }
}
