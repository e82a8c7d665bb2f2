package dev.cwlifecycle.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cwlifecycle.simulator.conditions.Condition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import java.util.function.Function;

/**
 * Answers list and count requests over records kept in id order. Records are turned into JSON one at a time
 * while filtering (a {@code view} that may leave out what conditions never look at), so memory stays flat
 * however many there are; only the page is rendered in full.
 */
final class Paging<T> {

    private record Match<T>(T record, JsonNode[] sortValues) {
    }

    private final NavigableMap<Long, T> records;
    private final Function<T, ObjectNode> view;
    private final Function<T, ObjectNode> render;
    private final Set<String> fields;

    Paging(NavigableMap<Long, T> records, Function<T, ObjectNode> view, Function<T, ObjectNode> render,
           Set<String> fields) {
        this.records = records;
        this.view = view;
        this.render = render;
        this.fields = fields;
    }

    ApiResponse list(ApiRequest request) {
        ListQuery query = ListQuery.from(request, fields);
        return query.forwardOnly() ? forwardOnly(request, query) : byPage(request, query);
    }

    ApiResponse count(ApiRequest request) {
        Condition condition = ListQuery.conditionOf(request, fields);
        long count = condition == null ? records.size()
                : records.values().stream().map(view).filter(condition).count();
        return ApiResponse.ok(WireJson.object().put("count", count));
    }

    /** Keyset mode: {@code id > pageId} in id order, immune to records entering or leaving during a scan. */
    private ApiResponse forwardOnly(ApiRequest request, ListQuery query) {
        ArrayNode page = WireJson.array();
        long lastId = query.pageId();
        for (T record : records.tailMap(query.pageId(), false).values()) {
            ObjectNode json = view.apply(record);
            if (query.matches(json)) {
                lastId = json.get("id").asLong();
                page.add(query.shape(render.apply(record)));
                if (page.size() == query.pageSize()) {
                    break;
                }
            }
        }
        ApiResponse response = ApiResponse.ok(page);
        return page.isEmpty() ? response : response.withHeader("Link", LinkHeader.nextPageId(request, lastId));
    }

    private ApiResponse byPage(ApiRequest request, ListQuery query) {
        long offset = (long) (query.page() - 1) * query.pageSize();
        ArrayNode page = WireJson.array();
        int total;
        if (query.condition() == null && query.orderBy().isEmpty()) {
            total = records.size();
            records.values().stream().skip(offset).limit(query.pageSize())
                    .forEach(record -> page.add(query.shape(render.apply(record))));
        } else {
            List<Match<T>> matches = matches(query);
            total = matches.size();
            matches.stream().skip(offset).limit(query.pageSize())
                    .forEach(match -> page.add(query.shape(render.apply(match.record()))));
        }
        int lastPage = Math.max(1, (int) Math.ceil(total / (double) query.pageSize()));
        return ApiResponse.ok(page).withHeader("Link", LinkHeader.pages(request, query.page(), lastPage));
    }

    private List<Match<T>> matches(ListQuery query) {
        List<Match<T>> matches = new ArrayList<>();
        for (T record : records.values()) {
            ObjectNode json = view.apply(record);
            if (query.matches(json)) {
                matches.add(new Match<>(record, query.orderBy().sortValues(json)));
            }
        }
        if (!query.orderBy().isEmpty()) {
            Comparator<JsonNode[]> order = query.orderBy().comparator();
            matches.sort((left, right) -> order.compare(left.sortValues(), right.sortValues()));
        }
        return matches;
    }
}
