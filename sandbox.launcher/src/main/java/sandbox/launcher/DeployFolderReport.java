package sandbox.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;

/**
 * Reports jars in the deploy folder that can never become a plugin: not a zip, no manifest, no
 * {@code Bundle-SymbolicName}. FileInstall skips such files without a word (it retries them at every
 * poll, silently); a bundle it fails to install or start it reports itself. A file is judged only once
 * its size and time stamp held still for one poll (a copy in progress is not "malformed"), and each
 * version of a file is reported once.
 */
final class DeployFolderReport extends FolderReport {


    private final Path deploy;
    private final PrintStream out;
    private final Map<Path, String> lastSeen = new HashMap<>();
    private final Set<String> reported = new HashSet<>();

    DeployFolderReport(Framework framework, Path deploy, PrintStream out) {
        super(framework);
        this.deploy = deploy;
        this.out = out;
    }

    /** Starts the report on a daemon thread that ends with the framework. */
    static void start(Framework framework, Path deploy, PrintStream out) {
        new DeployFolderReport(framework, deploy, out).start("sandbox-deploy-report");
    }

    @Override
    void scan() {
        Map<Path, String> now = new HashMap<>();
        try {
            for (Path jar : Distribution.jarsIn(deploy)) {
                String version = Files.size(jar) + "@" + Files.getLastModifiedTime(jar).toMillis();
                now.put(jar, version);
                String key = jar + "#" + version;
                if (version.equals(lastSeen.get(jar)) && !reported.contains(key)) {
                    Optional<String> problem = problem(jar);
                    if (problem.isPresent()) {
                        reported.add(key);
                        out.println("Sandbox: " + jar + " is not a plugin bundle and was not installed: " + problem.get());
                    }
                }
            }
        } catch (LaunchException | IOException e) {
            // the folder or a file vanished between listing and reading: look again at the next poll
        }
        lastSeen.clear();
        lastSeen.putAll(now);
    }

    /** Why the jar cannot be installed as a bundle, if it cannot. */
    static Optional<String> problem(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            if (manifest == null) {
                return Optional.of("no META-INF/MANIFEST.MF");
            }
            if (manifest.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME) == null) {
                return Optional.of("no " + Constants.BUNDLE_SYMBOLICNAME + " header (a plain jar, not an OSGi bundle)");
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of("not a readable jar (" + e.getMessage() + ")");
        }
    }
}
