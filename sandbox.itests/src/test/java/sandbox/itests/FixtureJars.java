package sandbox.itests;

import java.io.IOException;
import java.io.InputStream;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * What every bundle jar a test writes by hand starts with, and the copying of a fixture's compiled class from the test
 * class path (the probe) into such a jar.
 */
public final class FixtureJars {
    private FixtureJars() {
    }

    /** @return a manifest with the bundle headers every fixture has: manifest version 2, the name, version 1.0.0 */
    public static Manifest bundleManifest(String bsn) {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", bsn);
        a.putValue("Bundle-Version", "1.0.0");
        return m;
    }

    /** Copies the compiled class named {@code className} from the test class path into the jar. */
    public static void addClass(JarOutputStream jar, String className) throws IOException {
        String path = className.replace('.', '/') + ".class";
        try (InputStream in = FixtureJars.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("fixture class " + path + " is not on the test class path (the probe)");
            }
            jar.putNextEntry(new JarEntry(path));
            in.transferTo(jar);
            jar.closeEntry();
        }
    }
}
