package sandbox.api;

import java.time.Duration;
import java.util.Objects;

/**
 * Resource budgets of one plugin. A value of {@link #UNLIMITED} (or a {@code null} duration) means "no limit".
 *
 * @param executionTime wall-clock budget of one execution
 * @param cpuTime CPU-time budget of one execution, summed over the plugin's threads during it
 * @param allocatedBytes bytes a plugin may allocate during one execution
 * @param maxThreads live threads the plugin may own at once (its execution thread not counted)
 * @param maxStackDepth plugin call depth before deep recursion ends as a contained failure
 * @param maxOpenFiles files the plugin may hold open at once
 * @param maxOpenSockets sockets the plugin may hold open at once
 * @param networkBytesPerSecond bandwidth of the plugin's own streams and channels, both directions
 * @param fileBytesWritten bytes the plugin may write to files per execution
 */
public record PluginLimits(
        Duration executionTime,
        Duration cpuTime,
        long allocatedBytes,
        int maxThreads,
        int maxStackDepth,
        int maxOpenFiles,
        int maxOpenSockets,
        long networkBytesPerSecond,
        long fileBytesWritten) {

    /** Marks a numeric limit as absent. */
    public static final long UNLIMITED = Long.MAX_VALUE;

    /** Defaults for a plugin whose operator set nothing: 2 s wall, 2 s CPU, 64 MB allocation, 8 threads. */
    public static final PluginLimits DEFAULTS = builder().build();

    /** Validates every field; a negative or zero budget is a configuration mistake, not a silent "unlimited". */
    public PluginLimits {
        executionTime = positive("executionTime", executionTime);
        cpuTime = positive("cpuTime", cpuTime);
        positive("allocatedBytes", allocatedBytes);
        nonNegative("maxThreads", maxThreads);
        positive("maxStackDepth", maxStackDepth);
        nonNegative("maxOpenFiles", maxOpenFiles);
        nonNegative("maxOpenSockets", maxOpenSockets);
        positive("networkBytesPerSecond", networkBytesPerSecond);
        nonNegative("fileBytesWritten", fileBytesWritten);
    }

    /** @return a builder holding the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this record's values */
    public Builder toBuilder() {
        return new Builder(this);
    }

    private static Duration positive(String name, Duration value) {
        Objects.requireNonNull(value, () -> "limit " + name + " is missing");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("limit " + name + " must be positive, was " + value);
        }
        return value;
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException("limit " + name + " must be positive, was " + value);
        }
    }

    private static void nonNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("limit " + name + " must not be negative, was " + value);
        }
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private Duration executionTime = Duration.ofSeconds(2);
        private Duration cpuTime = Duration.ofSeconds(2);
        private long allocatedBytes = 64L * 1024 * 1024;
        private int maxThreads = 8;
        private int maxStackDepth = 2_000;
        private int maxOpenFiles = 64;
        private int maxOpenSockets = 16;
        private long networkBytesPerSecond = UNLIMITED;
        private long fileBytesWritten = UNLIMITED;

        Builder() {
        }

        Builder(PluginLimits l) {
            executionTime = l.executionTime;
            cpuTime = l.cpuTime;
            allocatedBytes = l.allocatedBytes;
            maxThreads = l.maxThreads;
            maxStackDepth = l.maxStackDepth;
            maxOpenFiles = l.maxOpenFiles;
            maxOpenSockets = l.maxOpenSockets;
            networkBytesPerSecond = l.networkBytesPerSecond;
            fileBytesWritten = l.fileBytesWritten;
        }

        /** @param value wall-clock budget per execution @return this */
        public Builder executionTime(Duration value) { executionTime = value; return this; }
        /** @param value CPU budget per execution @return this */
        public Builder cpuTime(Duration value) { cpuTime = value; return this; }
        /** @param value allocation budget per execution, bytes @return this */
        public Builder allocatedBytes(long value) { allocatedBytes = value; return this; }
        /** @param value live-thread quota @return this */
        public Builder maxThreads(int value) { maxThreads = value; return this; }
        /** @param value call-depth budget @return this */
        public Builder maxStackDepth(int value) { maxStackDepth = value; return this; }
        /** @param value open-file quota @return this */
        public Builder maxOpenFiles(int value) { maxOpenFiles = value; return this; }
        /** @param value open-socket quota @return this */
        public Builder maxOpenSockets(int value) { maxOpenSockets = value; return this; }
        /** @param value bandwidth, bytes per second @return this */
        public Builder networkBytesPerSecond(long value) { networkBytesPerSecond = value; return this; }
        /** @param value file bytes written per execution @return this */
        public Builder fileBytesWritten(long value) { fileBytesWritten = value; return this; }

        /** @return the validated limits @throws IllegalArgumentException naming the bad field */
        public PluginLimits build() {
            return new PluginLimits(executionTime, cpuTime, allocatedBytes, maxThreads, maxStackDepth,
                    maxOpenFiles, maxOpenSockets, networkBytesPerSecond, fileBytesWritten);
        }
    }
}
