package sandbox.core.runaway;

import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import sandbox.core.runaway.poll.Signal;

/**
 * Which threads must stop, and why: the state behind the woven poll's slow path. Static because woven plugin
 * classes reach it through static calls ({@link sandbox.core.runaway.poll.Poll}); it lives as long as the core
 * bundle's class loader.
 *
 * <p>Invariant: a plugin's signal is raised while any live thread condemned for that plugin exists. Condemning
 * puts the thread first and raises second; lowering ({@link #sweep}) lowers first and re-checks second, so a
 * concurrent condemnation is never lost.
 */
public final class Condemned {
    private static final Object KEY = new Object();
    private static final String STACK_MESSAGE = "stack overflow in plugin code: call depth over what a plugin thread's stack holds";
    private static final Map<String, Signal> SIGNALS = new ConcurrentHashMap<>();
    private static final Map<Thread, PluginTerminatedError> THREADS = new ConcurrentHashMap<>();
    private static final Map<Thread, Tripwire> ARMED = new ConcurrentHashMap<>();
    /** Per execution thread: its STACK_DEPTH termination with the figures, made before it runs plugin code. */
    private static final Map<Thread, PluginTerminatedError> STACK = new ConcurrentHashMap<>();
    private static volatile boolean warm;
    private static final Map<String, MutableCallSite> SITES = new ConcurrentHashMap<>();
    private static final MethodHandle NOTHING = MethodHandles.empty(MethodType.methodType(void.class));
    private static final MethodHandle STOP_IF_CONDEMNED;

    static {
        try {
            STOP_IF_CONDEMNED = MethodHandles.lookup().findStatic(Condemned.class, "stopIfCondemned",
                    MethodType.methodType(void.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
    private static final com.sun.management.ThreadMXBean BEAN =
            (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();

    /**
     * An allocation limit the thread checks itself at every poll while its plugin's signal is raised: the
     * watchdog's 10 ms look lets an allocation bomb run tens of megabytes past its budget (or more, when the
     * watchdog is not scheduled on a loaded machine); the allocating thread itself cannot be late.
     *
     * @param limit the thread's own allocated-bytes counter value past which the budget is broken
     * @param trip decides the verdict (it condemns the thread)
     * @param pluginId the plugin, whose signal stays raised while the wire is armed
     */
    record Tripwire(long limit, Runnable trip, String pluginId) {
    }

    private Condemned() {
    }

    /**
     * Runs every path of the poll once, on the caller's shallow stack, for a plugin id no plugin can have. The
     * first execution of an {@code instanceof}, a field or method reference resolves it, through sandbox.core's
     * bundle class loader; if that first time is a plugin thread deep in a stack overflow, the loader overflows
     * too, and the failed resolution is recorded for good: every later {@code Poll.caught} in the JVM would throw
     * NoClassDefFoundError (escape catalogue F5 turned on the guard). Called by {@code Poll}'s static initialiser,
     * i.e. when the first woven class initialises (its prologue calls {@code Poll.signal}): before any plugin code
     * can run, whether or not the containment component is active yet.
     */
    public static synchronized void warmUp() {
        if (warm) {
            return;
        }
        warm = true;
        String id = "\u0000sandbox-warm-up";
        Signal signal = signalOf(id);
        callSiteOf(id);
        sandbox.core.runaway.poll.Poll.poll(signal);
        sandbox.core.runaway.poll.Poll.enter(signal);
        sandbox.core.runaway.poll.Poll.caught(new IllegalStateException("warm-up"), signal);
        // never started; made in the JVM's top thread group, not in a plugin's (this may run on a plugin's thread)
        ThreadGroup top = Thread.currentThread().getThreadGroup();
        while (top.getParent() != null) {
            top = top.getParent();
        }
        Thread neverStarted = new Thread(top, () -> { }, "sandbox-warm-up");
        condemn(neverStarted, new PluginTerminatedError(Budget.STACK_DEPTH, id, STACK_MESSAGE));
        sandbox.core.runaway.poll.Poll.poll(signal);
        sandbox.core.runaway.poll.Poll.enter(signal);
        sandbox.core.runaway.poll.Poll.caught(new IllegalStateException("warm-up"), signal);
        // The stack-overflow path itself, on this thread, with a prepared termination; then this thread is pardoned.
        Thread self = Thread.currentThread();
        PluginTerminatedError prepared = new PluginTerminatedError(Budget.STACK_DEPTH, id, STACK_MESSAGE);
        boolean hadPrepared = STACK.putIfAbsent(self, prepared) == null;
        boolean wasCondemned = THREADS.containsKey(self);
        try {
            sandbox.core.runaway.poll.Poll.caught(new StackOverflowError("warm-up"), signal);
        } catch (PluginTerminatedError expected) {
            expected.claimReport();
        } finally {
            if (hadPrepared) {
                STACK.remove(self, prepared);
            }
            if (!wasCondemned) {
                THREADS.remove(self);
            }
        }
        sweep(); // the never-started thread is not alive: forgotten, the signal lowered, the call site reset
        SIGNALS.remove(id);
        SITES.remove(id);
    }

    /** Gives an execution thread its STACK_DEPTH termination (with the figures) before it runs plugin code. */
    static void prepareStackOverflow(Thread thread, PluginTerminatedError error) {
        STACK.put(thread, error);
    }

    /** The execution ended: its prepared termination is no longer needed. */
    static void forgetStackOverflow(Thread thread) {
        STACK.remove(thread);
    }

    /** @return the plugin's signal, created on first use */
    public static Signal signalOf(String pluginId) {
        Signal signal = SIGNALS.get(pluginId);
        return signal != null ? signal : SIGNALS.computeIfAbsent(pluginId, id -> new Signal(id, KEY));
    }

    /**
     * The plugin's poll call site for woven {@code invokedynamic} polls: its target does nothing while the signal
     * is lowered, and is the slow path while it is raised. The JIT inlines the target with a dependency on it, so
     * a lowered poll costs no instruction at all; changing the target deoptimizes the compiled code that inlined
     * it (at its next safepoint poll), which then runs the new target.
     */
    public static CallSite callSiteOf(String pluginId) {
        MutableCallSite site = SITES.get(pluginId);
        if (site == null) {
            site = SITES.computeIfAbsent(pluginId, id -> new MutableCallSite(NOTHING));
            follow(pluginId);
        }
        return site;
    }

    private static void raise(String pluginId) {
        signalOf(pluginId).raise(KEY);
        follow(pluginId);
    }

    private static void lower(Signal signal) {
        signal.lower(KEY);
        follow(signal.pluginId());
    }

    /** Points the plugin's call site at what its signal says now; the last caller under the lock wins. */
    private static void follow(String pluginId) {
        MutableCallSite site = SITES.get(pluginId);
        if (site == null) {
            return;
        }
        synchronized (site) {
            MethodHandle wanted = signalOf(pluginId).isRaised() ? STOP_IF_CONDEMNED : NOTHING;
            if (site.getTarget() != wanted) {
                site.setTarget(wanted);
                MutableCallSite.syncAll(new MutableCallSite[] {site});
            }
        }
    }

    /** Slow path of the poll: throws the current thread's termination, if it has one. */
    public static void stopIfCondemned() {
        Thread current = Thread.currentThread();
        PluginTerminatedError error = THREADS.get(current);
        if (error == null) {
            Tripwire wire = ARMED.get(current);
            if (wire == null || BEAN.getCurrentThreadAllocatedBytes() <= wire.limit()) {
                return;
            }
            ARMED.remove(current);
            wire.trip().run();
            error = THREADS.get(current);
        }
        if (error != null) {
            throw error;
        }
    }

    /** Arms a thread's own allocation check (see {@link Tripwire}) and raises its plugin's signal. */
    static void arm(Thread thread, Tripwire wire) {
        ARMED.put(thread, wire);
        raise(wire.pluginId());
    }

    /** Disarms a thread's allocation check. */
    static void disarm(Thread thread) {
        ARMED.remove(thread);
    }

    static boolean armed(Thread thread) {
        return ARMED.containsKey(thread);
    }

    /**
     * A handler in plugin code caught a stack overflow: the current thread is condemned (unless it already is for
     * another reason) so the overflow ends as a termination, not in the plugin's handler.
     */
    public static void stackOverflow(Signal signal) {
        Thread current = Thread.currentThread();
        if (!THREADS.containsKey(current)) {
            PluginTerminatedError prepared = STACK.get(current);
            condemn(current, prepared != null && prepared.pluginId().equals(signal.pluginId()) ? prepared
                    : new PluginTerminatedError(Budget.STACK_DEPTH, signal.pluginId(), STACK_MESSAGE));
        } else {
            raise(signal.pluginId()); // an earlier attempt may have overflowed between condemning and raising
        }
    }

    /**
     * Condemns a thread: its next poll (or handler entry) in plugin code throws {@code error}. The first reason
     * given for a thread wins.
     *
     * @return the error in force for the thread
     */
    public static PluginTerminatedError condemn(Thread thread, PluginTerminatedError error) {
        PluginTerminatedError previous = THREADS.putIfAbsent(thread, error);
        raise(error.pluginId());
        return previous != null ? previous : error;
    }

    /** @return the termination in force for {@code thread}, or {@code null} */
    public static PluginTerminatedError of(Thread thread) {
        return THREADS.get(thread);
    }

    /** @return terminations not yet recorded as violations (each returned once) */
    static List<PluginTerminatedError> unreported() {
        List<PluginTerminatedError> result = new ArrayList<>();
        for (PluginTerminatedError error : new HashSet<>(THREADS.values())) {
            if (error.claimReport()) {
                result.add(error);
            }
        }
        return result;
    }

    /** @return live condemned threads of the plugin */
    static List<Thread> threadsOf(String pluginId) {
        List<Thread> result = new ArrayList<>();
        THREADS.forEach((thread, error) -> {
            if (error.pluginId().equals(pluginId) && thread.isAlive()) {
                result.add(thread);
            }
        });
        return result;
    }

    /** Forgets dead threads and lowers the signals of plugins that have no live condemned thread left. */
    static void sweep() {
        THREADS.keySet().removeIf(thread -> !thread.isAlive());
        ARMED.keySet().removeIf(thread -> !thread.isAlive());
        // not "!isAlive": an execution thread is prepared before it starts
        STACK.keySet().removeIf(thread -> thread.getState() == Thread.State.TERMINATED);
        Set<String> busy = new HashSet<>();
        THREADS.values().forEach(error -> busy.add(error.pluginId()));
        ARMED.values().forEach(wire -> busy.add(wire.pluginId()));
        for (Signal signal : SIGNALS.values()) {
            if (signal.isRaised() && !busy.contains(signal.pluginId())) {
                lower(signal);
                if (!threadsOf(signal.pluginId()).isEmpty()
                        || ARMED.values().stream().anyMatch(w -> w.pluginId().equals(signal.pluginId()))) {
                    raise(signal.pluginId());
                }
            }
        }
    }

    /** Forgets a thread's condemnation (its code is no longer the plugin's, e.g. a pool thread handed back). */
    static void pardon(Thread thread) {
        THREADS.remove(thread);
    }
}
