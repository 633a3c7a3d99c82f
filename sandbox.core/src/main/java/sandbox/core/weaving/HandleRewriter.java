package sandbox.core.weaving;

import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;

/**
 * Method-handle constants that reach a sensitive member (lambdas and method references B4, {@code ldc}
 * MethodHandle H7, arguments of dynamic constants H8 and of any bootstrap) are pointed at a synthetic static
 * method of the woven class with the same effective type. That method makes the original call, which the
 * {@link CallSiteRewriter} guards like any other call site. A JDK-spun lambda class then calls guarded code.
 */
final class HandleRewriter {
    private final CallMatcher matcher;
    private final HandleWrappers wrappers;

    HandleRewriter(String owner, boolean ownerIsInterface, CallMatcher matcher) {
        this.matcher = matcher;
        this.wrappers = new HandleWrappers(owner, ownerIsInterface, "$sandbox$ref$", "sensitive");
    }

    Handle rewrite(Handle h) {
        if (matcher.match(h).length == 0) {
            return h;
        }
        return wrappers.wrap(h);
    }

    ConstantDynamic rewrite(ConstantDynamic c) {
        return BootstrapConstants.rewrite(c, this::rewrite, this::vetBootstrap);
    }

    Object[] rewriteAll(Object[] args) {
        return BootstrapConstants.rewriteAll(args, this::rewrite, this::vetBootstrap);
    }

    private void vetBootstrap(Handle bootstrap) {
        BootstrapPolicy.check(bootstrap, matcher);
    }

    /** Emits the wrapper methods; each goes through {@code cv}, so its one call is guarded. */
    void emitWrappers(ClassVisitor cv, int classVersion) {
        wrappers.emit(cv, classVersion);
    }
}
