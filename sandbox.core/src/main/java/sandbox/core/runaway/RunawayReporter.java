package sandbox.core.runaway;

import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import sandbox.api.Violation;
import sandbox.api.ViolationKind;
import sandbox.api.ViolationSeverity;

/** Turns terminations and stop residue into {@link Violation}s and log lines. */
public final class RunawayReporter {
    private static final System.Logger LOG = System.getLogger(RunawayReporter.class.getName());

    private final Consumer<Violation> sink;
    private final Function<String, String> versionOf;

    /**
     * @param sink where violations go (the ViolationService, when there is one)
     * @param versionOf a plugin's bundle version by plugin id
     */
    public RunawayReporter(Consumer<Violation> sink, Function<String, String> versionOf) {
        this.sink = sink;
        this.versionOf = versionOf;
    }

    void enforced(PluginTerminatedError error) {
        violation(error, true);
    }

    void measured(PluginTerminatedError error) {
        violation(error, false);
    }

    private void violation(PluginTerminatedError error, boolean enforced) {
        ViolationKind kind = error.budget().violation();
        LOG.log(Level.WARNING, error.getMessage() + (enforced ? " (stopped)" : " (recorded, level MINIMAL)"));
        if (kind != null) {
            sink.accept(new Violation(kind, ViolationSeverity.ERROR, error.pluginId(), versionOf.apply(error.pluginId()),
                    null, error.budget().name().toLowerCase(java.util.Locale.ROOT), error.getMessage(), enforced,
                    List.of(), Instant.now()));
        }
    }

    /** A thread of a stopped plugin outlived the wait: a violation and a log line with its name and stack. */
    void residue(String pluginId, Thread thread) {
        List<String> frames = new ArrayList<>();
        for (StackTraceElement e : thread.getStackTrace()) {
            frames.add(e.toString());
        }
        LOG.log(Level.ERROR, "plugin " + pluginId + " still owns thread '" + thread.getName() + "' after stop, state "
                + thread.getState() + ", at\n\t" + String.join("\n\t", frames));
        sink.accept(new Violation(ViolationKind.THREADS, ViolationSeverity.ERROR, pluginId, versionOf.apply(pluginId), null,
                "stop", "thread '" + thread.getName() + "' survived the stop", false, frames, Instant.now()));
    }
}
