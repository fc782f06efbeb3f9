package dev.keyhole.vault;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Encoded pages of entities, kept per account and query together with the account's entity clock when
 * they were read (ADR 0023). A page is handed out again only for the same clock: every entity write
 * moves the clock in the database in its own transaction, so a page read under the clock the database
 * shows now holds every acknowledged write, whichever node took it. Least recently used pages go first
 * once the budget is spent.
 */
@Component
class EncodedPages {

    /** About a hundred full pages of a 1,000-code vault (330 KB each); a larger page is never kept. */
    static final long BUDGET_BYTES = 32L * 1024 * 1024;

    /** Which page: changes after {@code sinceTime} up to {@code limit}, or with limit 0 the live entities. */
    record Query(long userId, long sinceTime, int limit) {}

    private record Kept(long clock, EntityJson page) {}

    private final Map<Query, Kept> kept = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    synchronized Optional<EntityJson> find(Query query, long clock) {
        Kept page = kept.get(query);
        return page != null && page.clock() == clock ? Optional.of(page.page()) : Optional.empty();
    }

    synchronized void keep(Query query, long clock, EntityJson page) {
        if (page.array().length > BUDGET_BYTES / 8) {
            return;
        }
        Kept old = kept.put(query, new Kept(clock, page));
        bytes += page.array().length - (old == null ? 0 : old.page().array().length);
        Iterator<Kept> eldest = kept.values().iterator();
        while (bytes > BUDGET_BYTES && eldest.hasNext()) {
            bytes -= eldest.next().page().array().length;
            eldest.remove();
        }
    }

    synchronized long bytes() {
        return bytes;
    }
}
