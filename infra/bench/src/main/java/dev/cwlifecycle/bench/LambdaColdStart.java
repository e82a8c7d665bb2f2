package dev.cwlifecycle.bench;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * What Lambda's java21 runtime does on a cold start, in a fresh JVM on the unpacked {@code function.zip}: load the
 * handler class the template names, construct it (Quarkus boots here) and hand it one event. Prints
 * {@code answered <response>} and then waits, so the bench can read the process's resident memory. This class is
 * copied alone next to the package and must need nothing beyond the JDK and aws-lambda-java-core.
 */
public final class LambdaColdStart implements Context, LambdaLogger {

    static final String HANDLER = "io.quarkus.funqy.lambda.FunqyStreamHandler";
    static final String ANSWERED = "answered ";

    private final String requestId = UUID.randomUUID().toString();
    private final long deadline = System.currentTimeMillis() + 30_000;

    /** {@code args[0]}: the file holding the event JSON. */
    public static void main(String[] args) throws Exception {
        byte[] event = Files.readAllBytes(Path.of(args[0]));
        RequestStreamHandler handler = (RequestStreamHandler) Class.forName(HANDLER).getDeclaredConstructor()
                .newInstance();
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), response, new LambdaColdStart());
        System.out.println(ANSWERED + response.toString(StandardCharsets.UTF_8).replace('\n', ' '));
        System.out.flush();
        System.in.read();
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/cw-lifecycle-bench";
    }

    @Override
    public String getLogStreamName() {
        return "cold-start";
    }

    @Override
    public String getFunctionName() {
        return "cw-lifecycle-bench";
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:123456789012:function:cw-lifecycle-bench";
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, deadline - System.currentTimeMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
        return this;
    }

    @Override
    public void log(String message) {
        System.out.println(message);
    }

    @Override
    public void log(byte[] message) {
        System.out.println(new String(message, StandardCharsets.UTF_8));
    }
}
