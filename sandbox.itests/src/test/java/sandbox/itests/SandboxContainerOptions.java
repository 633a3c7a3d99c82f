package sandbox.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemPackage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ops4j.pax.exam.Option;

/**
 * The Pax Exam options that assemble a Sandbox container the way the distribution does: SCR, Configuration Admin,
 * Event Admin, Metatype, FileInstall watching a fresh deploy folder, the Gogo runtime and commands, the sandbox
 * bundles, and the example plugins.
 *
 * <h2>Trust rule</h2>
 * sandbox.core treats every bundle as an untrusted plugin unless it is the system bundle or its location starts
 * with a prefix in the framework property {@value #TRUSTED_LOCATIONS}. The prefixes set here are exactly:
 * <ul>
 *   <li>{@value #PROBE_LOCATION}: Pax Exam's native container installs the test probe with the location
 *       {@code "local"} ({@code NativeTestContainer.install(InputStream)});</li>
 *   <li>{@value #PAX_EXAM_LINKS}: Pax Exam installs its own runtime (pax-exam, inject, extender, swissbox,
 *       ops4j-base, pax-logging-api, jakarta.inject) and {@code junitBundles()} (junit, hamcrest, invoker) from
 *       {@code link:classpath:META-INF/links/*.link} URLs, and the URL is the location;</li>
 *   <li>the file URI of {@code target/container/} (trailing slash included): the third-party bundles;</li>
 *   <li>the exact file URI of each infrastructure jar of the reactor (sandbox.api, core, monitor, recovery,
 *       telemetry) - whole jar paths, not module folders, so that nothing else under the reactor matches.</li>
 * </ul>
 * Plugins are installed from anywhere else: the example jars from their own {@code example.* /target/} folders,
 * copies below {@code target/it-work/}, the deploy folder. A plugin that matched a trusted prefix would be neither
 * woven nor accounted and would make every security test meaningless; {@code TrustClassificationIT} checks it.
 */
public final class SandboxContainerOptions {

    /** Framework property read by sandbox.core's TrustedBundles. */
    public static final String TRUSTED_LOCATIONS = "sandbox.trusted.locations";
    /** Location of the Pax Exam probe bundle in the native container. */
    public static final String PROBE_LOCATION = "local";
    /** Location prefix of every bundle Pax Exam provisions for itself. */
    public static final String PAX_EXAM_LINKS = "link:classpath:META-INF/links/";
    /** Framework property naming the folder FileInstall watches; tests read it back through the bundle context. */
    public static final String DEPLOY_DIR = "felix.fileinstall.dir";
    /** Framework property naming the plugins' data root (read by sandbox.core, set by the launcher too). */
    public static final String DATA_DIR = "sandbox.data.dir";

    /**
     * The gate package of the JDK sink agent (-javaagent in failsafe's argLine): the system bundle exports it, as the
     * launcher has it do, so that sandbox.core (optional import) can install its checker; no plugin may wire to it.
     * A Pax Exam systemPackage option, not a framework property: Pax Exam builds
     * org.osgi.framework.system.packages.extra from these options and its own packages, and a property would replace
     * its own.
     */
    public static final String SINK_GATE_PACKAGE = "sandbox.agent.gate";

    /** Start levels: Pax Exam's own bundles are at 2 and the probe at 5; plugins start after the container. */
    static final int CONTAINER_LEVEL = 3;
    static final int PLUGIN_LEVEL = 4;

    /** Third-party bundles by artifactId, in start order; the files are in target/container/. */
    private static final String[] CONTAINER_BUNDLES = {
        "org.osgi.util.function", "org.osgi.util.promise", "org.osgi.service.component", "org.apache.felix.scr",
        "org.apache.felix.configadmin", "org.apache.felix.eventadmin", "org.apache.felix.metatype",
        "org.osgi.service.log", "org.apache.felix.gogo.runtime", "org.apache.felix.gogo.command",
    };

    /** Installs the deployed plugins, so it starts with them, after the sandbox bundles (as in the launcher). */
    private static final String FILE_INSTALL = "org.apache.felix.fileinstall";

    private SandboxContainerOptions() {
    }

    /** @return the options of a container with the example plugins installed from the reactor */
    public static Option[] container() {
        List<Option> options = new ArrayList<>();
        options.add(junitBundles());
        options.add(cleanCaches(true));
        options.add(frameworkProperty(TRUSTED_LOCATIONS).value(trustedLocations()));
        options.add(systemPackage(SINK_GATE_PACKAGE));
        options.add(frameworkProperty(DATA_DIR).value(newWorkDir("data-").toString()));
        options.add(fileInstall(newWorkDir("deploy-")));
        for (String artifactId : CONTAINER_BUNDLES) {
            options.add(bundle(ReactorBundles.location(ReactorBundles.containerBundle(artifactId))).startLevel(CONTAINER_LEVEL));
        }
        for (String module : ReactorBundles.INFRASTRUCTURE) {
            options.add(bundle(ReactorBundles.location(ReactorBundles.jar(module))).startLevel(CONTAINER_LEVEL));
        }
        for (String module : ReactorBundles.EXAMPLE_PLUGINS) {
            options.add(bundle(ReactorBundles.location(ReactorBundles.jar(module))).startLevel(PLUGIN_LEVEL));
        }
        options.add(bundle(ReactorBundles.location(ReactorBundles.containerBundle(FILE_INSTALL))).startLevel(PLUGIN_LEVEL));
        return options.toArray(new Option[0]);
    }

    /** @return the comma-separated trusted location prefixes explained in the class comment */
    static String trustedLocations() {
        List<String> prefixes = new ArrayList<>();
        prefixes.add(PROBE_LOCATION);
        prefixes.add(PAX_EXAM_LINKS);
        String containerDir = ReactorBundles.location(ReactorBundles.containerDir());
        prefixes.add(containerDir.endsWith("/") ? containerDir : containerDir + "/");
        for (String module : ReactorBundles.INFRASTRUCTURE) {
            prefixes.add(ReactorBundles.location(ReactorBundles.jar(module)));
        }
        return String.join(",", prefixes);
    }

    /**
     * FileInstall as the launcher configures it (sandbox.launcher FrameworkProperties), except: it polls faster, and it
     * logs to java.util.logging instead of stdout so that tests can see what it reports ({@link LogCapture}).
     */
    private static Option fileInstall(Path deployDir) {
        return composite(
                frameworkProperty(DEPLOY_DIR).value(deployDir.toString()),
                frameworkProperty("felix.fileinstall.poll").value("200"),
                frameworkProperty("felix.fileinstall.noInitialDelay").value("true"),
                frameworkProperty("felix.fileinstall.bundles.new.start").value("true"),
                frameworkProperty("felix.fileinstall.filter").value(".*\\.jar"),
                frameworkProperty("felix.fileinstall.log.level").value("2"),
                frameworkProperty("felix.fileinstall.log.default").value("jul"),
                // as the distribution: FileInstall reads this framework-wide (not per watcher); its default writes
                // every configuration change back into the operator's file by truncate-and-write, and a poll that
                // reads the file meanwhile turns a policy into one without 'match' (intermittent PolicyFilesIT)
                frameworkProperty("felix.fileinstall.enableConfigSave").value("false"));
    }

    /** A fresh folder per test class (the @Configuration method runs once per class, not per method). */
    private static Path newWorkDir(String prefix) {
        try {
            Path work = Files.createDirectories(ReactorBundles.workDir());
            return Files.createTempDirectory(work, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a deploy folder below " + ReactorBundles.workDir(), e);
        }
    }
}
