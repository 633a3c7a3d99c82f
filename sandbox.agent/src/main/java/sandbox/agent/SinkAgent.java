package sandbox.agent;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import sandbox.agent.gate.SinkGate;

/**
 * The {@code -javaagent} entry point: rewrites the JDK sink methods of {@link SinkTable} once, at start-up, and
 * keeps nothing. The transformer is removed afterwards and the {@link Instrumentation} object is never stored, so
 * no code that runs later can reach either.
 *
 * <p>Fails closed: when a class or method of the table is missing on this JDK, or cannot be rewritten, premain throws
 * and the JVM does not start (the message names the sink). A container that believed it had sink checks and did
 * not would be worse than one that is known to have none.
 */
public final class SinkAgent {
    /** System property set once the sinks are in place: how many JDK methods were rewritten. */
    public static final String ACTIVE_PROPERTY = "sandbox.agent.sinks";

    private SinkAgent() {
    }

    /** Called by the JVM before main. */
    public static void premain(String args, Instrumentation inst) throws Exception {
        if (!inst.isRetransformClassesSupported()) {
            throw new IllegalStateException("Sandbox sink agent: this JVM cannot retransform classes");
        }
        Set<Class<?>> classes = new LinkedHashSet<>();
        for (SinkRow r : SinkTable.ROWS) {
            Class<?> c = load(r);
            if (!inst.isModifiableClass(c)) {
                throw new IllegalStateException("Sandbox sink agent: JDK class " + c.getName() + " cannot be modified"
                        + " (sink " + r.member() + ")");
            }
            classes.add(c);
        }
        // The JDK classes are in named modules (java.base); the gate is in the boot loader's unnamed module, which
        // named modules do not read unless told to.
        Module gate = SinkGate.class.getModule();
        for (Class<?> c : classes) {
            inst.redefineModule(c.getModule(), Set.of(gate), Map.of(), Map.of(), Set.of(), Map.of());
        }
        EntryHooks hooks = new EntryHooks(SinkTable.ROWS);
        Throwable[] failure = new Throwable[1];
        ClassFileTransformer t = new ClassFileTransformer() {
            @Override
            public byte[] transform(ClassLoader loader, String name, Class<?> redefined, ProtectionDomain pd, byte[] b) {
                try {
                    return redefined == null ? null : hooks.rewrite(name, b);
                } catch (Throwable e) {   // the JVM swallows a transformer's exception: keep it to fail below
                    failure[0] = e;
                    return null;
                }
            }
        };
        inst.addTransformer(t, true);
        try {
            inst.retransformClasses(classes.toArray(new Class<?>[0]));
        } finally {
            inst.removeTransformer(t);
        }
        if (failure[0] != null) {
            throw new IllegalStateException("Sandbox sink agent: rewriting the JDK failed: " + failure[0], failure[0]);
        }
        for (SinkRow r : SinkTable.ROWS) {
            if (!hooks.applied.contains(r)) {
                throw new IllegalStateException("Sandbox sink agent: JDK " + Runtime.version() + " has no sink "
                        + r.member() + "; refusing to start without it");
            }
        }
        System.setProperty(ACTIVE_PROPERTY, Integer.toString(SinkTable.ROWS.size()));
    }

    private static Class<?> load(SinkRow r) {
        try {
            // loaded, not initialised: sun.nio.ch.Net's initialiser loads the networking library, not our business
            return Class.forName(r.owner().replace('/', '.'), false, null);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Sandbox sink agent: JDK " + Runtime.version() + " has no class for sink "
                    + r.member(), e);
        }
    }
}
