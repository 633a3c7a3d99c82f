package sandbox.core.accounting;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import sandbox.api.TaskRun;
import sandbox.api.ThreadCost;

/**
 * Cost of plugin work charged task by task: pool threads lent to a plugin for one task, and threads started
 * through {@link OwnedTasks#threadFactory}. The wrappers measure each task exactly (reading at start, reading at
 * end, on the task's own thread), so no sampling gap can lose a short task's cost.
 *
 * <p>Ordering invariant that keeps a concurrent reader from counting a task twice: a task leaves
 * {@link #running} before its cost is added to {@link #finished}; a reader reads {@code finished} first. At
 * worst a reader misses a task for one sample (it then shows up in the next), it never sees it in both.
 */
public final class TaskLedger {
    private final Map<String, Adders> finished = new ConcurrentHashMap<>();
    private final Map<String, Map<Thread, TaskRun>> running = new ConcurrentHashMap<>();
    private final Map<Thread, Boolean> charged = Collections.synchronizedMap(new WeakHashMap<>());

    /** Marks a thread as charged task by task for the rest of its life; samplers then skip its whole-life figures. */
    void markCharged(Thread thread) {
        charged.put(thread, Boolean.TRUE);
    }

    /** @return true when {@code thread} is charged task by task */
    public boolean chargedByTask(Thread thread) {
        return charged.containsKey(thread);
    }

    void begin(String pluginId, Thread thread, ThreadCost start) {
        running.computeIfAbsent(pluginId, id -> new ConcurrentHashMap<>()).put(thread, new TaskRun(thread, start));
    }

    void end(String pluginId, Thread thread, ThreadCost cost) {
        Map<Thread, TaskRun> runs = running.get(pluginId);
        if (runs != null) {
            runs.remove(thread);
        }
        Adders sum = finished.computeIfAbsent(pluginId, id -> new Adders());
        sum.cpu.add(cost.cpuNanos());
        sum.alloc.add(cost.allocatedBytes());
    }

    /** @return the cost of the plugin's finished tasks */
    public ThreadCost finished(String pluginId) {
        Adders sum = finished.get(pluginId);
        return sum == null ? ThreadCost.ZERO : new ThreadCost(sum.cpu.sum(), sum.alloc.sum());
    }

    /** @return the plugin's tasks running now */
    public List<TaskRun> running(String pluginId) {
        Map<Thread, TaskRun> runs = running.get(pluginId);
        return runs == null ? List.of() : List.copyOf(runs.values());
    }

    /** @return ids of plugins that have run a task */
    public java.util.Set<String> plugins() {
        java.util.Set<String> ids = new java.util.TreeSet<>(finished.keySet());
        ids.addAll(running.keySet());
        return ids;
    }

    private static final class Adders {
        final LongAdder cpu = new LongAdder();
        final LongAdder alloc = new LongAdder();
    }
}
