package sandbox.launcher;

import java.io.Console;
import java.lang.reflect.Method;

/** Is a person at a terminal? Decides whether the interactive shell starts. */
final class Terminal {

    private Terminal() {
    }

    /**
     * True when stdin and stdout are a terminal. On JDK 22+ {@link System#console()} returns a console
     * even when the streams are redirected, so there {@code Console.isTerminal()} (JDK 22) decides;
     * it is called reflectively because the launcher is compiled for release 17.
     */
    static boolean attached() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true; // JDK 17-21: a non-null console is a terminal
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
