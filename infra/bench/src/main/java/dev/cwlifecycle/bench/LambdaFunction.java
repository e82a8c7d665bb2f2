package dev.cwlifecycle.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One function started cold as Lambda starts it, behind its own loopback {@link LambdaRuntimeApi}: the native
 * {@code bootstrap} of a {@code provided.al2023} package, or the JVM package under the java21 runtime's loop
 * ({@link LambdaColdStart}). Its environment is the one {@code template.yaml} gives, with the local credentials
 * source and DynamoDB Local.
 */
final class LambdaFunction implements AutoCloseable {

    /** Close to how Lambda's Java runtime starts the JVM (serial collector, C1 only); a heap for 1024 MB. */
    static final List<String> LAMBDA_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Xshare:auto", "-Xmx870m");
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(120);

    private final String function;
    private final LambdaRuntimeApi api;
    private final JavaProcess process;

    private LambdaFunction(String function, LambdaRuntimeApi api, JavaProcess process) {
        this.function = function;
        this.api = api;
        this.process = process;
    }

    /** The native executable {@code bootstrap}, as {@code provided.al2023} runs it. */
    static LambdaFunction nativeImage(String function, Path bootstrap, Settings settings) {
        LambdaRuntimeApi api = LambdaRuntimeApi.start();
        return new LambdaFunction(function, api,
                JavaProcess.exec(List.of(bootstrap.toString()), settings.environment(function, api)));
    }

    /** The unpacked JVM package with the runtime loop in {@code harness}, as the java21 runtime runs it. */
    static LambdaFunction jvm(FunctionPackage unpacked, Path harness, Settings settings) {
        LambdaRuntimeApi api = LambdaRuntimeApi.start();
        return new LambdaFunction(unpacked.function(), api, JavaProcess.start(unpacked.classpath(harness),
                LAMBDA_JVM_OPTIONS, LambdaColdStart.class.getName(), List.of(),
                settings.environment(unpacked.function(), api)));
    }

    /** Where the functions find ConnectWise's credentials and DynamoDB Local. */
    record Settings(String credentialsFile, String dynamoEndpoint) {

        Map<String, String> environment(String function, LambdaRuntimeApi api) {
            return Map.ofEntries(
                    Map.entry("AWS_LAMBDA_RUNTIME_API", api.address()),
                    Map.entry("AWS_REGION", "us-east-1"),
                    Map.entry("DISABLE_SIGNAL_HANDLERS", "true"),
                    Map.entry("CW_FUNCTION_TIMEOUT", function.equals("sync") ? "PT300S" : "PT30S"),
                    Map.entry("CW_CREDENTIALS_SOURCE", "local"),
                    Map.entry("CW_CREDENTIALS_LOCAL_FILE", credentialsFile),
                    Map.entry("QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE", dynamoEndpoint),
                    Map.entry("QUARKUS_DYNAMODB_AWS_REGION", "us-east-1"),
                    Map.entry("QUARKUS_DYNAMODB_AWS_CREDENTIALS_TYPE", "static"),
                    Map.entry("QUARKUS_DYNAMODB_AWS_CREDENTIALS_STATIC_PROVIDER_ACCESS_KEY_ID", "local"),
                    Map.entry("QUARKUS_DYNAMODB_AWS_CREDENTIALS_STATIC_PROVIDER_SECRET_ACCESS_KEY", "local"));
        }
    }

    String function() {
        return function;
    }

    /** Hands {@code event} to the function and waits for its answer; fails with its output if it dies. */
    LambdaRuntimeApi.Answer invoke(String event) {
        try {
            return api.invoke(event, ANSWER_TIMEOUT, process::alive);
        } catch (IllegalStateException failure) {
            List<String> output = process.output();
            throw new IllegalStateException(function + ": " + failure.getMessage() + "; its last output: "
                    + String.join(" | ", output.subList(Math.max(0, output.size() - 5), output.size())), failure);
        }
    }

    /** Time from just before the process was started until now. */
    Duration sinceStart() {
        return process.sinceStart();
    }

    long residentBytes() {
        return process.residentBytes();
    }

    /** Every line the function logged so far. */
    List<String> output() {
        return process.output();
    }

    @Override
    public void close() {
        process.close();
        api.close();
    }
}
