package cn.gz.youcheng.registry;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recently used filtered orders of the directory: partner ids by filter, order and registry revision. A
 * change to the registry makes a new revision, so an order is never used after the data it was read from
 * changed; old entries simply age out. Bounded by the number of ids held, least recently used first out
 * (4 million ids are 32 MB).
 */
final class OrderedPartners {

    record Key(DirectoryFilter filter, List<DirectorySort> sort, long revision) {
    }

    private final long capacity;
    private final LinkedHashMap<Key, long[]> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long held;

    OrderedPartners(long capacity) {
        this.capacity = capacity;
    }

    synchronized long[] get(Key key) {
        return entries.get(key);
    }

    synchronized void put(Key key, long[] ids) {
        long[] previous = entries.put(key, ids);
        held += ids.length - (previous == null ? 0 : previous.length);
        Iterator<Map.Entry<Key, long[]>> oldest = entries.entrySet().iterator();
        while (held > capacity && oldest.hasNext()) {
            Map.Entry<Key, long[]> entry = oldest.next();
            if (entry.getValue() != ids) {
                held -= entry.getValue().length;
                oldest.remove();
            }
        }
    }
}
