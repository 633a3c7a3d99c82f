package sandbox.monitor;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import sandbox.api.PluginActivity;
import sandbox.api.ResourceUsage;
import sandbox.api.TaskRun;
import sandbox.api.ThreadCost;

/**
 * One sample of every plugin: lists each plugin's threads from {@link PluginActivity}, reads all of them with one
 * bulk call per figure, and attributes the readings.
 *
 * <p>Two kinds of thread: a plugin's own threads (its thread group, explicit registrations) are charged
 * whole-life, sampled; threads charged task by task (pool threads lent for a task, threads from the sandbox's
 * thread factories) are charged only from each running task's start, and exactly for finished tasks. Not
 * thread-safe: one sampler thread calls {@link #sample}.
 */
final class Sampler {
    private final PluginActivity activity;
    private final ThreadReadings readings;
    private final Clock clock;
    private final Map<String, PluginLedger> ledgers = new ConcurrentHashMap<>();

    Sampler(PluginActivity activity, ThreadReadings readings, Clock clock) {
        this.activity = activity;
        this.readings = readings;
        this.clock = clock;
    }

    /** @return every plugin's usage now, in id order */
    List<ResourceUsage> sample() {
        return sample(id -> true);
    }

    /**
     * @param due which plugins to read now (the others keep their latest usage)
     * @return the usage of the plugins read, in id order
     */
    List<ResourceUsage> sample(java.util.function.Predicate<String> due) {
        Set<String> plugins = activity.plugins();
        List<Slice> slices = new ArrayList<>(plugins.size());
        int count = 0;
        for (String pluginId : plugins) {
            if (!due.test(pluginId)) {
                continue;
            }
            Slice slice = new Slice(ledgers.computeIfAbsent(pluginId, PluginLedger::new));
            slice.finished = activity.finishedTaskCost(pluginId); // before runningTasks: see TaskLedger's ordering
            slice.runs = activity.runningTasks(pluginId);
            List<Thread> live = activity.liveThreads(pluginId);
            slice.live = live.size();
            slice.own = new ArrayList<>(live.size());
            for (Thread t : live) {
                if (!activity.chargedByTask(t)) {
                    slice.own.add(t);
                }
            }
            count += slice.own.size() + slice.runs.size();
            slices.add(slice);
        }
        long[] ids = new long[count];
        int i = 0;
        for (Slice s : slices) {
            for (Thread t : s.own) {
                ids[i++] = t.getId();
            }
            for (TaskRun run : s.runs) {
                ids[i++] = run.thread().getId();
            }
        }
        long[] cpu = new long[count];
        long[] alloc = new long[count];
        readings.read(ids, cpu, alloc);

        long nanos = System.nanoTime();
        long second = nanos / 1_000_000_000L;
        java.time.Instant now = clock.instant();
        List<ResourceUsage> result = new ArrayList<>(slices.size());
        i = 0;
        for (Slice s : slices) {
            ThreadTotals totals = s.ledger.threads;
            totals.begin();
            for (int k = 0; k < s.own.size(); k++, i++) {
                totals.record(ids[i], cpu[i], alloc[i]);
            }
            ThreadCost tasks = s.finished;
            for (TaskRun run : s.runs) {
                if (cpu[i] >= 0 && alloc[i] >= 0) {
                    tasks = tasks.plus(new ThreadCost(cpu[i], alloc[i]).since(run.start()));
                }
                i++;
            }
            result.add(s.ledger.close(tasks, s.live, activity.io(s.ledger.pluginId), second, now));
        }
        return result;
    }

    /** @return the ledger of a plugin seen so far, or null */
    PluginLedger ledger(String pluginId) {
        return ledgers.get(pluginId);
    }

    /** @return ids of the plugins the sampler has seen */
    Set<String> seen() {
        return ledgers.keySet();
    }

    /** @return how many plugins the sampler keeps state for */
    int plugins() {
        return ledgers.size();
    }

    private static final class Slice {
        final PluginLedger ledger;
        ThreadCost finished;
        List<TaskRun> runs;
        List<Thread> own;
        int live;

        Slice(PluginLedger ledger) {
            this.ledger = ledger;
        }
    }
}
