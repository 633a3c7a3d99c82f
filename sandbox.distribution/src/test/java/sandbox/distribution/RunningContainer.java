package sandbox.distribution;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * bin/sandbox started as a child process without a terminal (stdin from /dev/null), on the JDK that
 * runs the test; its console output is collected line by line.
 */
final class RunningContainer implements AutoCloseable {

    /** Generous: only keeps a broken build from hanging; nothing is timed. */
    static final long WAIT_SECONDS = 60;

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;

    private RunningContainer(Process process) {
        this.process = process;
        reader = new Thread(this::collect, "container-output");
        reader.setDaemon(true);
        reader.start();
    }

    static RunningContainer start(Path distribution, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(distribution.resolve("bin/sandbox").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("SANDBOX_STATE");
        builder.environment().remove("SANDBOX_JAVA_OPTS");
        return new RunningContainer(builder.start());
    }

    private void collect() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null;) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /** The first output line that matches, waiting for it; fails with the output so far. */
    String awaitLine(String what, Predicate<String> matches) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        synchronized (lines) {
            while (true) {
                for (String line : lines) {
                    if (matches.test(line)) {
                        return line;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || (!process.isAlive() && lines.isEmpty())) {
                    throw new AssertionError("no line " + what + " after " + WAIT_SECONDS + " s; output:\n" + output());
                }
                TimeUnit.NANOSECONDS.timedWait(lines, Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
            }
        }
    }

    String awaitReady() throws InterruptedException {
        return awaitLine("'Sandbox ready in'", line -> line.startsWith("Sandbox ready in "));
    }

    /** Sends SIGTERM and returns the exit code. */
    int terminate() throws InterruptedException {
        // SIGTERM on POSIX; bin/sandbox exec's java, so the JVM gets it. Not Process.destroy(): that
        // also closes our end of the output pipe, and the last lines would be lost.
        process.toHandle().destroy();
        return exitCode();
    }

    int exitCode() throws InterruptedException {
        if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("container still running after " + WAIT_SECONDS + " s; output:\n" + output());
        }
        reader.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS)); // the last lines may still be in the pipe
        return process.exitValue();
    }

    String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
