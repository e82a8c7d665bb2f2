package dev.cwlifecycle.sync;

import java.util.ArrayList;
import java.util.List;

/**
 * Pending member ids cut into {@code id in (...)} lists short enough for one request: ConnectWise answers 414
 * beyond ~2,000 URL characters, and the site, path, fields and paging take up to ~500 of them.
 */
final class PendingChunks {

    /** URL-encoded characters one chunk's {@code conditions} may take. */
    static final int MAX_ENCODED_CONDITIONS = 1500;
    /** {@code id%20in%20%28} and {@code %29}. */
    private static final int ENCODED_FRAME = 16;
    /** {@code %2C} between two ids. */
    private static final int ENCODED_SEPARATOR = 3;

    private PendingChunks() {
    }

    static List<List<Long>> of(List<Long> ids) {
        List<List<Long>> chunks = new ArrayList<>();
        List<Long> chunk = new ArrayList<>();
        int length = ENCODED_FRAME;
        for (Long id : ids) {
            int cost = Long.toString(id).length() + (chunk.isEmpty() ? 0 : ENCODED_SEPARATOR);
            if (length + cost > MAX_ENCODED_CONDITIONS) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
                length = ENCODED_FRAME;
                cost = Long.toString(id).length();
            }
            chunk.add(id);
            length += cost;
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        return chunks;
    }
}
