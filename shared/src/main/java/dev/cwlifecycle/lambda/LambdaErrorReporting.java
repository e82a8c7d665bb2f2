package dev.cwlifecycle.lambda;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A native function that throws reports the error to Lambda as Quarkus' {@code FunctionError}, written by Jackson;
 * funqy-amazon-lambda leaves that class unregistered, so without this the native runtime cannot serialise the error
 * and exits instead (found by {@code ./run-native-check}: a sync run given an unknown mode).
 */
@RegisterForReflection(classNames = "io.quarkus.amazon.lambda.runtime.FunctionError")
final class LambdaErrorReporting {

    private LambdaErrorReporting() {
    }
}
