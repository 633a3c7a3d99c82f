package sandbox.launcher;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The unpacked distribution the launcher runs from:
 * {@code lib/} (framework + launcher), {@code bundles/} (infrastructure and Sandbox bundles, trusted),
 * {@code bundles/shell/} (the interactive shell, installed only on a terminal), {@code deploy/}
 * (example plugins copied into a new state folder) and {@code etc/} (example operator files, likewise).
 *
 * @param home the distribution folder, absolute and real (symbolic links resolved)
 */
record Distribution(Path home) {

    /** System property that names the distribution folder; set by bin/sandbox, else derived from the launcher jar. */
    static final String HOME_PROPERTY = "sandbox.home";

    private static final String REFERENCE = "reference:";

    static Distribution locate() throws LaunchException {
        String property = System.getProperty(HOME_PROPERTY);
        Path home = property != null && !property.isBlank() ? Path.of(property) : homeOfLauncherJar();
        Distribution distribution;
        try {
            distribution = new Distribution(home.toRealPath());
        } catch (IOException e) {
            throw new LaunchException("distribution folder " + home + " does not exist", e);
        }
        if (!Files.isDirectory(distribution.bundles())) {
            throw new LaunchException("no bundles folder in the distribution: " + distribution.bundles()
                    + " (set -D" + HOME_PROPERTY + "=<distribution folder>)");
        }
        return distribution;
    }

    /** lib/sandbox.launcher.jar lives one folder below the distribution home. */
    private static Path homeOfLauncherJar() throws LaunchException {
        CodeSource source = Distribution.class.getProtectionDomain().getCodeSource();
        try {
            Path jar = Path.of(source.getLocation().toURI());
            if (Files.isRegularFile(jar) && jar.getParent() != null && jar.getParent().getParent() != null) {
                return jar.getParent().getParent();
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall through to the message below
        }
        throw new LaunchException("cannot tell where the distribution is: the launcher does not run from"
                + " <home>/lib/*.jar; set -D" + HOME_PROPERTY + "=<distribution folder>");
    }

    /** Infrastructure and Sandbox bundles: everything installed from here is trusted. */
    Path bundles() {
        return home.resolve("bundles");
    }

    /** Gogo jline shell and jline: installed only for an interactive session. */
    Path shellBundles() {
        return bundles().resolve("shell");
    }

    /** Example plugins shipped with the distribution. */
    Path deploy() {
        return home.resolve("deploy");
    }

    /** Example operator files (policy), copied into a new state folder's etc/. */
    Path etc() {
        return home.resolve("etc");
    }

    /**
     * Location prefix of the bundles the launcher installs, the value of framework property
     * {@code sandbox.trusted.locations}. Ends with '/' so a sibling folder such as {@code bundles-x/}
     * cannot match.
     */
    String trustedLocationPrefix() {
        String uri = REFERENCE + bundles().toUri();
        return uri.endsWith("/") ? uri : uri + "/";
    }

    /**
     * The bundle location the launcher uses for a jar: same form as {@link #trustedLocationPrefix()}.
     * {@code reference:} makes Felix use the jar where it is instead of copying it into the framework
     * cache, which is cleaned at every start (no copy of every jar, about 7 MB, at each start).
     */
    static String location(Path jar) {
        return REFERENCE + jar.toUri();
    }

    /** The jars directly in a folder, sorted by file name; an absent folder has none. */
    static List<Path> jarsIn(Path folder) throws LaunchException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new LaunchException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }
}
