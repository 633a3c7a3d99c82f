package sandbox.launcher;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * {@code sandbox [--state DIR] [--deploy DIR] [--no-shell] [--help]}: starts the Sandbox container.
 * Exit codes: 0 stopped cleanly, 1 could not start, 2 bad command line.
 */
public final class Main {

    private Main() {
    }

    /** JUL's format property; the JVM reads it once, when the first logger is used. */
    static final String LOG_FORMAT = "java.util.logging.SimpleFormatter.format";

    public static void main(String[] args) {
        // One line per record, "SEVERE sandbox.core.config: <message>", instead of JUL's two lines with a
        // date and a lambda method name: the Sandbox bundles log through System.Logger, i.e. JUL, to the console.
        if (System.getProperty(LOG_FORMAT) == null) {
            System.setProperty(LOG_FORMAT, "%4$s %3$s: %5$s%6$s%n");
        }
        StopOnSignal signals = StopOnSignal.install(System.out);
        System.exit(run(args, System.getenv(), System.out, System.err, signals));
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err, StopOnSignal signals) {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(Arrays.asList(args), env, Path.of("").toAbsolutePath());
        } catch (UsageException e) {
            err.println("sandbox: " + e.getMessage());
            err.println("Try 'sandbox --help'.");
            return 2;
        }
        if (options.help()) {
            out.print(LaunchOptions.USAGE);
            return 0;
        }
        try {
            Distribution distribution = Distribution.locate();
            StateFolder state = StateFolder.prepare(options, distribution);
            return new Container(options, distribution, state, out, signals).run();
        } catch (LaunchException e) {
            err.println("sandbox: " + e.getMessage());
            return 1;
        }
    }
}
