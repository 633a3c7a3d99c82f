package sandbox.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How strictly a plugin is confined. Levels are ordered: each one includes the restrictions of the one before.
 */
public enum IsolationLevel {
    /** Audit only: every sensitive call is recorded, nothing is denied, limits are measured but not enforced. */
    MINIMAL,
    /** Default deny for exit, exec, native code, class definition and JDK reflection; files and hosts only when granted. */
    STANDARD,
    /** {@link #STANDARD} plus a small thread quota, no reflection, network per host:port only, quarantine on first violation. */
    STRICT,
    /** The plugin runs in a child JVM of its own with a hard heap limit; until that lands it is enforced as {@link #STRICT}. */
    MAXIMUM;

    /**
     * Parses a level name, ignoring case and surrounding blanks.
     *
     * @param text the level's name, for example {@code "strict"}
     * @return the level
     * @throws IllegalArgumentException naming the bad value and the accepted ones
     */
    public static IsolationLevel parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("isolation level is missing; expected one of " + names());
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown isolation level '" + text + "'; expected one of " + names(), e);
        }
    }

    /** @return true when this level denies at least what {@code other} denies */
    public boolean atLeast(IsolationLevel other) {
        return compareTo(other) >= 0;
    }

    private static String names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
