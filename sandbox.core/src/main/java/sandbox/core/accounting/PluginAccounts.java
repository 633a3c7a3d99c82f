package sandbox.core.accounting;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import sandbox.api.IoCounters;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import sandbox.api.PluginActivity;
import sandbox.api.TaskRun;
import sandbox.api.ThreadCost;

/**
 * The core's ledger of plugin activity: thread ownership and I/O accounts, one per plugin id. The enforcement
 * layer writes to it on plugin threads; {@link PluginActivity} readers (the monitor) read snapshots.
 * One instance per core bundle activation.
 *
 * <p>It is its own DS component, registered under two names: {@link PluginActivity} for other bundles (the
 * monitor), and {@code PluginAccounts} for components inside sandbox.core (execution, the weaver's guard), which
 * take it as a typed {@code @Reference PluginAccounts} instead of casting. The class lives in a private package,
 * so no other bundle can load it and the second name is visible inside the core only. Immediate, so the single
 * instance exists from the moment the core starts.
 */
@Component(service = {PluginActivity.class, PluginAccounts.class}, immediate = true)
public final class PluginAccounts implements PluginActivity {
    private final ThreadOwnership threads = new ThreadOwnership();
    private final Map<String, IoAccount> io = new ConcurrentHashMap<>();
    private final TaskLedger tasks = new TaskLedger();
    private final OwnedTasks ownedTasks = new OwnedTasks(threads, tasks);
    private final NetworkMeters network = new NetworkMeters();

    @Activate
    void activate() {
        OwnedTasks.use(ownedTasks);   // the weaving guard wraps plugin work through these from now on
    }

    @Deactivate
    void deactivate() {
        if (OwnedTasks.inUse() == ownedTasks) {
            OwnedTasks.use(null);
        }
    }

    /** @return the wrappers that charge tasks and thread-factory threads to a plugin (for the guard and execution) */
    public OwnedTasks ownedTasks() {
        return ownedTasks;
    }

    /** @return per-plugin throttles and per-socket meters (for the guard) */
    public NetworkMeters network() {
        return network;
    }

    public ThreadOwnership threads() {
        return threads;
    }

    /** @return the plugin's I/O account, created on first use */
    public IoAccount ioAccount(String pluginId) {
        return io.computeIfAbsent(pluginId, id -> new IoAccount());
    }

    @Override
    public Set<String> plugins() {
        Set<String> ids = new TreeSet<>(threads.plugins());
        ids.addAll(io.keySet());
        ids.addAll(tasks.plugins());
        return ids;
    }

    @Override
    public List<Thread> liveThreads(String pluginId) {
        return threads.liveThreads(pluginId);
    }

    @Override
    public Optional<String> ownerOf(Thread thread) {
        return threads.ownerOf(thread);
    }

    @Override
    public IoCounters io(String pluginId) {
        network.reconcile(); // sockets a plugin closed directly, not through a metered stream
        IoAccount account = io.get(pluginId);
        return account == null ? IoCounters.ZERO : account.snapshot();
    }

    @Override
    public ThreadCost finishedTaskCost(String pluginId) {
        return tasks.finished(pluginId);
    }

    @Override
    public List<TaskRun> runningTasks(String pluginId) {
        return tasks.running(pluginId);
    }

    @Override
    public boolean chargedByTask(Thread thread) {
        return tasks.chargedByTask(thread);
    }
}
