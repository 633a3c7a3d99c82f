package sandbox.itests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;

/** Runs Gogo commands the way the shell does and returns what a user would see. */
public final class GogoSession {

    /** What one command printed, what it returned (formatted as the shell prints it) and what it threw. */
    public record Output(String out, String err, Exception failure) {
        /** @return everything the user would see, failure message included */
        public String text() {
            return out + err + (failure == null ? "" : failure.getMessage());
        }
    }

    private GogoSession() {
    }

    /**
     * @param processor the Gogo runtime's command processor
     * @param command a command line, e.g. {@code sandbox:run example.hello}
     * @return its output; a command that throws is an {@link Output} with a failure, not an exception
     */
    public static Output run(CommandProcessor processor, String command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Exception failure = null;
        try (CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]), out, err)) {
            try {
                Object result = session.execute(command);
                if (result != null) {
                    out.write(String.valueOf(session.format(result, Converter.INSPECT)).getBytes(StandardCharsets.UTF_8));
                }
            } catch (Exception e) {
                failure = e;
            }
        }
        return new Output(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), failure);
    }
}
