package sandbox.core.sink;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import sandbox.core.policy.PathCanonicalizer;

/**
 * Reads the JDK does for whoever calls it, allowed at the sink without asking the plugin's policy: the JDK's own
 * files under {@code java.home} (time zones, locale and charset data, security and logging configuration, fonts),
 * the entropy devices ({@code SecureRandom}), and the application class path (the system class loader opening its
 * jars while a plugin looks up a service or a resource). They hold nothing a plugin could not learn from the JDK's
 * public API, and refusing them would break plugins at their first {@code Logger} or {@code ZoneId}. Only reads:
 * writing there is asked like any other write. Paths are canonical, so {@code java.home/../../etc/passwd} or a link
 * into java.home does not pass for a JDK file.
 */
final class HostReads {
    private final List<Path> folders = new ArrayList<>();
    private final List<Path> files = new ArrayList<>();

    /** @return the rule for this JVM: its java.home and java.class.path */
    static HostReads ofThisJvm() {
        HostReads r = new HostReads();
        r.folders.add(PathCanonicalizer.canonical(Path.of(System.getProperty("java.home"))));
        r.files.add(Path.of("/dev/random"));
        r.files.add(Path.of("/dev/urandom"));
        String cp = System.getProperty("java.class.path", "");
        for (String entry : cp.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                Path p = PathCanonicalizer.canonical(Path.of(entry));
                (entry.endsWith(".jar") ? r.files : r.folders).add(p);
            }
        }
        return r;
    }

    /** @return true when reading {@code absolute} is the JDK's business, not the plugin's */
    boolean allows(String absolute) {
        Path p = PathCanonicalizer.canonical(Path.of(absolute));
        for (Path f : files) {
            if (p.equals(f)) {
                return true;
            }
        }
        for (Path d : folders) {
            if (p.startsWith(d)) {
                return true;
            }
        }
        return false;
    }
}
