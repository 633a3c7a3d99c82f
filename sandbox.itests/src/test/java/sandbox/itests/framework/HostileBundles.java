package sandbox.itests.framework;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import sandbox.itests.framework.hostile.Outcome;
import sandbox.itests.FixtureJars;

/**
 * Builds the group-E hostile fixtures as real bundle jars, inside the probe: the classes are the compiled
 * {@code sandbox.itests.framework.hostile} classes of this module, copied into the jar. The manifest is written here
 * because it is the attack: a fixture's headers (imports, fragment host, dynamic imports) are what is under test.
 */
final class HostileBundles {
    private HostileBundles() {
    }

    /**
     * @param target the jar to write
     * @param bsn the bundle's symbolic name
     * @param activator the fixture's activator ({@code null} for a bundle with no code, e.g. a fragment)
     * @param headers more manifest headers (they may replace the defaults, e.g. {@code Import-Package})
     * @return the jar
     */
    static Path write(Path target, String bsn, Class<?> activator, Map<String, String> headers) throws IOException {
        Manifest m = FixtureJars.bundleManifest(bsn);
        Attributes a = m.getMainAttributes();
        if (activator != null) {
            a.putValue("Bundle-Activator", activator.getName());
            a.putValue("Import-Package", "org.osgi.framework");
        }
        headers.forEach(a::putValue);
        try (OutputStream file = Files.newOutputStream(target); JarOutputStream jar = new JarOutputStream(file, m)) {
            if (activator != null) {
                addClassAndNested(jar, Outcome.class);
                addClassAndNested(jar, activator);
            }
        }
        return target;
    }

    private static void addClassAndNested(JarOutputStream jar, Class<?> type) throws IOException {
        FixtureJars.addClass(jar, type.getName());
        for (Class<?> nested : type.getDeclaredClasses()) {
            FixtureJars.addClass(jar, nested.getName());
        }
    }

}
