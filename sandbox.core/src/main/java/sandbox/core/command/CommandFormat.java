package sandbox.core.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import sandbox.api.ExecutionResult;
import sandbox.api.ExecutionTelemetry;
import sandbox.api.PermissionGrant;
import sandbox.api.PluginInfo;
import sandbox.core.plugins.PluginRegistry;

/** Text the {@code sandbox:} commands print: plain tables and key lines for people, no colours, no stack traces. */
final class CommandFormat {
    private static final String[] LIST_HEADER = {"ID", "VERSION", "BUNDLE", "STATE", "LEVEL", "NOT GRANTED"};

    private CommandFormat() {
    }

    /**
     * @return the plugins as a table, or a sentence when there are none; NOT GRANTED lists the requests no grant
     *         covers, as the registry's install-time report does
     */
    static String pluginTable(List<PluginInfo> plugins) {
        if (plugins.isEmpty()) {
            return "No plugins installed.";
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(LIST_HEADER);
        for (PluginInfo p : plugins) {
            List<String> missing = PluginRegistry.notGranted(p.requested(), p.granted()).grants().stream().map(PermissionGrant::toString).toList();
            rows.add(new String[] {p.id(), p.version(), String.valueOf(p.bundleId()), p.state().name(),
                    p.config().level().name(), missing.isEmpty() ? "-" : String.join(" ", missing)});
        }
        return table(rows);
    }

    /** @return the plugins' problems, one line each, for plugins that are not READY */
    static String problems(Map<String, String> problemById) {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(problemById).forEach((id, problem) -> out.append("  ").append(id).append(": ").append(problem).append('\n'));
        return out.toString();
    }

    /** @return the outcome of an execution: status, value, error and telemetry */
    static String result(ExecutionResult r) {
        StringBuilder out = new StringBuilder();
        out.append(r.pluginId()).append(": ").append(r.status()).append('\n');
        new TreeMap<>(r.value()).forEach((k, v) -> out.append("  ").append(k).append(" = ").append(v).append('\n'));
        if (r.error() != null) {
            out.append("  error: ").append(r.error()).append('\n');
        }
        out.append("  ").append(telemetry(r.telemetry()));
        return out.toString();
    }

    /** @return e.g. {@code wall 12.3 ms, CPU 4.0 ms, allocated 1.2 MB, peak threads 1} */
    static String telemetry(ExecutionTelemetry t) {
        return "wall " + millis(t.wallNanos()) + ", CPU " + millis(t.cpuNanos()) + ", allocated "
                + bytes(t.allocatedBytes()) + ", peak threads " + t.peakThreads();
    }

    static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    /** @return bytes in B below 1 KB, KB below 1 MB, else MB (binary units) */
    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    /** @return rows as left-aligned columns two spaces apart, the first row being the header */
    static String table(List<String[]> rows) {
        int columns = rows.get(0).length;
        int[] width = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                line.append(c == columns - 1 ? row[c] : pad(row[c], width[c] + 2));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }
}
