package sandbox.benchmarks.enforcement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.osgi.framework.Bundle;

/**
 * Felix with Sandbox (sandbox.api, sandbox.core, SCR, Config Admin) and the bench.plugin code installed twice:
 * once from a trusted location (never woven) and once as a plugin (woven, guarded) whose policy, set through
 * Configuration Admin like an operator would, grants the loopback port. The file read is in the plugin's own data
 * folder, which is always granted.
 */
public final class SandboxContainer implements AutoCloseable {
    static final String PLUGIN = "bench.plugin";
    static final String TRUSTED = "bench.plugin.trusted";
    private static final String GUARD_FIELD = "$sandbox$handle";
    private static final String WEAVER_WARM_UP_THREAD = "sandbox-weaver-warm-up";   // sandbox.core.weaving.WeaverWarmUp

    private final FelixTrial trial;
    private final BenchFramework framework;
    /** The operations, as the trusted copy and as the woven plugin (public for sandbox.benchmarks.sink). */
    public final LongSupplier fileTrusted;
    public final LongSupplier filePlugin;
    public final LongSupplier socketTrusted;
    public final LongSupplier socketPlugin;

    /** Starts the framework with both copies installed and the plugin's policy in force. */
    public SandboxContainer() throws Exception {
        trial = new FelixTrial("sandbox-bench-");
        Path scratch = trial.scratch;
        Path file = SmallFile.create(scratch.resolve("data").resolve(PLUGIN));
        Path trustedDir = scratch.resolve("trusted");
        Path trustedCopy = BenchFiles.renamed(BenchFiles.bundle(PLUGIN), trustedDir.resolve(TRUSTED + ".jar"), TRUSTED);
        Path pluginCopy = Files.copy(BenchFiles.bundle(PLUGIN), Files.createDirectories(scratch.resolve("plugins")).resolve(PLUGIN + ".jar"));

        Map<String, String> props = trial.properties(file);
        props.put("sandbox.trusted.locations", BenchFiles.location(BenchFiles.bundlesDir()) + "," + BenchFiles.location(trustedDir));
        props.put("sandbox.data.dir", scratch.resolve("data").toString());
        // the JDK sink agent's gate, as the launcher exports it: sink checks are on in forks run with -javaagent
        // (sandbox.benchmarks.sink) and the export is inert without it
        props.put("org.osgi.framework.system.packages.extra", "sandbox.agent.gate");
        framework = trial.init(props);
        try {
            framework.start();
            framework.installAndStart(List.of(BenchFiles.bundle("org.osgi.util.function"), BenchFiles.bundle("org.osgi.util.promise"),
                    BenchFiles.bundle("org.osgi.service.component"), BenchFiles.bundle("org.apache.felix.configadmin"),
                    BenchFiles.bundle("org.apache.felix.scr"), BenchFiles.bundle("sandbox.api"), BenchFiles.bundle("sandbox.core")));
            Hashtable<String, Object> policy = new Hashtable<>();
            policy.put("match", PLUGIN);
            policy.put("level", "STANDARD");
            policy.put("grants", new String[] {"network;target=\"127.0.0.1:*\";actions=connect"});
            framework.createFactoryConfiguration("sandbox.policy", policy);
            awaitWeavingHook();

            Bundle trusted = framework.install(trustedCopy);
            Bundle plugin = framework.install(pluginCopy);
            trusted.start();
            plugin.start();
            fileTrusted = BenchFramework.operation(trusted, "file");
            socketTrusted = BenchFramework.operation(trusted, "socket");
            filePlugin = BenchFramework.operation(plugin, "file");
            socketPlugin = BenchFramework.operation(plugin, "socket");
            requireWoven(filePlugin, true);
            requireWoven(fileTrusted, false);
            // Config Admin delivers the policy asynchronously: wait until the grant is in force, then prove both work
            awaitAllowed(socketPlugin);
            check(fileTrusted.getAsLong() == SmallFile.SIZE && filePlugin.getAsLong() == SmallFile.SIZE, "file reads");
            socketTrusted.getAsLong();
            awaitWeaverWarmUp();
        } catch (Throwable t) {
            FelixTrial.abandon(this);
            throw t;
        }
    }

    private void awaitWeavingHook() throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            if (framework.context().getServiceReference("org.osgi.framework.hooks.weaving.WeavingHook") != null) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("sandbox.core registered no WeavingHook within 10 s: plugins would load unwoven");
    }

    /**
     * The core warms its weaver in a background thread when it starts ({@code WeaverWarmUp}); on a loaded machine that
     * takes seconds and competes with the measured calls for the CPU and the JIT compiler. The overhead measured here
     * is the steady state's, so set-up waits for it to end.
     */
    private static void awaitWeaverWarmUp() throws InterruptedException {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals(WEAVER_WARM_UP_THREAD)) {
                t.join(60_000);
            }
        }
    }

    private static void awaitAllowed(LongSupplier op) throws InterruptedException {
        RuntimeException last = null;
        for (int i = 0; i < 500; i++) {
            try {
                op.getAsLong();
                return;
            } catch (SecurityException e) {
                last = e;
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("the policy granting the loopback port never took effect", last);
    }

    /** The woven class carries the guard's synthetic handle field; an unwoven one does not. */
    private static void requireWoven(Object service, boolean woven) {
        boolean has;
        try {
            service.getClass().getDeclaredField(GUARD_FIELD);
            has = true;
        } catch (NoSuchFieldException e) {
            has = false;
        }
        check(has == woven, service.getClass().getName() + " of " + (woven ? "the plugin is not woven" : "the trusted copy is woven"));
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("benchmark set-up is wrong: " + what);
        }
    }

    @Override
    public void close() throws Exception {
        trial.close();
    }

    /** The small file the file benchmarks read. */
    static final class SmallFile {
        static final int SIZE = 1024;

        private SmallFile() {
        }

        static Path create(Path folder) throws IOException {
            byte[] content = new byte[SIZE];
            for (int i = 0; i < SIZE; i++) {
                content[i] = (byte) ('a' + i % 26);
            }
            return Files.write(Files.createDirectories(folder).resolve("small.txt"), content);
        }
    }
}
