package sandbox.benchmarks.enforcement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Policy;
import java.security.URIParameter;
import java.util.Map;
import java.util.function.LongSupplier;
import org.osgi.framework.Bundle;

/**
 * Felix without Sandbox, the bench.plugin code installed once (never woven), optionally under the SecurityManager
 * the OSGi way: framework property {@code org.osgi.framework.security=osgi} (Felix installs the SecurityManager at
 * init), the org.apache.felix.framework.security extension bundle (Conditional Permission Admin), a java.policy
 * that grants AllPermission to the code on the class path (framework, harness, JMH), and a CPA table that grants
 * the bench bundle only the file and socket it uses.
 */
@SuppressWarnings("removal")   // the SecurityManager API is what this class measures
final class SecurityManagerContainer implements AutoCloseable {
    private final FelixTrial trial;
    private final BenchFramework framework;
    private final boolean secured;
    final LongSupplier file;
    final LongSupplier socket;

    SecurityManagerContainer(boolean securityManager) throws Exception {
        if (securityManager && !SecurityManagerSupport.available()) {
            throw new IllegalStateException(SecurityManagerSupport.why());
        }
        secured = securityManager;
        trial = new FelixTrial("sandbox-bench-sm-");
        Path small = SandboxContainer.SmallFile.create(trial.scratch.resolve("data"));
        Path bench = BenchFiles.bundle(SandboxContainer.PLUGIN);
        Map<String, String> props = trial.properties(small);
        if (securityManager) {
            Path policy = Files.writeString(trial.scratch.resolve("all.policy"),
                    "grant { permission java.security.AllPermission; };\n");
            Policy.setPolicy(Policy.getInstance("JavaPolicy", new URIParameter(policy.toUri())));
            props.put("org.osgi.framework.security", "osgi");
        }
        framework = trial.init(props);
        try {
            if (securityManager) {
                framework.install(BenchFiles.bundle("org.apache.felix.framework.security"));
            }
            framework.start();
            if (securityManager) {
                if (System.getSecurityManager() == null) {
                    throw new IllegalStateException("Felix started without installing a SecurityManager");
                }
                CpaRules.grant(framework.context(), BenchFiles.location(bench), small, trial.server.port());
            }
            Bundle b = framework.install(bench);
            b.start();
            file = BenchFramework.operation(b, "file");
            socket = BenchFramework.operation(b, "socket");
            if (securityManager) {
                requireEnforced(file, small);
            }
            if (file.getAsLong() != SandboxContainer.SmallFile.SIZE) {
                throw new IllegalStateException("benchmark set-up is wrong: the file read returned another size");
            }
            socket.getAsLong();
        } catch (Throwable t) {
            FelixTrial.abandon(this);
            throw t;
        }
    }

    /** The bench bundle's domain must allow its file and nothing beside it: proof that CPA, not AllPermission, decides. */
    private static void requireEnforced(LongSupplier op, Path granted) {
        java.security.ProtectionDomain pd = op.getClass().getProtectionDomain();
        boolean own = pd.implies(new java.io.FilePermission(granted.toString(), "read"));
        boolean other = pd.implies(new java.io.FilePermission(granted.resolveSibling("other.txt").toString(), "read"));
        if (!own || other) {
            throw new IllegalStateException("benchmark set-up is wrong: CPA grants the bench bundle " + (own ? "" : "not ")
                    + "its file and " + (other ? "" : "not ") + "another file");
        }
    }

    @Override
    public void close() throws Exception {
        try {
            trial.close();
        } finally {
            if (secured) {
                System.setSecurityManager(null);
            }
        }
    }
}
