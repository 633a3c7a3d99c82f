package sandbox.core.weaving;

import java.util.Set;
import org.objectweb.asm.Handle;

/**
 * Which bootstrap methods plugin code may name in {@code invokedynamic} and dynamic constants (H6, H8). A bootstrap
 * in the JDK must be one that javac and common compilers emit: lambdas, string concatenation, records, switches,
 * constant bootstraps. Their method-handle arguments are rewritten by {@link HandleRewriter}, so
 * {@code ConstantBootstraps.invoke} of a sensitive method ends in the guard. Any other JDK bootstrap (a dynamic
 * linker, a call-site factory reached by a hand-written class file) fails the weave. A bootstrap in plugin code is
 * plugin code, woven itself; the {@code Lookup} it receives is no more than {@code MethodHandles.lookup()} gives.
 */
final class BootstrapPolicy {
    private static final Set<String> JDK_BOOTSTRAP_OWNERS = Set.of(
            "java/lang/invoke/LambdaMetafactory",
            "java/lang/invoke/StringConcatFactory",
            "java/lang/invoke/ConstantBootstraps",
            "java/lang/runtime/ObjectMethods",
            "java/lang/runtime/SwitchBootstraps");

    private BootstrapPolicy() {
    }

    /** @throws IllegalStateException when the bootstrap is a JDK method not on the list */
    static void check(Handle bootstrap, CallMatcher matcher) {
        String owner = bootstrap.getOwner();
        if (matcher.isJdk(owner) && !JDK_BOOTSTRAP_OWNERS.contains(owner)) {
            throw new IllegalStateException("bootstrap method " + owner.replace('/', '.') + "." + bootstrap.getName()
                    + " is not one a plugin may use; allowed JDK bootstraps: " + JDK_BOOTSTRAP_OWNERS);
        }
    }
}
