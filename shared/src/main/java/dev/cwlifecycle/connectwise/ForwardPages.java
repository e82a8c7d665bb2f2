package dev.cwlifecycle.connectwise;

import com.fasterxml.jackson.databind.JavaType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Forward-only (keyset) paging: {@code pagination-type: forward-only} with {@code pageId}, i.e. {@code id > pageId}
 * in id order, so records entering or leaving the result set during the scan are neither skipped nor repeated.
 * Pages are fetched lazily; a page shorter than the page size ends the scan without another request.
 */
final class ForwardPages<T> implements Iterator<Page<T>> {

    private final Function<ApiRequest, ApiResponse> execute;
    private final ApiRequest first;
    private final int pageSize;
    private final JavaType listType;
    private final ToLongFunction<T> idOf;
    private Long nextPageId;
    private int number;
    private boolean done;

    ForwardPages(Function<ApiRequest, ApiResponse> execute, ApiRequest first, int pageSize, Class<T> type,
                 ToLongFunction<T> idOf) {
        this.execute = execute;
        this.first = first.param("pageSize", pageSize).header("pagination-type", "forward-only");
        this.pageSize = pageSize;
        this.listType = ConnectWiseJson.MAPPER.getTypeFactory().constructCollectionType(List.class, type);
        this.idOf = idOf;
    }

    static <T> Stream<Page<T>> stream(ForwardPages<T> pages) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED), false);
    }

    @Override
    public boolean hasNext() {
        return !done;
    }

    @Override
    public Page<T> next() {
        if (done) {
            throw new NoSuchElementException();
        }
        ApiResponse response = execute.apply(first.param("pageId", nextPageId));
        List<T> items = parse(response);
        number++;
        if (items.size() < pageSize) {
            done = true;
        } else {
            nextPageId = response.link("next").map(ForwardPages::pageIdOf)
                    .orElse(idOf.applyAsLong(items.get(items.size() - 1)));
        }
        return new Page<>(number, items, response.serverDate().orElse(null));
    }

    private List<T> parse(ApiResponse response) {
        try {
            return ConnectWiseJson.MAPPER.readValue(response.body(), listType);
        } catch (IOException e) {
            throw new UncheckedIOException("ConnectWise sent a page that is not a JSON list", e);
        }
    }

    private static Long pageIdOf(String link) {
        String query = URI.create(link).getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.regionMatches(true, 0, "pageId=", 0, 7)) {
                    return Long.parseLong(pair.substring(7));
                }
            }
        }
        return null;
    }
}
