package sandbox.core.weaving;

import static sandbox.api.PermissionKind.THREAD;

import java.util.List;

/**
 * Thread creation (A16, A21): checked against the plugin's live-thread quota. Interface owners (Thread.Builder,
 * Executor) are matched like classes: the weaver resolves the owner a call names, whatever its kind (H5).
 */
final class ThreadApiRows implements SensitiveApiSource {
    private static final String C = "create";

    @Override
    public String name() {
        return "threads";
    }

    @Override
    public List<SensitiveApi> rows() {
        return new Rows(name())
                .add("java.lang.Thread", "start", "()V", THREAD, C, Rows.self(TargetKind.THREAD))
                .all("java.lang.Thread", THREAD, C, "startVirtualThread")
                .all("java.lang.Thread$Builder", THREAD, C, "start", "factory")
                .all("java.lang.Thread$Builder$OfVirtual", THREAD, C, "start", "factory")
                .all("java.lang.Thread$Builder$OfPlatform", THREAD, C, "start", "factory")
                .all("java.util.concurrent.Executors", THREAD, C, "newCachedThreadPool", "newFixedThreadPool",
                        "newSingleThreadExecutor", "newScheduledThreadPool", "newSingleThreadScheduledExecutor",
                        "newWorkStealingPool", "newVirtualThreadPerTaskExecutor", "newThreadPerTaskExecutor")
                .all("java.util.concurrent.Executor", THREAD, C, "execute")
                .all("java.util.concurrent.ExecutorService", THREAD, C, "submit", "invokeAll", "invokeAny")
                .all("java.util.concurrent.CompletableFuture", THREAD, C, "runAsync", "supplyAsync")
                .add("java.util.Timer", "<init>", SensitiveApi.ANY, THREAD, C, Target.NONE)
                .add("java.util.concurrent.ForkJoinPool", "<init>", SensitiveApi.ANY, THREAD, C, Target.NONE)
                .add("java.util.concurrent.ThreadPoolExecutor", "<init>", SensitiveApi.ANY, THREAD, C, Target.NONE)
                .all("java.lang.ref.Cleaner", THREAD, C, "create")
                .build();
    }
}
