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

    public static void main(String[] args) {
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
