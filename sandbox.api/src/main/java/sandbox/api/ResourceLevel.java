package sandbox.api;

/**
 * Where a plugin's use of a resource stands against its thresholds (the event types of OSGi Compendium
 * chapter 144: NORMAL, WARNING, ERROR).
 */
public enum ResourceLevel {
    /** Below the warning threshold. */
    NORMAL,
    /** At or above the warning threshold (by default 80 % of the limit), below the limit. */
    WARNING,
    /** At or above the limit. */
    ERROR;

    /** @return the violation severity of a crossing into this level; {@code null} for {@link #NORMAL} */
    public ViolationSeverity severity() {
        return switch (this) {
            case NORMAL -> null;
            case WARNING -> ViolationSeverity.WARNING;
            case ERROR -> ViolationSeverity.ERROR;
        };
    }
}
