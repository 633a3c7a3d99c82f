package hostile.unlisted;

/**
 * Some wrappers turn every failure into their own checked exception (RMI's RemoteException). An action that catches
 * those to report "reached" must not hide a denial: the sandbox's SecurityException, wherever it is in the chain, is
 * thrown again so the execution ends DENIED.
 */
final class Denials {
    private Denials() {
    }

    static void rethrow(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SecurityException s) {
                throw s;
            }
        }
    }
}
