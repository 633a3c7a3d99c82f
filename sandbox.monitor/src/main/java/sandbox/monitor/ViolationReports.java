package sandbox.monitor;

import java.util.List;
import java.util.Locale;
import sandbox.api.PluginInfo;
import sandbox.api.ResourceEvent;
import sandbox.api.ResourceKind;
import sandbox.api.Violation;

/** Turns a rising {@link ResourceEvent} into the {@link Violation} record that recovery acts on. */
final class ViolationReports {
    private ViolationReports() {
    }

    /**
     * @param event a rise to WARNING or ERROR
     * @param plugin the plugin's info, or null when the sandbox service is not there
     * @return the violation; not enforced: the monitor measures, the throttle and the watchdog enforce
     */
    static Violation of(ResourceEvent event, PluginInfo plugin) {
        String version = plugin == null ? "unknown" : plugin.version();
        String target = describe(event.resource(), event.value()) + " of limit " + describe(event.resource(), event.limit())
                + " (" + percent(event.value(), event.limit()) + ")";
        return new Violation(event.resource().violationKind(), event.level().severity(), event.pluginId(), version, null,
                "monitor:" + event.resource().name().toLowerCase(Locale.ROOT), target, false, List.of(), event.time());
    }

    static String describe(ResourceKind kind, long value) {
        return switch (kind) {
            case CPU -> String.format(Locale.ROOT, "%.3f s CPU in the last minute", value / 1e9);
            case ALLOCATION -> Units.bytes(value) + " allocated in the last minute";
            case THREADS -> value + " live threads";
            case OPEN_FILES -> value + " open files";
            case SOCKETS -> value + " open sockets";
            case BANDWIDTH -> Units.bytes(value) + "/s network";
            case FILE_BYTES -> Units.bytes(value) + " written to files in the last minute";
        };
    }

    private static String percent(long value, long limit) {
        return limit == 0 ? "over a zero limit" : String.format(Locale.ROOT, "%.0f %%", 100.0 * value / limit);
    }
}
