package cn.gz.youcheng.registry;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Recently read results of the directory's queries, shared by every visitor, keyed by what was asked and
 * the registry's version when it was read. Every change to the registry makes a new version, so a result is
 * never used after the data it was read from changed; old entries age out, least recently used first,
 * once their total weight passes the capacity. Every entry must weigh something, or empty results would
 * pile up without limit.
 */
final class RecentResults<V> {

    record Key(Object query, long version) {
    }

    private final long capacity;
    private final ToLongFunction<V> weight;
    private final LinkedHashMap<Key, V> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long held;

    RecentResults(long capacity, ToLongFunction<V> weight) {
        this.capacity = capacity;
        this.weight = weight;
    }

    /** The result for the query at this version: remembered, or read now (outside the lock) and remembered. */
    V get(Object query, long version, Supplier<V> read) {
        Key key = new Key(query, version);
        V known = get(key);
        if (known != null) {
            return known;
        }
        V value = read.get();
        put(key, value);
        return value;
    }

    private synchronized V get(Key key) {
        return entries.get(key);
    }

    private synchronized void put(Key key, V value) {
        V previous = entries.put(key, value);
        held += weight.applyAsLong(value) - (previous == null ? 0 : weight.applyAsLong(previous));
        Iterator<Map.Entry<Key, V>> oldest = entries.entrySet().iterator();
        while (held > capacity && oldest.hasNext()) {
            Map.Entry<Key, V> entry = oldest.next();
            if (entry.getValue() != value) {
                held -= weight.applyAsLong(entry.getValue());
                oldest.remove();
            }
        }
    }
}
