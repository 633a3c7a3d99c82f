package hostile.corpus;

/** One corpus action: makes exactly one sensitive call (sometimes with harmless set-up) and says what it got. */
@FunctionalInterface
interface Action {
    String run(Inputs in) throws Exception;
}
