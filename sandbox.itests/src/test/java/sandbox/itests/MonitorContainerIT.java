package sandbox.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.Test;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;
import sandbox.api.ResourceMonitor;
import sandbox.api.SystemUsage;

/**
 * The monitor bundle in a real container with OSHI installed as the distribution should install it (oshi-core,
 * oshi-common, jna-jpms, jna-platform-jpms, jspecify; org.slf4j from pax-logging-api here): it resolves, its first
 * (slow) OSHI reading happens off the start-up path, and its Gogo commands answer.
 */
public class MonitorContainerIT extends SandboxTestSupport {
    /** The OSHI bundles by artifactId, copied into target/container/ by the pom. */
    static final String[] OSHI_BUNDLES = {"jspecify", "jna-jpms", "jna-platform-jpms", "oshi-common", "oshi-core"};

    @Configuration
    @Override
    public Option[] config() {
        List<Option> options = new ArrayList<>(List.of(SandboxContainerOptions.container()));
        for (String artifactId : OSHI_BUNDLES) {
            options.add(CoreOptions.bundle(ReactorBundles.location(ReactorBundles.containerBundle(artifactId)))
                    .startLevel(SandboxContainerOptions.CONTAINER_LEVEL));
        }
        return options.toArray(new Option[0]);
    }

    @Test
    public void systemFiguresComeFromOshi() throws Exception {
        ResourceMonitor monitor = awaitService(ResourceMonitor.class);
        SystemUsage figures;
        try {
            figures = Await.until("OSHI system figures", monitor::system);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; sandbox:system says: " + gogo("sandbox:system").text(), e);
        }
        assertTrue("resident set size: " + figures, figures.processResidentBytes() > 0);
        assertTrue("machine memory: " + figures, figures.systemMemoryTotal() >= figures.systemMemoryAvailable()
                && figures.systemMemoryAvailable() > 0);
        assertTrue("open files of this JVM: " + figures, figures.processOpenFiles() > 0);
        assertEquals(Runtime.getRuntime().availableProcessors(), figures.logicalProcessors());
        assertEquals("OSHI resolved in Felix", Bundle.ACTIVE, bundle("com.github.oshi.oshi-core").orElseThrow().getState());

        String system = Await.until("sandbox:system printing figures", () -> {
            try {
                return java.util.Optional.of(gogo("sandbox:system").text()).filter(t -> t.contains("process: rss"));
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        assertTrue(system, system.contains("logical processors"));
    }

    @Test
    public void usageCommandsExplainWhatTheyCannotShow() throws Exception {
        awaitService(ResourceMonitor.class);
        GogoSession.Output unknown = gogo("sandbox:usage no.such.plugin");
        assertTrue(unknown.text(), unknown.text().contains("no usage for 'no.such.plugin'"));
        GogoSession.Output all = gogo("sandbox:usage");
        assertTrue(all.text(), all.text().contains("plugin") || all.text().contains("no plugin has owned a thread"));
    }
}
