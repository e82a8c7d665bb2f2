package dev.cwlifecycle.credentials;

import org.jboss.logmanager.formatters.PatternFormatter;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Every record of the given categories at every level, rendered as a log file would show it (formatted message,
 * stack trace with causes), while open. JBoss Logging and the AWS SDK's SLF4J both end up in these JUL loggers.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private record Saved(Logger logger, Level level, boolean useParentHandlers) {
    }

    private final Formatter format = new PatternFormatter("%p %c %s%n%e");
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<Saved> saved = new ArrayList<>();

    private LogCapture(String... categories) {
        setLevel(Level.ALL);
        for (String category : categories) {
            Logger logger = Logger.getLogger(category);
            saved.add(new Saved(logger, logger.getLevel(), logger.getUseParentHandlers()));
            logger.setLevel(Level.ALL);
            logger.setUseParentHandlers(false);
            logger.addHandler(this);
        }
    }

    public static LogCapture of(String... categories) {
        return new LogCapture(categories);
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void publish(LogRecord record) {
        lines.add(format.format(record));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        for (Saved entry : saved) {
            entry.logger().removeHandler(this);
            entry.logger().setLevel(entry.level());
            entry.logger().setUseParentHandlers(entry.useParentHandlers());
        }
    }
}
