package sandbox.launcher;

import static org.junit.Assert.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Which files in etc/ look like policy files but would be read as something else. */
public class PolicyFileNameReportTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void onlyMisnamedPolicyConfigurationFilesAreReported() throws Exception {
        Path etc = tmp.getRoot().toPath();
        for (String name : List.of("sandbox.policy-hello.cfg", "sandbox.policy-examples.config",
                "sandbox.policy-a-b.cfg", "sandbox.policy-hello.cfg.example", "org.apache.felix.x.cfg",
                "sandbox.policy~tilde.cfg", "sandbox.policy.cfg", "sandbox.policy-.cfg", "sandbox.policyx-y.config")) {
            Files.writeString(etc.resolve(name), "match = x\n");
        }
        assertEquals(List.of("sandbox.policy-.cfg", "sandbox.policy.cfg", "sandbox.policyx-y.config",
                "sandbox.policy~tilde.cfg"), PolicyFileNameReport.misnamed(etc));
    }

    @Test
    public void absentFolderHasNone() {
        assertEquals(List.of(), PolicyFileNameReport.misnamed(tmp.getRoot().toPath().resolve("none")));
    }
}
