package sandbox.core.violations;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import sandbox.api.Violation;

/** The most recent violations, bounded: when full, the oldest is dropped. Thread-safe. */
final class ViolationRing {
    private final int capacity;
    private final ArrayDeque<Violation> newestFirst;

    /** @param capacity how many violations are kept, at least 1 */
    ViolationRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("violation ring capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.newestFirst = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    synchronized void add(Violation violation) {
        newestFirst.addFirst(violation);
        if (newestFirst.size() > capacity) {
            newestFirst.removeLast();
        }
    }

    /**
     * @param limit the most to return, not negative
     * @return up to {@code limit} violations, newest first
     */
    synchronized List<Violation> recent(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, was " + limit);
        }
        List<Violation> result = new ArrayList<>(Math.min(limit, newestFirst.size()));
        Iterator<Violation> it = newestFirst.iterator();
        while (it.hasNext() && result.size() < limit) {
            result.add(it.next());
        }
        return result;
    }
}
