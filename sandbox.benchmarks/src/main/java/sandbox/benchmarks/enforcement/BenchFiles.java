package sandbox.benchmarks.enforcement;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Where the benchmark's bundles are: {@code sandbox.benchmarks/target/bundles}, filled by maven-dependency-plugin
 * at {@code package}; found next to {@code benchmarks.jar} (or named by system property {@value #PROPERTY}).
 */
final class BenchFiles {
    static final String PROPERTY = "sandbox.bench.bundles";

    private BenchFiles() {
    }

    /** @return a jar in the bundles folder by artifactId (the copies carry no version) */
    static Path bundle(String artifactId) {
        Path jar = bundlesDir().resolve(artifactId + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build with `mvn -q install -pl sandbox.benchmarks -am -DskipTests`");
        }
        return jar;
    }

    static Path bundlesDir() {
        String dir = System.getProperty(PROPERTY);
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir).toAbsolutePath().normalize();
        }
        try {
            Path jar = Path.of(BenchFiles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // benchmarks.jar or target/classes: both sit in target/
            return jar.getParent().resolve("bundles");
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the benchmark jar", e);
        }
    }

    /** @return the location string a file is installed under */
    static String location(Path file) {
        return file.toAbsolutePath().normalize().toUri().toString();
    }

    /**
     * Copies a bundle under another symbolic name: the framework refuses two bundles with the same name and
     * version, and the trusted and the plugin copy of the benchmark code must both be installed.
     */
    static Path renamed(Path source, Path target, String symbolicName) throws IOException {
        Files.createDirectories(target.getParent());
        try (JarInputStream in = new JarInputStream(Files.newInputStream(source))) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().put(new Attributes.Name("Bundle-SymbolicName"), symbolicName);
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(target), manifest)) {
                for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                    out.putNextEntry(new JarEntry(e.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        return target;
    }

    /** Deletes a scratch folder the benchmark made. */
    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + root + ": " + e);
        }
    }
}
