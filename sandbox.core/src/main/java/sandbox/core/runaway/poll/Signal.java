package sandbox.core.runaway.poll;

import java.util.Objects;

/**
 * One plugin's stop signal. Every woven class of the plugin holds it in a synthetic {@code static final} field,
 * so after JIT compilation the poll is a single load of {@link #raised} from a constant address.
 *
 * <p>The signal is raised while at least one of the plugin's threads must stop; it says nothing about which one.
 * The slow path ({@link Poll}) decides that for the current thread. Only the holder of the key the signal was made
 * with can raise or lower it, so a plugin that reaches its own class's field by reflection still cannot lower it.
 */
public final class Signal {
    /*
     * volatile, not plain: a plain boolean read in a loop without calls may be hoisted out of the loop by C2
     * (the classic `while (!stop) {}` that never ends), which would make the poll useless exactly for the loops it
     * exists for. On x86 and AArch64 a volatile load is an ordinary load (TSO / ldar is cheap); the benchmark in
     * docs/benchmarks.md compares both.
     */
    volatile boolean raised;
    /*
     * The same flag as a plain field, read by the method-entry poll only. A method entry is executed once per call,
     * so hoisting cannot make it miss the flag forever: a loop around the call has its own (volatile) back-edge
     * poll, and a real call clobbers memory, so a recursive or not-inlined callee reloads it. What it saves is the
     * acquire barrier, which keeps C2 from keeping fields in registers across inlined calls. Written before the
     * volatile field, so the volatile store's fence publishes it.
     */
    boolean raisedPlain;

    private final String pluginId;
    private final Object key;

    /**
     * @param pluginId the plugin this signal belongs to
     * @param key the capability that allows {@link #raise} and {@link #lower}
     */
    public Signal(String pluginId, Object key) {
        this.pluginId = Objects.requireNonNull(pluginId, "pluginId");
        this.key = Objects.requireNonNull(key, "key");
    }

    /** @return the plugin's id */
    public String pluginId() {
        return pluginId;
    }

    /** @return whether some thread of the plugin must stop */
    public boolean isRaised() {
        return raised;
    }

    /** @param holder the key given at construction; raises the signal */
    public void raise(Object holder) {
        checkKey(holder);
        raisedPlain = true;
        raised = true;
    }

    /** @param holder the key given at construction; lowers the signal */
    public void lower(Object holder) {
        checkKey(holder);
        raisedPlain = false;
        raised = false;
    }

    private void checkKey(Object holder) {
        if (holder != key) {
            throw new IllegalArgumentException("wrong key for the stop signal of plugin " + pluginId);
        }
    }

    @Override
    public String toString() {
        return "Signal[" + pluginId + (raised ? ", raised]" : "]");
    }
}
