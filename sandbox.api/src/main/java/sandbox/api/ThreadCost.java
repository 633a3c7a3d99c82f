package sandbox.api;

/**
 * CPU time and allocated bytes of a thread, or of a stretch of its life.
 *
 * @param cpuNanos CPU time, nanoseconds
 * @param allocatedBytes bytes allocated on the heap
 */
public record ThreadCost(long cpuNanos, long allocatedBytes) {

    /** Nothing spent. */
    public static final ThreadCost ZERO = new ThreadCost(0, 0);

    /** @param other another cost @return the sum */
    public ThreadCost plus(ThreadCost other) {
        return new ThreadCost(cpuNanos + other.cpuNanos, allocatedBytes + other.allocatedBytes);
    }

    /** @param earlier a reading taken before this one @return what was spent since, never negative */
    public ThreadCost since(ThreadCost earlier) {
        return new ThreadCost(Math.max(0, cpuNanos - earlier.cpuNanos), Math.max(0, allocatedBytes - earlier.allocatedBytes));
    }
}
