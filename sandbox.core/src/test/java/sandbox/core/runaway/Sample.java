package sandbox.core.runaway;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/** Runs a woven sample method on a thread of its own and remembers how it ended. */
final class Sample {
    /** Generous bound for waits that only guard against a hung test; no assertion is about speed. */
    static final long SAFETY_MILLIS = 60_000;

    final Class<?> type;
    final AtomicReference<Throwable> ending = new AtomicReference<>();
    final AtomicReference<Object> result = new AtomicReference<>();
    /** Bytes the sample's thread allocated in all, read on that thread as it ends. */
    volatile long allocatedInAll;
    Thread thread;
    Run run;

    Sample(WovenLoader loader, String simpleName) throws ClassNotFoundException {
        type = loader.loadClass(WovenLoader.SAMPLES + simpleName);
    }

    Sample start(ThreadGroup group, String method, Class<?>[] types, Object... args) throws NoSuchMethodException {
        Method m = type.getMethod(method, types);
        thread = new Thread(group, () -> {
            try {
                result.set(m.invoke(null, args));
            } catch (InvocationTargetException e) {
                ending.set(e.getCause());
            } catch (ReflectiveOperationException | RuntimeException e) {
                ending.set(e);
            } finally {
                allocatedInAll = ((com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean())
                        .getCurrentThreadAllocatedBytes();
            }
        }, "sample-" + method);
        thread.start();
        return this;
    }

    Sample start(String method) throws NoSuchMethodException {
        return start(Thread.currentThread().getThreadGroup(), method, new Class<?>[0]);
    }

    long staticLong(String field) throws ReflectiveOperationException {
        return ((Number) type.getField(field).get(null)).longValue();
    }

    void awaitStatic(String field) throws Exception {
        await(() -> {
            try {
                return staticLong(field) > 0;
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    Throwable join() throws InterruptedException {
        thread.join(SAFETY_MILLIS);
        if (thread.isAlive()) {
            throw new AssertionError(thread.getName() + " is still running: the poll did not stop it");
        }
        return ending.get();
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long end = System.currentTimeMillis() + SAFETY_MILLIS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("condition not reached");
            }
            Thread.sleep(1);
        }
    }
}
