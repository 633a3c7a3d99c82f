package sandbox.itests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Where the bundles under test live on disk. Failsafe passes the folders as system properties (see the pom);
 * the native container runs in the test JVM, so the same properties are visible inside the probe.
 */
public final class ReactorBundles {

    /** Infrastructure bundles built in this reactor; installed trusted. */
    public static final String[] INFRASTRUCTURE =
            {"sandbox.api", "sandbox.core", "sandbox.monitor", "sandbox.recovery", "sandbox.telemetry"};

    /** Example plugin bundles built in this reactor; installed as (untrusted) plugins. */
    public static final String[] EXAMPLE_PLUGINS = {"example.hello", "example.failing", "example.sleepy"};

    private ReactorBundles() {
    }

    /** @return the built jar of a reactor module, e.g. {@code example.hello/target/example.hello-0.1.0-SNAPSHOT.jar} */
    public static Path jar(String module) {
        Path jar = reactor().resolve(module).resolve("target").resolve(module + "-" + property("sandbox.itest.version") + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("reactor bundle " + jar + " is missing: build it first (mvn verify builds the reactor)");
        }
        return jar;
    }

    /** @return the folder holding the container's third-party bundles, copied there by maven-dependency-plugin */
    public static Path containerDir() {
        return Paths.get(property("sandbox.itest.container")).toAbsolutePath().normalize();
    }

    /** @return a third-party container bundle by artifactId (file names carry no version) */
    public static Path containerBundle(String artifactId) {
        Path jar = containerDir().resolve(artifactId + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("container bundle " + jar + " is missing: run through `mvn verify` (pre-integration-test copies it)");
        }
        return jar;
    }

    /** @return scratch space for the tests (deploy and plugin folders), below target/ so `mvn clean` removes it */
    public static Path workDir() {
        return Paths.get(property("sandbox.itest.work")).toAbsolutePath().normalize();
    }

    /** @return the location string a path is installed under; every install in these tests goes through here */
    public static String location(Path file) {
        return file.toAbsolutePath().normalize().toUri().toString();
    }

    private static Path reactor() {
        return Paths.get(property("sandbox.itest.reactor")).toAbsolutePath().normalize();
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set: run the tests through Maven (failsafe sets it)");
        }
        return value;
    }
}
