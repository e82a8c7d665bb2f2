package dev.cwlifecycle.store;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;

/**
 * Instants as fixed-width UTC ISO-8601 strings (always nine fraction digits), so DynamoDB's string
 * comparison in condition expressions orders them by time and the console still shows a readable date.
 */
final class SortableInstant {

    private static final DateTimeFormatter FIXED_WIDTH = new DateTimeFormatterBuilder().appendInstant(9).toFormatter();

    private SortableInstant() {
    }

    static AttributeValue attribute(Instant instant) {
        return AttributeValue.fromS(FIXED_WIDTH.format(instant));
    }

    static Instant parse(AttributeValue value) {
        return value == null ? null : Instant.parse(value.s());
    }
}
