package sandbox.core.config;

import java.lang.reflect.Array;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sandbox.api.IsolationConfig;
import sandbox.api.IsolationLevel;
import sandbox.api.PermissionGrant;
import sandbox.api.PluginLimits;
import sandbox.api.PluginPermissions;

/**
 * Field names of {@link PolicyConfig} and their conversion from raw configuration values. Every error message names
 * the field (and for grants the entry), because an operator fixing a .cfg file needs nothing else.
 */
final class PolicyFields {
    static final String MATCH = "match";
    static final String LEVEL = "level";
    static final String GRANTS = "grants";
    static final String REAL_TIME = "realTimeMonitoring";
    static final String CHECK_INTERVAL = "checkIntervalMs";

    /** Limit fields, in the order of {@link PluginLimits}. */
    static final List<String> LIMITS = List.of("executionTimeMs", "cpuTimeMs", "allocatedBytes", "maxThreads",
            "maxStackDepth", "maxOpenFiles", "maxOpenSockets", "networkBytesPerSecond", "fileBytesWritten");

    /** Properties Configuration Admin, FileInstall or DS add; never an operator's typo. */
    private static final List<String> FRAMEWORK_PREFIXES = List.of("service.", "felix.", "component.", ".");

    private PolicyFields() {
    }

    static PluginPolicy policy(Map<String, ?> p) {
        rejectUnknown(p);
        IsolationLevel level = p.get(LEVEL) == null ? IsolationLevel.STANDARD : level(string(p.get(LEVEL)));
        PluginLimits limits = limits(p);
        boolean realTime = p.get(REAL_TIME) == null || bool(REAL_TIME, p.get(REAL_TIME));
        long interval = p.get(CHECK_INTERVAL) == null ? 10 : number(CHECK_INTERVAL, p.get(CHECK_INTERVAL));
        if (interval < 1 || interval > 60_000) {
            throw new IllegalArgumentException("field '" + CHECK_INTERVAL + "' must be 1 .. 60000 ms, was " + interval);
        }
        IsolationConfig config = new IsolationConfig(level, limits, realTime, Duration.ofMillis(interval));
        return new PluginPolicy(config, grants(p.get(GRANTS)));
    }

    private static IsolationLevel level(String text) {
        try {
            return IsolationLevel.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field '" + LEVEL + "': " + e.getMessage(), e);
        }
    }

    private static PluginLimits limits(Map<String, ?> p) {
        PluginLimits.Builder b = PluginLimits.builder();
        for (String field : LIMITS) {
            Object raw = p.get(field);
            if (raw == null) {
                continue;
            }
            long v = number(field, raw);
            if (v < 0) {
                throw new IllegalArgumentException("field '" + field + "' must not be negative, was " + v);
            }
            switch (field) {
                case "executionTimeMs" -> b.executionTime(Duration.ofMillis(v));
                case "cpuTimeMs" -> b.cpuTime(Duration.ofMillis(v));
                case "allocatedBytes" -> b.allocatedBytes(v);
                case "maxThreads" -> b.maxThreads(intField(field, v));
                case "maxStackDepth" -> b.maxStackDepth(intField(field, v));
                case "maxOpenFiles" -> b.maxOpenFiles(intField(field, v));
                case "maxOpenSockets" -> b.maxOpenSockets(intField(field, v));
                case "networkBytesPerSecond" -> b.networkBytesPerSecond(v);
                case "fileBytesWritten" -> b.fileBytesWritten(v);
                default -> throw new IllegalStateException("limit field without a setter: " + field);
            }
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("limits: " + e.getMessage(), e);
        }
    }

    /** Each value is one or more clauses in Sandbox-Permissions syntax; a bad one is named by its position. */
    static PluginPermissions grants(Object raw) {
        List<PermissionGrant> all = new ArrayList<>();
        List<String> entries = strings(raw);
        for (int i = 0; i < entries.size(); i++) {
            try {
                all.addAll(PluginPermissions.parse(entries.get(i)).grants());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("field '" + GRANTS + "' entry " + (i + 1) + " '" + entries.get(i).strip()
                        + "': " + e.getMessage(), e);
            }
        }
        return new PluginPermissions(all);
    }

    private static void rejectUnknown(Map<String, ?> p) {
        Set<String> known = new java.util.HashSet<>(LIMITS);
        known.addAll(List.of(MATCH, LEVEL, GRANTS, REAL_TIME, CHECK_INTERVAL));
        for (String key : p.keySet()) {
            if (!known.contains(key) && FRAMEWORK_PREFIXES.stream().noneMatch(key::startsWith)) {
                throw new IllegalArgumentException("unknown field '" + key + "'; known fields are " + new java.util.TreeSet<>(known));
            }
        }
    }

    static String string(Object raw) {
        if (raw == null) {
            return null;
        }
        List<String> values = strings(raw);
        if (values.size() != 1) {
            throw new IllegalArgumentException("must be one value, was " + values);
        }
        return values.get(0);
    }

    private static List<String> strings(Object raw) {
        List<String> out = new ArrayList<>();
        if (raw == null) {
            return out;
        }
        if (raw instanceof Collection<?> c) {
            c.forEach(v -> out.add(String.valueOf(v)));
        } else if (raw.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(raw); i++) {
                out.add(String.valueOf(Array.get(raw, i)));
            }
        } else {
            out.add(String.valueOf(raw));
        }
        out.removeIf(String::isBlank);
        return out;
    }

    private static long number(String field, Object raw) {
        if (raw instanceof Number n && !(raw instanceof Double) && !(raw instanceof Float)) {
            return n.longValue();
        }
        String text = string(raw);
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("field '" + field + "' must be a whole number, was '" + text + "'");
        }
    }

    private static int intField(String field, long v) {
        if (v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("field '" + field + "' is too large: " + v);
        }
        return (int) v;
    }

    private static boolean bool(String field, Object raw) {
        if (raw instanceof Boolean b) {
            return b;
        }
        String text = String.valueOf(string(raw)).strip();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new IllegalArgumentException("field '" + field + "' must be true or false, was '" + text + "'");
    }
}
