package sandbox.launcher;

/** The container cannot start (state folder, distribution layout, framework); the message names the cause. */
final class LaunchException extends Exception {
    private static final long serialVersionUID = 1L;

    LaunchException(String message) {
        super(message);
    }

    LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
