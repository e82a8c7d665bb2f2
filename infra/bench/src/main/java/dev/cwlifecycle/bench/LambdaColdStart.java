package dev.cwlifecycle.bench;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * What Lambda's java21 runtime does, in a fresh JVM on the unpacked {@code function.zip}: load the handler class the
 * template names, construct it (Quarkus boots here), then take invocations from the Runtime API at
 * {@code AWS_LAMBDA_RUNTIME_API} and post each answer back, until the process is ended. This class is copied alone
 * next to the package and must need nothing beyond the JDK and aws-lambda-java-core.
 */
public final class LambdaColdStart implements Context, LambdaLogger {

    static final String HANDLER = "io.quarkus.funqy.lambda.FunqyStreamHandler";

    private final String requestId;
    private final long deadline;

    private LambdaColdStart(String requestId, long deadline) {
        this.requestId = requestId;
        this.deadline = deadline;
    }

    public static void main(String[] args) throws Exception {
        URI invocations = URI.create("http://" + System.getenv("AWS_LAMBDA_RUNTIME_API")
                + "/2018-06-01/runtime/invocation/");
        RequestStreamHandler handler = (RequestStreamHandler) Class.forName(HANDLER).getDeclaredConstructor()
                .newInstance();
        HttpClient http = HttpClient.newHttpClient();
        while (true) {
            HttpResponse<byte[]> next = http.send(HttpRequest.newBuilder(invocations.resolve("next")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            String id = next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
            long deadline = next.headers().firstValue("Lambda-Runtime-Deadline-Ms").map(Long::parseLong)
                    .orElse(System.currentTimeMillis() + 30_000);
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            String outcome = "/response";
            try {
                handler.handleRequest(new ByteArrayInputStream(next.body()), response,
                        new LambdaColdStart(id, deadline));
            } catch (Exception failure) {
                // what the java21 runtime reports for a handler that throws
                outcome = "/error";
                response.reset();
                response.writeBytes(("{\"errorMessage\":" + quoted(String.valueOf(failure.getMessage()))
                        + ",\"errorType\":" + quoted(failure.getClass().getName()) + "}")
                        .getBytes(StandardCharsets.UTF_8));
            }
            http.send(HttpRequest.newBuilder(invocations.resolve(id + outcome))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(response.toByteArray())).build(),
                    HttpResponse.BodyHandlers.discarding());
        }
    }

    private static String quoted(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
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
