package sandbox.core.runaway.poll;

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
            Condemned.stackOverflow(signal);
        }
        if (signal.raised) {
            Condemned.stopIfCondemned();
        }
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
