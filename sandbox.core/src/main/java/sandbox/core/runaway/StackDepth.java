package sandbox.core.runaway;

import java.util.Locale;

/**
 * The call-depth budget ({@code PluginLimits.maxStackDepth}) as a thread stack size. Counting frames at every
 * method entry would cost a thread-local increment and decrement per call; a bounded stack costs nothing: the
 * execution thread is created with {@link #stackBytes} bytes of stack (HotSpot honours the size given to
 * {@code Thread(ThreadGroup, Runnable, String, long)} on Linux), so deep recursion overflows at the plugin's budget
 * instead of the JVM's default, and the overflow becomes a {@link Budget#STACK_DEPTH} termination (the woven handler
 * guard, or the executor when no plugin handler caught it).
 *
 * <p>Depth is approximate (docs/runaway.md): the stack holds at least {@code maxStackDepth} frames of up to
 * {@value #BYTES_PER_FRAME} bytes (an interpreted woven frame with a few arguments and locals measured 96 to 120
 * bytes on JDK 17, x86-64; a C2-compiled one about 48) above a fixed {@value #RESERVE_BYTES}-byte reserve for the
 * JVM's guard zones, the host's frames below {@code Plugin.execute} and the class loading and weaving a plugin's
 * code triggers. Smaller frames, compiled frames and the unused reserve let the plugin go deeper than the figure.
 */
public final class StackDepth {
    /** Bytes of stack per frame of call-depth budget: a generous interpreted woven frame. */
    public static final long BYTES_PER_FRAME = 128;
    /** Stack kept for the JVM (yellow/red/shadow zones), the host's frames and class loading/weaving. */
    public static final long RESERVE_BYTES = 256 * 1024;
    /** Above this the JVM's default stack size is used (never a thread with gigabytes of stack reserved). */
    private static final long MAX_BYTES = 256L * 1024 * 1024;

    private StackDepth() {
    }

    /**
     * @param maxStackDepth the plugin's call-depth budget (positive)
     * @return the stack size to give the plugin's execution thread, in bytes (0, the JVM default, for huge budgets)
     */
    public static long stackBytes(int maxStackDepth) {
        long bytes = RESERVE_BYTES + Math.max(1, maxStackDepth) * BYTES_PER_FRAME;
        return bytes > MAX_BYTES ? 0 : bytes;
    }

    /** @return the termination message with the figures, e.g. "call depth over the budget of 2,000 frames (...)" */
    static String message(int maxStackDepth) {
        long bytes = stackBytes(maxStackDepth);
        return String.format(Locale.ROOT, "stack overflow in plugin code: call depth over the budget of %,d frames"
                + " (%s)", maxStackDepth, bytes == 0 ? "the JVM's default thread stack"
                : String.format(Locale.ROOT, "a %,d KiB execution stack", bytes / 1024));
    }

    /**
     * The executor caught a {@link StackOverflowError} that no plugin handler turned into a termination (plain deep
     * recursion): condemns the current thread with the plugin's STACK_DEPTH termination, so the run ends with it and
     * the watchdog records the violation, and returns the termination in force.
     *
     * @param thrown what the plugin's call threw
     * @return {@code thrown} itself unless it is a stack overflow
     */
    public static Throwable asTermination(Throwable thrown, String pluginId, int maxStackDepth) {
        if (!(thrown instanceof StackOverflowError)) {
            return thrown;
        }
        return Condemned.condemn(Thread.currentThread(),
                new PluginTerminatedError(Budget.STACK_DEPTH, pluginId, "plugin " + pluginId + ": " + message(maxStackDepth)));
    }
}
