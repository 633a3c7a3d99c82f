package sandbox.launcher;

/** The command line asks for something the launcher does not understand; the message says what. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
