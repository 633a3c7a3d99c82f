package sandbox.core.runaway.poll;

import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import sandbox.core.runaway.Condemned;

/**
 * Entry points called from woven plugin code (see {@code sandbox.core.runaway.RunawayTransform}). Each one is a
 * few bytes of bytecode so that C1 and C2 inline it into the plugin method: the fast path is one volatile load and
 * a never-taken branch. Everything else is out of line in {@link Condemned}.
 *
 * <p>Nothing here allocates, concatenates strings or uses lambdas: these methods run with the stack nearly
 * exhausted (deep recursion), where a first-time class initialisation could be poisoned (escape catalogue F5).
 */
public final class Poll {
    static {
        // The first woven class of any plugin initialises this class from its static initialiser: shallow, before
        // any plugin code runs. Resolve every path of the slow path now, not first during a stack overflow.
        Condemned.warmUp();
    }

    private Poll() {
    }

    /**
     * Woven at loop back-edges: a volatile read, because C2 may hoist a plain read out of a loop without calls and
     * the loop would then never see the signal.
     *
     * @param signal the plugin's signal, from the woven class's synthetic field
     */
    public static void poll(Signal signal) {
        if (signal.raised) {
            Condemned.stopIfCondemned();
        }
    }

    /**
     * Woven at method entries: a plain read (see {@link Signal}); executed once per call, it cannot be hoisted out
     * of anything that runs forever without passing a back-edge poll or a real call.
     *
     * @param signal the plugin's signal, from the woven class's synthetic field
     */
    public static void enter(Signal signal) {
        if (signal.raisedPlain) {
            Condemned.stopIfCondemned();
        }
    }

    /**
     * Woven at the start of handlers that can catch Sandbox's termination error or a {@link StackOverflowError}
     * ({@code Throwable}, {@code Error}, {@code VirtualMachineError}, {@code StackOverflowError}). Rethrows the
     * termination while it is in force for the current thread, and turns a stack overflow into a termination, so
     * the plugin's handler body never runs in either case.
     *
     * @param caught what the handler caught
     * @param signal the plugin's signal
     */
    public static void caught(Throwable caught, Signal signal) {
        if (caught instanceof StackOverflowError) {
            // Condemning can itself overflow (then that overflow goes up one frame and is retried there), and the
            // signal may not be raised yet: ask for the current thread's termination directly.
            Condemned.stackOverflow(signal);
            Condemned.stopIfCondemned();
        }
        if (signal.raised) {
            Condemned.stopIfCondemned();
        }
    }

    /**
     * Bootstrap of the woven {@code invokedynamic} poll (class files 51+): every poll site of the plugin is bound
     * to the plugin's one call site (see {@code Condemned.callSiteOf}).
     *
     * @param lookup the woven class's lookup (unused: the call site depends on the plugin only)
     * @param name the poll's name
     * @param type {@code ()V}
     * @param pluginId the plugin the woven class belongs to
     * @return the plugin's poll call site
     */
    public static CallSite bootstrap(MethodHandles.Lookup lookup, String name, MethodType type, String pluginId) {
        return Condemned.callSiteOf(pluginId);
    }

    /**
     * Woven once into every plugin class's static initialiser.
     *
     * @param pluginId the plugin the class belongs to, known when the class was woven
     * @return the plugin's signal
     */
    public static Signal signal(String pluginId) {
        return Condemned.signalOf(pluginId);
    }
}
