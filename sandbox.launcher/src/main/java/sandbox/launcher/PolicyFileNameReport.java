package sandbox.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.launch.Framework;

/**
 * Reports files in etc/ that look like policy files but are not read as policy. FileInstall turns
 * {@code sandbox.policy-<name>.cfg} into factory configuration {@code sandbox.policy~<name>}, which is what the policy
 * reads; {@code sandbox.policy~<name>.cfg} or {@code sandbox.policy.cfg} become plain configurations that nothing
 * reads, silently, so the operator would believe a policy is in force that is not. Each file name is reported once.
 */
final class PolicyFileNameReport implements Runnable {

    private static final long POLL_MILLIS = 1000;
    private static final String PREFIX = "sandbox.policy";
    /** FileInstall's factory split is at the first '-'; the name after it must not be empty. */
    private static final Pattern POLICY_FILE = Pattern.compile("sandbox\\.policy-[^/]+\\.(cfg|config)");
    private static final Pattern CONFIGURATION_FILE = Pattern.compile(".*\\.(cfg|config)");

    private final Framework framework;
    private final Path etc;
    private final PrintStream out;
    private final Set<String> reported = new HashSet<>();

    PolicyFileNameReport(Framework framework, Path etc, PrintStream out) {
        this.framework = framework;
        this.etc = etc;
        this.out = out;
    }

    /** Starts the report on a daemon thread that ends with the framework. */
    static void start(Framework framework, Path etc, PrintStream out) {
        Thread thread = new Thread(new PolicyFileNameReport(framework, etc, out), "sandbox-etc-report");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        try {
            while ((framework.getState() & (Bundle.STARTING | Bundle.ACTIVE)) != 0) {
                scan();
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void scan() {
        for (String name : misnamed(etc)) {
            if (reported.add(name)) {
                out.println("Sandbox: " + etc.resolve(name) + " is not read as a policy: policy files are named "
                        + PREFIX + "-<name>.cfg or " + PREFIX + "-<name>.config (configuration " + PREFIX + "~<name>)");
            }
        }
    }

    /** Configuration files of the folder whose name starts like a policy file's but is not one. */
    static List<String> misnamed(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(PREFIX) && CONFIGURATION_FILE.matcher(n).matches()
                            && !POLICY_FILE.matcher(n).matches())
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            return List.of(); // the folder vanished or is unreadable: look again at the next poll
        }
    }
}
