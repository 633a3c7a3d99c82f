package sandbox.core.policy;

import java.util.Optional;

/**
 * Admits only Sandbox's own code to the methods that change policy state. Every bundle is an unnamed module, so a
 * plugin that reaches a policy object (its own class's handle field, then {@code getClass()}) can call its public
 * methods reflectively; the reflection guard refuses that, and this check is the second line: the caller, found by
 * a stack walk that skips reflection frames, must be defined by the loader that defined this class. Never on a hot
 * path: policy changes and registrations only.
 */
final class CoreCallers {
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private CoreCallers() {
    }

    /** @throws SecurityException when the caller of the method calling this one is not Sandbox's own code */
    static void require(String operation) {
        Optional<Class<?>> caller = WALKER.walk(s -> s.skip(2).findFirst().map(StackWalker.StackFrame::getDeclaringClass));
        if (caller.isEmpty() || caller.get().getClassLoader() != CoreCallers.class.getClassLoader()) {
            throw new SecurityException("Sandbox: " + operation + " is for Sandbox's own code, not "
                    + caller.map(Class::getName).orElse("an unknown caller"));
        }
    }
}
