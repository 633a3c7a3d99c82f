package sandbox.core.policy;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The distinct sensitive calls a plugin made ({@code permission action operation target}) and how often: what
 * MINIMAL is for ("learn the policy a plugin needs"). Bounded: past {@value #LIMIT} distinct entries new ones are
 * counted under one overflow entry.
 */
public final class AuditLog {
    static final int LIMIT = 1024;
    private static final String OVERFLOW = "(more distinct calls than the audit log keeps)";

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    /** @return true when this entry was not recorded before */
    boolean record(String entry) {
        String key = counts.size() >= LIMIT && !counts.containsKey(entry) ? OVERFLOW : entry;
        boolean[] fresh = {false};
        counts.computeIfAbsent(key, k -> {
            fresh[0] = true;
            return new LongAdder();
        }).increment();
        return fresh[0];
    }

    /** @return entry to count, sorted */
    public Map<String, Long> entries() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
