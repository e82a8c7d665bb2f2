package dev.cwlifecycle.local;

import io.quarkus.logging.LoggingFilter;
import org.jboss.logmanager.ExtLogRecord;

import java.util.List;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * The function modules' application.properties come along with their jars and name Lambda-only settings
 * ({@code quarkus.funqy.export}, the mock event server's test port) that this server, without the Lambda runtime,
 * does not know. Only those warnings are dropped: an unknown key the user gave is still reported.
 */
@LoggingFilter(name = "lambda-only-keys")
public final class LambdaOnlyKeys implements Filter {

    private static final List<String> LAMBDA_ONLY = List.of("\"quarkus.funqy.", "\"quarkus.lambda.");

    @Override
    public boolean isLoggable(LogRecord record) {
        String message = record instanceof ExtLogRecord extended ? extended.getFormattedMessage() : record.getMessage();
        return message == null || !message.startsWith("Unrecognized configuration key")
                || LAMBDA_ONLY.stream().noneMatch(message::contains);
    }
}
