package sandbox.core.runaway;

import java.time.Duration;
import java.util.Locale;

/** Budget figures in the words of an error message: "CPU time 2.031 s over the budget of 2 s". */
final class Figures {
    private Figures() {
    }

    static String over(String what, String used, String budget) {
        return what + " " + used + " over the budget of " + budget;
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f s", nanos / 1e9);
    }

    static String seconds(Duration d) {
        return seconds(d.toNanos());
    }

    static String bytes(long bytes) {
        return String.format(Locale.ROOT, "%,d bytes", bytes);
    }
}
