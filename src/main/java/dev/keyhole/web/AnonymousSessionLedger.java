package dev.keyhole.web;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sessions nobody has signed in to, oldest first, each with the client that opened it. Admitting one
 * over a cap hands back the ones to end: the client's oldest beyond {@code perClient}, then the oldest of
 * all beyond {@code total}. Holds nothing else, so it never outgrows {@code total} entries, and a client
 * is forgotten with its last session. {@code S} is the session (kept to end it).
 */
final class AnonymousSessionLedger<S> {

    private record Entry<S>(String client, S session) {}

    private final int perClient;
    private final int total;
    private final LinkedHashMap<Long, Entry<S>> byKey = new LinkedHashMap<>();
    private final Map<String, ArrayDeque<Long>> keysByClient = new HashMap<>();

    AnonymousSessionLedger(int perClient, int total) {
        this.perClient = perClient;
        this.total = total;
    }

    /** Records a new anonymous session; returns the sessions it pushes over a cap (never itself). */
    synchronized List<S> admit(long key, S session, String client) {
        if (byKey.containsKey(key)) {
            return List.of();
        }
        byKey.put(key, new Entry<>(client, session));
        ArrayDeque<Long> keys = keysByClient.computeIfAbsent(client, c -> new ArrayDeque<>());
        keys.addLast(key);
        List<S> evicted = new ArrayList<>();
        while (keys.size() > perClient) {
            evicted.add(byKey.remove(keys.removeFirst()).session());
        }
        Iterator<Map.Entry<Long, Entry<S>>> oldest = byKey.entrySet().iterator();
        while (byKey.size() > total) {
            Map.Entry<Long, Entry<S>> first = oldest.next();
            oldest.remove();
            removeFromClient(first.getValue().client(), first.getKey());
            evicted.add(first.getValue().session());
        }
        return evicted;
    }

    /** The session ended or signed in: it no longer counts. */
    synchronized void forget(long key) {
        Entry<S> entry = byKey.remove(key);
        if (entry != null) {
            removeFromClient(entry.client(), key);
        }
    }

    synchronized int size() {
        return byKey.size();
    }

    synchronized int clients() {
        return keysByClient.size();
    }

    private void removeFromClient(String client, long key) {
        ArrayDeque<Long> keys = keysByClient.get(client);
        keys.remove(key);
        if (keys.isEmpty()) {
            keysByClient.remove(client);
        }
    }
}
