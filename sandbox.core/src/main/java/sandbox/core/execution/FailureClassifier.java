package sandbox.core.execution;

import sandbox.api.ExecutionStatus;
import sandbox.core.runaway.PluginTerminatedError;

/**
 * Maps what a plugin threw to an execution status, and describes it for the result.
 *
 * <p>A {@link SecurityException} anywhere in the cause chain is a denial: the guard's denial exception is one,
 * and a plugin that catches it and rethrows it wrapped was still denied. Everything else is a failure. When the
 * runaway-containment work adds a termination error, it is classified here too.
 */
final class FailureClassifier {
    private static final int MAX_CAUSES = 32;

    private FailureClassifier() {
    }

    /** @return DENIED when a SecurityException is in the cause chain, otherwise FAILED */
    static ExecutionStatus statusOf(Throwable thrown) {
        if (thrown instanceof PluginTerminatedError terminated) {
            return terminated.budget().status(); // runaway containment: the budget that ended the execution
        }
        return denial(thrown) != null ? ExecutionStatus.DENIED : ExecutionStatus.FAILED;
    }

    /**
     * Describes a throwable as "class: message"; for a denial, the SecurityException's own description.
     * Must run on the plugin's thread: {@code getMessage} may be plugin code, and it may hang or throw.
     */
    static String describe(Throwable thrown) {
        Throwable denial = denial(thrown);
        Throwable shown = denial != null ? denial : thrown;
        String message;
        try {
            message = shown.getMessage();
        } catch (Throwable broken) {
            message = "<getMessage threw " + broken.getClass().getName() + ">";
        }
        return shown.getClass().getName() + (message == null ? "" : ": " + message);
    }

    private static Throwable denial(Throwable thrown) {
        Throwable t = thrown;
        for (int i = 0; t != null && i < MAX_CAUSES; i++) {
            if (t instanceof SecurityException) {
                return t;
            }
            Throwable cause;
            try {
                cause = t.getCause();
            } catch (Throwable broken) {
                return null;
            }
            if (cause == t) {
                return null;
            }
            t = cause;
        }
        return null;
    }
}
