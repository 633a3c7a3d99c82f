package sandbox.core.reflect;

import org.objectweb.asm.ClassReader;
import sandbox.api.PermissionKind;
import sandbox.core.guard.SandboxDeniedException;
import sandbox.core.policy.LoaderIdentity;
import sandbox.core.policy.PolicyDecisionPoint;
import sandbox.core.policy.PolicyHandle;
import sandbox.core.weaving.ClassBytes;
import sandbox.core.weaving.ClassHierarchy;
import sandbox.core.weaving.WeaveContext;
import sandbox.core.weaving.WeavingPipeline;

/**
 * Code a plugin defines at run time (C1, C2, C4) goes through the same weaving pipeline as its bundle's classes,
 * before it is defined, with the plugin's bundle id baked in; it is then bound to the plugin's policy like any
 * other plugin class. Defining at all needs CLASS_DEFINITION (STANDARD up). Until the weaving hook connects its
 * pipeline, and for bytes the pipeline refuses, nothing is defined (fail closed).
 */
public final class RuntimeDefinitions {
    private static volatile WeavingPipeline pipeline;

    private RuntimeDefinitions() {
    }

    /** Connects the pipeline the weaving hook uses; {@code null} disconnects (every definition is then refused). */
    public static void connect(WeavingPipeline p) {
        pipeline = p;
    }

    /**
     * @param target the loader the class will be defined in (the plugin's, or one the plugin made)
     * @param caller the plugin class that asked
     * @return the woven class file
     */
    static byte[] weave(PolicyHandle h, byte[] original, ClassLoader target, Class<?> caller, String op) {
        String name;
        try {
            name = new ClassReader(original).getClassName();
        } catch (RuntimeException e) {
            PolicyDecisionPoint.enforce(h, PermissionKind.CLASS_DEFINITION, "define", "(not a class file)", op);
            throw new ClassFormatError("Sandbox: " + op + " was given bytes that are not a class file");
        }
        String dotted = name.replace('/', '.');
        PolicyDecisionPoint.enforce(h, PermissionKind.CLASS_DEFINITION, "define", dotted, op);
        WeavingPipeline p = pipeline;
        if (p == null) {
            throw refused(h, dotted, op, "run-time weaving is not connected");
        }
        if (target != caller.getClassLoader()) {
            LoaderIdentity.register(target, h.bundleId());   // its classes bind to this plugin's policy, and only to it
        }
        ClassHierarchy hierarchy = new ClassHierarchy(both(ClassBytes.of(target), ClassBytes.of(caller.getClassLoader())));
        try {
            return p.weave(original, new WeaveContext(dotted, h.bundleId(), h.pluginId(), hierarchy));
        } catch (RuntimeException e) {
            throw refused(h, dotted, op, e.getMessage());
        }
    }

    private static ClassBytes both(ClassBytes first, ClassBytes second) {
        return name -> {
            byte[] b = first.read(name);
            return b != null ? b : second.read(name);
        };
    }

    static SandboxDeniedException refused(PolicyHandle h, String className, String op, String why) {
        return new SandboxDeniedException(h.pluginId(), h.version(), PermissionKind.CLASS_DEFINITION, "define", op,
                className + " (cannot be woven: " + why + ")");
    }
}
