package hostile.unlisted;

/**
 * One action: hands a target to one JDK wrapper that is not in the weaving guard's table and lets JDK code do the
 * I/O. The plugin's own bytecode makes no sensitive call on the target (set-up inside its data folder aside), so only
 * a check below the wrapper (the JDK sink layer) can stop it.
 */
@FunctionalInterface
interface Action {
    String run(Inputs in) throws Exception;
}
