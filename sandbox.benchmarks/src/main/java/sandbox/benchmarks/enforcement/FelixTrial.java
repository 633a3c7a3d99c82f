package sandbox.benchmarks.enforcement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.osgi.framework.BundleException;

/**
 * What every Felix benchmark trial owns, whichever container it measures: a scratch folder (Felix cache, data
 * files), the loopback server the socket operation connects to, and the framework. Closing stops the framework, then
 * the server, and always deletes the scratch folder. One place, so both containers set up and clean up alike.
 */
final class FelixTrial implements AutoCloseable {
    final Path scratch;
    final LoopbackServer server;
    private BenchFramework framework;

    /** @param prefix the scratch folder's name prefix (tells the trials' leftovers apart if a JVM is killed) */
    FelixTrial(String prefix) throws IOException {
        scratch = Files.createTempDirectory(prefix);
        server = new LoopbackServer();
    }

    /**
     * The framework properties every trial sets: its own Felix cache, cleaned on first init, and the file and port
     * the bench.plugin operations use. Mutable, for the container's own additions.
     */
    Map<String, String> properties(Path benchFile) {
        return new HashMap<>(Map.of(
                "org.osgi.framework.storage", scratch.resolve("felix-cache").toString(),
                "org.osgi.framework.storage.clean", "onFirstInit",
                "bench.plugin.file", benchFile.toString(),
                "bench.plugin.port", Integer.toString(server.port())));
    }

    /** Creates and initialises the trial's framework ({@link BenchFramework#init}); {@link #close()} stops it. */
    BenchFramework init(Map<String, String> properties) throws BundleException {
        framework = BenchFramework.init(properties);
        return framework;
    }

    /** Closes a container whose set-up failed: a half-started framework must not keep the JVM alive. */
    static void abandon(AutoCloseable container) {
        try {
            container.close();
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
            BenchFiles.deleteTree(scratch);
        }
    }
}
