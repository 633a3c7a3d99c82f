package sandbox.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Makes plugin jars for tests from the reactor's real example bundles: a copy under a new name, a copy with
 * manifest headers changed, or a broken file. Done with java.util.jar so that no bundle-building library is needed.
 */
public final class PluginJars {

    private PluginJars() {
    }

    /**
     * Copies a jar, replacing or adding main manifest headers (a {@code null} value removes the header).
     *
     * @param source an existing bundle, e.g. {@code ReactorBundles.jar("example.hello")}
     * @param target where to write the new bundle
     * @param headers the headers to change
     * @return {@code target}
     */
    public static Path withHeaders(Path source, Path target, Map<String, String> headers) throws IOException {
        Files.createDirectories(target.getParent());
        try (JarInputStream in = new JarInputStream(Files.newInputStream(source))) {
            Manifest manifest = new Manifest(in.getManifest());
            Attributes main = manifest.getMainAttributes();
            headers.forEach((name, value) -> {
                if (value == null) {
                    main.remove(new Attributes.Name(name));
                } else {
                    main.putValue(name, value);
                }
            });
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(target), manifest)) {
                for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        return target;
    }

    /** Writes bytes that end in ".jar" but are no zip at all. */
    public static Path notAZip(Path target) throws IOException {
        Files.createDirectories(target.getParent());
        return Files.write(target, "this is not a jar\n".getBytes(StandardCharsets.UTF_8));
    }
}
