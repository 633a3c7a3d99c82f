package sandbox.benchmarks.enforcement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Policy;
import java.security.URIParameter;
import java.util.HashMap;
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
    private final Path scratch;
    private final LoopbackServer server;
    private final BenchFramework framework;
    private final boolean secured;
    final LongSupplier file;
    final LongSupplier socket;

    SecurityManagerContainer(boolean securityManager) throws Exception {
        if (securityManager && !SecurityManagerSupport.available()) {
            throw new IllegalStateException(SecurityManagerSupport.why());
        }
        secured = securityManager;
        scratch = Files.createTempDirectory("sandbox-bench-sm-");
        server = new LoopbackServer();
        Path small = SandboxContainer.SmallFile.create(scratch.resolve("data"));
        Path bench = BenchFiles.bundle(SandboxContainer.PLUGIN);
        Map<String, String> props = new HashMap<>(Map.of(
                "org.osgi.framework.storage", scratch.resolve("felix-cache").toString(),
                "org.osgi.framework.storage.clean", "onFirstInit",
                "bench.plugin.file", small.toString(),
                "bench.plugin.port", Integer.toString(server.port())));
        if (securityManager) {
            Path policy = Files.writeString(scratch.resolve("all.policy"),
                    "grant { permission java.security.AllPermission; };\n");
            Policy.setPolicy(Policy.getInstance("JavaPolicy", new URIParameter(policy.toUri())));
            props.put("org.osgi.framework.security", "osgi");
        }
        framework = BenchFramework.init(props);
        try {
            if (securityManager) {
                framework.install(BenchFiles.bundle("org.apache.felix.framework.security"));
            }
            framework.start();
            if (securityManager) {
                if (System.getSecurityManager() == null) {
                    throw new IllegalStateException("Felix started without installing a SecurityManager");
                }
                CpaRules.grant(framework.context(), BenchFiles.location(bench), small, server.port());
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
            abandon();   // a half-started framework must not keep the JVM alive
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

    private void abandon() {
        try {
            close();
        } catch (Exception e) {
            System.err.println("could not stop the benchmark framework: " + e);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            framework.close();
            server.close();
        } finally {
            if (secured) {
                System.setSecurityManager(null);
            }
            BenchFiles.deleteTree(scratch);
        }
    }
}
