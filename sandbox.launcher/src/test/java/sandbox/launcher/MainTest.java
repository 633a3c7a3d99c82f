package sandbox.launcher;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.Test;

/** Exit codes and messages of the command line, before any framework starts. */
public class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), null);
    }

    @Test
    public void helpPrintsUsageAndExitsZero() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Usage: sandbox [--state DIR]"));
    }

    @Test
    public void badCommandLineExitsTwoWithTheReason() {
        assertEquals(2, run("--bogus"));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message, message.startsWith("sandbox: unknown option '--bogus'"));
        assertTrue(message, message.contains("--help"));
    }
}
