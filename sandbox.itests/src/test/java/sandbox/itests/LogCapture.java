package sandbox.itests;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records what a java.util.logging logger receives while open. FileInstall logs to the JUL logger
 * {@value #FILEINSTALL} because the test container sets {@code felix.fileinstall.log.default=jul}.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    /** The JUL logger name FileInstall 3.7 uses. */
    public static final String FILEINSTALL = "fileinstall";

    private final Logger logger;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private LogCapture(Logger logger) {
        this.logger = logger;
        setLevel(Level.ALL);
        logger.addHandler(this);
    }

    /** @return a capture of the named logger, open until {@link #close()} */
    public static LogCapture of(String loggerName) {
        return new LogCapture(Logger.getLogger(loggerName));
    }

    /** @return the records at {@code level} or above whose message or cause contains {@code text} */
    public List<LogRecord> find(Level level, String text) {
        return records.stream()
                .filter(r -> r.getLevel().intValue() >= level.intValue())
                .filter(r -> describe(r).contains(text))
                .toList();
    }

    /** @return every record so far, one per line, for failure messages */
    public String dump() {
        StringBuilder text = new StringBuilder();
        records.forEach(r -> text.append(r.getLevel()).append(' ').append(describe(r)).append('\n'));
        return text.toString();
    }

    private static String describe(LogRecord record) {
        Throwable thrown = record.getThrown();
        return record.getMessage() + (thrown == null ? "" : " | " + thrown);
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
