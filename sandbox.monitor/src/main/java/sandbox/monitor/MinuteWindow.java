package sandbox.monitor;

/**
 * A sliding one-minute window over cumulative counters, one second granularity: it keeps the counters as they
 * stood at each of the last 61 whole seconds and answers "how much in the last minute" as now minus then.
 * Before a plugin has been watched for a minute, the window starts at zero (its first sighting).
 */
final class MinuteWindow {
    static final int FIELDS = 4;
    static final int SECONDS = 60;
    private final long[][] slots = new long[SECONDS + 1][FIELDS];
    private final long[] slotSecond = new long[SECONDS + 1];
    private long firstSecond = Long.MIN_VALUE;

    /**
     * @param second the current time in whole seconds (monotonic)
     * @param totals the cumulative counters now
     */
    void record(long second, long... totals) {
        if (firstSecond == Long.MIN_VALUE) {
            firstSecond = second;
            java.util.Arrays.fill(slotSecond, Long.MIN_VALUE);
        }
        int i = (int) Math.floorMod(second, (long) slots.length);
        if (slotSecond[i] != second) {
            slotSecond[i] = second;
        }
        System.arraycopy(totals, 0, slots[i], 0, FIELDS);
    }

    /**
     * @param second the current second
     * @param field which counter
     * @param now its cumulative value now
     * @return its growth over the last minute
     */
    long lastMinute(long second, int field, long now) {
        long from = second - SECONDS;
        if (from < firstSecond) {
            return now; // watched for less than a minute: everything since the first sighting
        }
        int i = (int) Math.floorMod(from, (long) slots.length);
        if (slotSecond[i] == from) {
            return Math.max(0, now - slots[i][field]);
        }
        // no sample landed in that exact second (intervals over 1 s): use the oldest slot inside the window
        long best = Long.MAX_VALUE;
        long bestSecond = Long.MAX_VALUE;
        for (int k = 0; k < slots.length; k++) {
            if (slotSecond[k] >= from && slotSecond[k] < bestSecond) {
                bestSecond = slotSecond[k];
                best = slots[k][field];
            }
        }
        return best == Long.MAX_VALUE ? 0 : Math.max(0, now - best);
    }

    /** @return seconds the window covers now, at least 1 */
    long span(long second) {
        return Math.max(1, Math.min(SECONDS, second - firstSecond));
    }
}
