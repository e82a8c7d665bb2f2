package dev.cwlifecycle.gateway;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One problem with one input field, e.g. {@code {"field":"email","message":"is not an email address"}}. */
@RegisterForReflection
public record InvalidField(String field, String message) {
}
