package dev.cwlifecycle.sync;

import dev.cwlifecycle.connectwise.Conditions;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PendingChunksTest {

    @Test
    void eachChunkFillsItsConditionsUpToTheLimitAndKeepsEveryIdInOrder() {
        List<Long> ids = new ArrayList<>();
        LongStream.rangeClosed(1, 200).forEach(ids::add);
        LongStream.rangeClosed(1_000_000_000L, 1_000_000_400L).forEach(ids::add);

        List<List<Long>> chunks = PendingChunks.of(ids);

        assertEquals(ids, chunks.stream().flatMap(List::stream).toList());
        for (int i = 0; i < chunks.size(); i++) {
            List<Long> chunk = chunks.get(i);
            assertTrue(encodedLength(chunk) <= PendingChunks.MAX_ENCODED_CONDITIONS, "chunk " + i);
            if (i < chunks.size() - 1) {
                List<Long> oneMore = new ArrayList<>(chunk);
                oneMore.add(chunks.get(i + 1).get(0));
                assertTrue(encodedLength(oneMore) > PendingChunks.MAX_ENCODED_CONDITIONS, "chunk " + i + " is full");
            }
        }
    }

    @Test
    void noPendingIdsMeanNoRequest() {
        assertEquals(List.of(), PendingChunks.of(List.of()));
    }

    /** The {@code conditions} value as the client puts it into the URL. */
    private static int encodedLength(List<Long> ids) {
        String conditions = Conditions.field("id").inIds(ids).toString();
        return URLEncoder.encode(conditions, StandardCharsets.UTF_8).replace("+", "%20").length();
    }
}
