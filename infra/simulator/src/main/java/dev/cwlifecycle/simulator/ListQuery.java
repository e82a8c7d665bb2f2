package dev.cwlifecycle.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cwlifecycle.simulator.conditions.Condition;
import dev.cwlifecycle.simulator.conditions.Conditions;
import dev.cwlifecycle.simulator.conditions.ConditionsSyntaxException;

import java.util.Set;

/**
 * The query parameters of a list or count request: {@code conditions}, {@code orderBy}, {@code fields},
 * {@code page}/{@code pageSize}, and forward-only paging ({@code pagination-type: forward-only} header plus
 * {@code pageId}).
 */
record ListQuery(Condition condition, OrderBy orderBy, SparseFields fields, int page, int pageSize,
                 boolean forwardOnly, long pageId) {

    static final int DEFAULT_PAGE_SIZE = 25;
    static final int MAX_PAGE_SIZE = 1000;

    static ListQuery from(ApiRequest request, Set<String> knownFields) {
        Condition condition = conditionOf(request, knownFields);
        boolean forwardOnly = request.header("pagination-type").filter("forward-only"::equalsIgnoreCase).isPresent();
        OrderBy orderBy = request.param("orderBy").filter(text -> !text.isBlank())
                .map(text -> OrderBy.parse(text, knownFields)).orElse(OrderBy.none());
        if (forwardOnly && !orderBy.isEmpty()) {
            throw ConnectWiseErrors.badRequest("orderBy is not supported with forward-only pagination: records come"
                    + " in id order.");
        }
        SparseFields fields = request.param("fields").filter(text -> !text.isBlank()).map(SparseFields::parse)
                .orElse(null);
        int page = (int) Math.min(number(request, "page", 1, 1), Integer.MAX_VALUE);
        int pageSize = (int) Math.min(number(request, "pageSize", DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE);
        long pageId = forwardOnly ? number(request, "pageId", 0, 0) : 0;
        return new ListQuery(condition, orderBy, fields, page, pageSize, forwardOnly, pageId);
    }

    /** The condition alone, for count requests. */
    static Condition conditionOf(ApiRequest request, Set<String> knownFields) {
        return request.param("conditions").filter(text -> !text.isBlank())
                .map(text -> parseConditions(text, knownFields)).orElse(null);
    }

    boolean matches(ObjectNode record) {
        return condition == null || condition.test(record);
    }

    ObjectNode shape(ObjectNode record) {
        return fields == null ? record : fields.apply(record);
    }

    private static Condition parseConditions(String text, Set<String> knownFields) {
        try {
            return Conditions.parse(text, knownFields);
        } catch (ConditionsSyntaxException e) {
            throw ConnectWiseErrors.badRequest("conditions: " + e.getMessage());
        }
    }

    private static long number(ApiRequest request, String name, long absent, long min) {
        String text = request.param(name).orElse(null);
        if (text == null || text.isBlank()) {
            return absent;
        }
        long value;
        try {
            value = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw invalidNumber(name, text, min);
        }
        if (value < min) {
            throw invalidNumber(name, text, min);
        }
        return value;
    }

    private static ApiFailure invalidNumber(String name, String text, long min) {
        return ConnectWiseErrors.badRequest("The " + name + " parameter '" + text + "' must be a whole number of at"
                + " least " + min + ".");
    }
}
