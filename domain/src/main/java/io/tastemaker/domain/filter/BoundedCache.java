package io.tastemaker.domain.filter;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A least-recently-used map with a fixed capacity, safe for concurrent use. Values are computed
 * outside the lock, so two threads may compute the same value once each; the first stored wins.
 */
final class BoundedCache<K, V> {

    private final int capacity;
    private final LinkedHashMap<K, V> entries;

    BoundedCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > BoundedCache.this.capacity;
            }
        };
    }

    V get(K key, Function<K, V> compute) {
        synchronized (entries) {
            V value = entries.get(key);
            if (value != null) {
                return value;
            }
        }
        V computed = compute.apply(key);
        synchronized (entries) {
            V raced = entries.putIfAbsent(key, computed);
            return raced != null ? raced : computed;
        }
    }

    void removeIf(java.util.function.Predicate<K> condition) {
        synchronized (entries) {
            entries.keySet().removeIf(condition);
        }
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
