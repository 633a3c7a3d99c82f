package sandbox.core.accounting;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which plugin owns which thread.
 *
 * <p>Each plugin has a {@link ThreadGroup} of its own; its execution threads are started in it, and platform
 * threads they create inherit the group, so most ownership needs no bookkeeping at all. Threads that do not
 * inherit a group (virtual threads, threads a plugin gets a JDK pool to run its work on) are registered
 * explicitly by the enforcement layer, held weakly so a dead thread is never kept alive by the registry.
 */
public final class ThreadOwnership {
    private static final String GROUP_PREFIX = "sandbox-plugin:";

    private final Map<String, ThreadGroup> groups = new ConcurrentHashMap<>();
    private final Map<Thread, String> registered = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * @return the plugin's thread group, created on first use as a child of the JVM's root group: made as a child
     *         of the calling thread's group, it would nest inside another plugin's group whenever that plugin's
     *         thread asked first, and its threads would be counted as that plugin's too
     */
    public ThreadGroup groupOf(String pluginId) {
        return groups.computeIfAbsent(pluginId, id -> new ThreadGroup(rootGroup(), GROUP_PREFIX + id));
    }

    private static ThreadGroup rootGroup() {
        ThreadGroup g = Thread.currentThread().getThreadGroup();
        while (g.getParent() != null) {
            g = g.getParent();
        }
        return g;
    }

    /** Marks {@code thread} as the plugin's, for threads that cannot be recognised by their group. */
    public void register(Thread thread, String pluginId) {
        registered.put(thread, pluginId);
    }

    /** Ends an explicit registration (a pool thread handing back after running the plugin's task). */
    public void unregister(Thread thread) {
        registered.remove(thread);
    }

    public Optional<String> ownerOf(Thread thread) {
        String explicit = registered.get(thread);
        if (explicit != null) {
            return Optional.of(explicit);
        }
        for (ThreadGroup g = thread.getThreadGroup(); g != null; g = g.getParent()) {
            if (g.getName().startsWith(GROUP_PREFIX) && groups.get(g.getName().substring(GROUP_PREFIX.length())) == g) {
                return Optional.of(g.getName().substring(GROUP_PREFIX.length()));
            }
        }
        return Optional.empty();
    }

    /** @return the plugin's live threads: its group's members plus explicitly registered ones */
    public List<Thread> liveThreads(String pluginId) {
        List<Thread> result = new ArrayList<>();
        ThreadGroup group = groups.get(pluginId);
        if (group != null) {
            Thread[] members = new Thread[group.activeCount() + 16];
            int n = group.enumerate(members, true);
            for (int i = 0; i < n; i++) {
                result.add(members[i]);
            }
        }
        synchronized (registered) {
            registered.forEach((thread, owner) -> {
                if (owner.equals(pluginId) && thread.isAlive() && !result.contains(thread)) {
                    result.add(thread);
                }
            });
        }
        return result;
    }

    public java.util.Set<String> plugins() {
        java.util.Set<String> ids = new java.util.TreeSet<>(groups.keySet());
        synchronized (registered) {
            ids.addAll(registered.values());
        }
        return ids;
    }
}
