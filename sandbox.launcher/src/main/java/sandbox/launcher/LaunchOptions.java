package sandbox.launcher;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What the command line and the environment ask for.
 *
 * @param state  the state folder (framework cache, plugin data, default deploy folder), absolute
 * @param deploy the folder FileInstall watches, absolute; {@code null} means {@code <state>/deploy}
 * @param noShell {@code --no-shell}: never start the interactive shell, even on a terminal
 * @param help   {@code --help}: print the usage and exit
 */
record LaunchOptions(Path state, Path deploy, boolean noShell, boolean help) {

    /** Environment variable that chooses the state folder when {@code --state} is not given. */
    static final String STATE_ENV = "SANDBOX_STATE";
    /** State folder used when neither {@code --state} nor {@code SANDBOX_STATE} is given (relative to the working directory). */
    static final String DEFAULT_STATE = "sandbox-state";

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: sandbox [--state DIR] [--deploy DIR] [--no-shell] [--help]",
            "",
            "Starts the Sandbox plugin container (Apache Felix). Plugin jars in the deploy folder are",
            "installed and started; removing a jar uninstalls its plugin.",
            "",
            "  --state DIR   state folder: framework cache, plugin data, deploy folder, etc/ (policy",
            "                files, *.cfg / *.config) (default: $" + STATE_ENV + ", else ./" + DEFAULT_STATE + ")",
            "  --deploy DIR  folder watched for plugin jars (default: <state>/deploy, filled with the",
            "                distribution's example plugins when it is first created)",
            "  --no-shell    no interactive Gogo shell even on a terminal; stop with SIGTERM or Ctrl-C",
            "  --help        this text",
            "",
            "Without a terminal (service, CI, stdin closed) the shell is off and the container runs",
            "until SIGTERM/SIGINT, then stops the framework and exits 0.",
            "");

    /**
     * Reads the arguments; {@code --opt VALUE} and {@code --opt=VALUE} are both accepted.
     *
     * @param workingDir relative folders are resolved against it
     * @throws UsageException for an unknown option, a missing value or a stray argument
     */
    static LaunchOptions parse(List<String> args, Map<String, String> env, Path workingDir) throws UsageException {
        String state = null;
        String deploy = null;
        boolean noShell = false;
        boolean help = false;
        for (Iterator<String> it = args.iterator(); it.hasNext();) {
            String arg = it.next();
            String name = arg;
            String inlineValue = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                inlineValue = arg.substring(eq + 1);
            }
            switch (name) {
                case "--state" -> state = value(name, inlineValue, it);
                case "--deploy" -> deploy = value(name, inlineValue, it);
                case "--no-shell" -> noShell = flag(name, inlineValue);
                case "--help", "-h" -> help = flag(name, inlineValue);
                default -> throw new UsageException(arg.startsWith("-")
                        ? "unknown option '" + arg + "'"
                        : "unexpected argument '" + arg + "' (options only, see --help)");
            }
        }
        if (state == null) {
            String fromEnv = env.get(STATE_ENV);
            state = fromEnv == null || fromEnv.isBlank() ? DEFAULT_STATE : fromEnv;
        }
        return new LaunchOptions(folder("--state", state, workingDir),
                deploy == null ? null : folder("--deploy", deploy, workingDir), noShell, help);
    }

    /** The folder FileInstall watches. */
    Path deployFolder() {
        return deploy != null ? deploy : state.resolve("deploy");
    }

    private static String value(String name, String inlineValue, Iterator<String> it) throws UsageException {
        String value = inlineValue;
        if (value == null) {
            if (!it.hasNext()) {
                throw new UsageException(name + " needs a folder, e.g. " + name + " /var/lib/sandbox");
            }
            value = it.next();
        }
        if (value.isBlank() || value.startsWith("--")) {
            throw new UsageException(name + " needs a folder, got '" + value + "'");
        }
        return value;
    }

    private static boolean flag(String name, String inlineValue) throws UsageException {
        if (inlineValue != null) {
            throw new UsageException(name + " takes no value");
        }
        return true;
    }

    private static Path folder(String option, String value, Path workingDir) throws UsageException {
        try {
            return workingDir.resolve(value).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new UsageException(option + ": not a valid path '" + value + "': " + e.getReason());
        }
    }
}
