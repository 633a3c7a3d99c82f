package hostile.samples;

import java.util.Locale;
import java.util.TimeZone;
import java.util.function.BiFunction;
import java.util.function.IntConsumer;

/** Process, exit, properties and JVM-global state (A1, A2, A18, A19, G1–G6, H2, B4). */
public final class SystemOps {
    private SystemOps() {
    }

    static void exit() {
        System.exit(3);
    }

    /** B4: the call to System.exit happens inside a JDK-spun class, through a method reference. */
    static void exitViaMethodReference() {
        IntConsumer exit = System::exit;
        exit.accept(4);
    }

    static void halt() {
        Runtime.getRuntime().halt(5);
    }

    static String setProperty(String name, String value) {
        return System.setProperty(name, value);
    }

    static String setPropertyViaMethodReference(String name, String value) {
        BiFunction<String, String, String> set = System::setProperty;
        return set.apply(name, value);
    }

    static String getProperty(String name) {
        return System.getProperty(name);
    }

    static Object getProperties() {
        return System.getProperties();
    }

    static String getenv(String name) {
        return System.getenv(name);
    }

    static Process exec(String command) throws Exception {
        return Runtime.getRuntime().exec(new String[] {command});
    }

    static Process processBuilder(String command) throws Exception {
        return new ProcessBuilder(command).start();
    }

    static void loadLibrary(String name) {
        System.loadLibrary(name);
    }

    static void setDefaultLocale() {
        Locale.setDefault(Locale.getDefault());
    }

    static void setDefaultTimeZone() {
        TimeZone.setDefault(TimeZone.getDefault());
    }

    /** H2: a static JDK setter called through a plugin subclass qualifier. */
    static void defaultHandlerViaSubclass() {
        MyThread.setDefaultUncaughtExceptionHandler(Thread.getDefaultUncaughtExceptionHandler());
    }

    static void shutdownHook() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> { }));
    }

    static void setOut() {
        System.setOut(System.out);
    }

    static final class MyThread extends Thread {
    }
}
