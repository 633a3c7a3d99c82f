package sandbox.monitor;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import sandbox.api.ResourceKind;
import sandbox.api.ResourceLevel;
import sandbox.api.ResourceMonitor;
import sandbox.api.ResourceUsage;
import sandbox.api.SystemUsage;

/** Gogo commands {@code sandbox:usage [plugin]} and {@code sandbox:system}. */
@Component(service = MonitorCommands.class, property = {
        "osgi.command.scope=sandbox",
        "osgi.command.function=usage",
        "osgi.command.function=system"})
public class MonitorCommands {

    @Reference
    ResourceMonitor monitor;

    /** @return a table of every plugin's usage, sampled now */
    public String usage() {
        List<ResourceUsage> all = monitor.sampleNow();
        if (all.isEmpty()) {
            return "no plugin has owned a thread or done I/O yet";
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-28s %12s %12s %7s %5s %10s %10s %10s %10s %6s %6s%n",
                "plugin", "cpu", "allocated", "threads", "peak", "file-in", "file-out", "net-in", "net-out", "files", "socks"));
        for (ResourceUsage u : all) {
            out.append(String.format(Locale.ROOT, "%-28s %12s %12s %7d %5d %10s %10s %10s %10s %6d %6d%n", u.pluginId(),
                    Units.millis(u.cpuNanos()), Units.bytes(u.allocatedBytes()), u.liveThreads(), u.peakThreads(),
                    Units.bytes(u.io().fileBytesRead()), Units.bytes(u.io().fileBytesWritten()),
                    Units.bytes(u.io().netBytesIn()), Units.bytes(u.io().netBytesOut()), u.io().openFiles(), u.io().openSockets()));
        }
        return out.toString();
    }

    /**
     * @param pluginId a plugin's id
     * @return the plugin's usage in detail, with its levels, sampled now
     */
    public String usage(String pluginId) {
        monitor.sampleNow();
        Optional<ResourceUsage> found = monitor.usage(pluginId);
        if (found.isEmpty()) {
            return "no usage for '" + pluginId + "': it has not owned a thread or done I/O (sandbox:usage lists those that have)";
        }
        ResourceUsage u = found.get();
        StringBuilder out = new StringBuilder(u.pluginId()).append(" at ").append(u.sampledAt()).append('\n');
        line(out, "cpu", Units.millis(u.cpuNanos()), Units.millis(u.cpuNanosLastMinute()));
        line(out, "allocated", Units.bytes(u.allocatedBytes()), Units.bytes(u.allocatedBytesLastMinute()));
        line(out, "threads", u.liveThreads() + " live, peak " + u.peakThreads(), "");
        line(out, "file read", Units.bytes(u.io().fileBytesRead()) + " (" + u.io().fileOpens() + " opens)", "");
        line(out, "file written", Units.bytes(u.io().fileBytesWritten()), Units.bytes(u.fileBytesWrittenLastMinute()));
        line(out, "open files", Long.toString(u.io().openFiles()), "");
        line(out, "network in/out", Units.bytes(u.io().netBytesIn()) + " / " + Units.bytes(u.io().netBytesOut()),
                Units.bytes(u.netBytesLastMinute()));
        line(out, "sockets", u.io().openSockets() + " open, " + u.io().connections() + " connections", "");
        Map<ResourceKind, ResourceLevel> levels = monitor.levels(pluginId);
        out.append(String.format(Locale.ROOT, "%-16s %s%n", "levels", levels.isEmpty() ? "(no limits known)" : levels));
        return out.toString();
    }

    /** @return process and system figures from OSHI */
    public String system() {
        Optional<SystemUsage> figures = monitor.system();
        if (figures.isEmpty()) {
            String why = monitor instanceof ResourceMonitorImpl impl ? impl.systemUnavailable() : null;
            return "no system figures yet" + (why == null ? "" : ": " + why);
        }
        SystemUsage s = figures.get();
        return String.format(Locale.ROOT,
                "process: rss %s, cpu %s, %d open files, %d threads%nsystem:  cpu %s, memory %s available of %s, %d logical processors%nread at %s%n",
                Units.bytes(s.processResidentBytes()), load(s.processCpuLoad()), s.processOpenFiles(), s.processThreads(),
                load(s.systemCpuLoad()), Units.bytes(s.systemMemoryAvailable()), Units.bytes(s.systemMemoryTotal()),
                s.logicalProcessors(), s.sampledAt());
    }

    private static String load(double fraction) {
        return fraction < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f %%", fraction * 100);
    }

    private static void line(StringBuilder out, String name, String total, String lastMinute) {
        out.append(String.format(Locale.ROOT, "%-16s %-32s %s%n", name, total, lastMinute.isEmpty() ? "" : "last minute " + lastMinute));
    }
}
