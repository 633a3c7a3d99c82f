package sandbox.core.violations;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import sandbox.api.Violation;
import sandbox.api.ViolationListener;
import sandbox.api.ViolationService;
import sandbox.core.plugins.TrustedBundles;

/**
 * The {@link ViolationService}: keeps the recent violations in a bounded ring and delivers each one, in order, on
 * one daemon thread of its own, to every {@link ViolationListener} (whiteboard). Event Admin is reached through
 * {@link EventAdminForwarder}, itself such a listener, so this class needs no Event Admin classes.
 *
 * <p>Listeners registered by plugin bundles are not called: a listener runs on the core's delivery thread, and
 * plugin code never runs on a thread the plugin does not own; it would also learn about other plugins.
 * A listener that throws is logged and skipped. If listeners fall behind by {@value #QUEUE_LIMIT} violations,
 * further deliveries are dropped (and counted) rather than letting a violation storm exhaust the heap; the ring
 * still records them.
 */
@Component(service = ViolationService.class, immediate = true)
public final class ViolationRecorder implements ViolationService {
    static final int CAPACITY = 1_000;
    static final int QUEUE_LIMIT = 10_000;
    private static final System.Logger LOG = System.getLogger("sandbox.core.violations");

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final AtomicLong dropped = new AtomicLong();
    private volatile ViolationRing ring = new ViolationRing(CAPACITY);
    private volatile TrustedBundles trust = new TrustedBundles(null);
    private volatile ExecutorService delivery;

    /** A listener and the bundle that registered it, by id and location: all the trust rule needs. */
    private record Subscriber(ViolationListener listener, long ownerId, String ownerLocation) {
    }

    @Activate
    void activate(BundleContext context) {
        start(CAPACITY, TrustedBundles.of(context));
    }

    /**
     * Starts delivery. The thread is made here and now, in the JVM's root thread group: made lazily it would be
     * born on the first reporting thread, often a plugin's, and inherit that plugin's group (and ownership).
     */
    void start(int capacity, TrustedBundles trustRule) {
        ring = new ViolationRing(capacity);
        trust = trustRule;
        ThreadGroup hostGroup = rootGroup();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(QUEUE_LIMIT), r -> {
                    Thread t = new Thread(hostGroup, r, "sandbox-violation-delivery", 0, false);
                    t.setDaemon(true);
                    t.setContextClassLoader(ViolationRecorder.class.getClassLoader());
                    return t;
                }, (r, e) -> {
                    long n = dropped.incrementAndGet();
                    if (n == 1 || n % 1_000 == 0) {
                        LOG.log(Level.WARNING, "violation listeners are " + QUEUE_LIMIT + " behind; " + n + " deliveries dropped so far");
                    }
                });
        executor.prestartAllCoreThreads();
        delivery = executor;
    }

    private static ThreadGroup rootGroup() {
        ThreadGroup g = Thread.currentThread().getThreadGroup();
        while (g.getParent() != null) {
            g = g.getParent();
        }
        return g;
    }

    @Deactivate
    void deactivate() {
        ExecutorService executor = delivery;
        delivery = null;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(ViolationListener listener, ServiceReference<ViolationListener> reference) {
        Bundle owner = reference.getBundle();
        if (owner != null) {
            subscribe(listener, owner.getBundleId(), owner.getLocation());
        }
    }

    void removeListener(ViolationListener listener) {
        subscribers.removeIf(s -> s.listener() == listener);
    }

    /** Adds a listener registered by the bundle with this id and location. */
    void subscribe(ViolationListener listener, long ownerId, String ownerLocation) {
        subscribers.add(new Subscriber(listener, ownerId, ownerLocation));
    }

    @Override
    public void report(Violation violation) {
        Objects.requireNonNull(violation, "violation");
        ring.add(violation);
        ExecutorService executor = delivery;
        if (executor != null) {
            try {
                executor.execute(() -> deliver(violation));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // shut down concurrently: the violation is recorded, there is nobody to deliver to any more
            }
        }
    }

    @Override
    public List<Violation> recent(int limit) {
        return ring.recent(limit);
    }

    /** @return deliveries dropped because listeners fell too far behind */
    long dropped() {
        return dropped.get();
    }

    private void deliver(Violation violation) {
        for (Subscriber s : subscribers) {
            if (!trust.isTrusted(s.ownerId(), s.ownerLocation())) {
                continue;
            }
            try {
                s.listener().violated(violation);
            } catch (RuntimeException | LinkageError e) {
                LOG.log(Level.ERROR, "violation listener " + s.listener().getClass().getName() + " threw; skipped", e);
            }
        }
    }
}
