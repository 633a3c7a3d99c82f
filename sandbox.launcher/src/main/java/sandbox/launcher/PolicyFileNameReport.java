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

import org.osgi.framework.launch.Framework;

/**
 * Reports files in etc/ that look like policy files but are not read as policy. FileInstall turns
 * {@code sandbox.policy-<name>.cfg} into factory configuration {@code sandbox.policy~<name>}, which is what the policy
 * reads; {@code sandbox.policy~<name>.cfg} or {@code sandbox.policy.cfg} become plain configurations that nothing
 * reads, silently, so the operator would believe a policy is in force that is not. Each file name is reported once.
 */
final class PolicyFileNameReport extends FolderReport {

    private static final String PREFIX = "sandbox.policy";
    /** FileInstall's factory split is at the first '-'; the name after it must not be empty. */
    private static final Pattern POLICY_FILE = Pattern.compile("sandbox\\.policy-[^/]+\\.(cfg|config)");
    private static final Pattern CONFIGURATION_FILE = Pattern.compile(".*\\.(cfg|config)");

    private final Path etc;
    private final PrintStream out;
    private final Set<String> reported = new HashSet<>();

    PolicyFileNameReport(Framework framework, Path etc, PrintStream out) {
        super(framework);
        this.etc = etc;
        this.out = out;
    }

    /** Starts the report on a daemon thread that ends with the framework. */
    static void start(Framework framework, Path etc, PrintStream out) {
        new PolicyFileNameReport(framework, etc, out).start("sandbox-etc-report");
    }

    @Override
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
