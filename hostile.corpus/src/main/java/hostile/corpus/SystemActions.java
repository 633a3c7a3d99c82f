package hostile.corpus;

import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** A17 native code, A18 properties, A19 secrets, A21 threads beyond the quota. */
final class SystemActions {
    private SystemActions() {
    }

    static void register(Map<String, Action> m) {
        m.put("A17.loadLibrary", in -> {
            try {
                System.loadLibrary("sandbox-corpus-no-such-library");
                return "loaded";
            } catch (UnsatisfiedLinkError notThere) {
                return "allowed, no such library";
            }
        });
        m.put("A18.setProperty", in -> String.valueOf(System.setProperty("sandbox.corpus.p", "v")));
        m.put("A18.livePropertiesObject", in -> String.valueOf(System.getProperties().size() > 0));
        m.put("A19.getenv", in -> String.valueOf(System.getenv("PATH") != null));
        m.put("A19.userHome", in -> String.valueOf(System.getProperty("user.home") != null));
        m.put("A21.threadsBeyondQuota", in -> {
            CountDownLatch release = new CountDownLatch(1);
            Thread[] started = new Thread[24];
            int n = 0;
            try {
                for (; n < started.length; n++) {
                    started[n] = new Thread(() -> {
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                    started[n].start();
                }
            } finally {
                release.countDown();
                for (int i = 0; i < n; i++) {
                    started[i].join();
                }
            }
            return "started " + n;
        });
    }
}
