package dev.cwlifecycle.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The moto server that {@code .ci/moto.sh} started ({@code MOTO_ENDPOINT}), plus the two moto features a contract
 * test needs beyond the AWS API: IAM users made through moto's IAM query API, and IAM enforcement switched on and
 * off through {@code /moto-api/reset-auth} (moto checks signatures and policies only while it is on).
 */
public final class SecretsManagerMoto {

    public static final String ENDPOINT_VARIABLE = "MOTO_ENDPOINT";
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("<AccessKeyId>([^<]+)</AccessKeyId>");
    private static final Pattern SECRET_ACCESS_KEY = Pattern.compile("<SecretAccessKey>([^<]+)</SecretAccessKey>");

    /** An IAM user's access key. */
    public record AccessKey(String accessKeyId, String secretAccessKey) {
        @Override
        public String toString() {
            return "AccessKey[" + accessKeyId + "]";
        }
    }

    private final URI uri;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private SecretsManagerMoto(URI uri) {
        this.uri = uri;
    }

    /** moto from the environment: required in CI ({@code CI=true}), else its absence skips the caller. */
    private static final AtomicBoolean SKIP_EXPLAINED = new AtomicBoolean();

    public static SecretsManagerMoto fromEnvironment() {
        String endpoint = System.getenv(ENDPOINT_VARIABLE);
        if (endpoint == null || endpoint.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail("moto must run in CI: .ci/run starts it with .ci/moto.sh, which sets "
                        + ENDPOINT_VARIABLE);
            }
            String reason = ENDPOINT_VARIABLE + " is not set, so the moto contract test is skipped; start moto with "
                    + "`. .ci/moto.sh` (needs apt-get) to run it";
            // Surefire's console shows only a count of skipped tests: say why once, where the reader looks
            if (SKIP_EXPLAINED.compareAndSet(false, true)) {
                System.out.println("[SKIPPED] " + reason);
            }
            Assumptions.abort(reason);
        }
        return new SecretsManagerMoto(URI.create(endpoint));
    }

    public URI uri() {
        return uri;
    }

    /** A new IAM user with an access key and, unless {@code policyJson} is null, that inline policy. */
    public AccessKey user(String userName, String policyJson) {
        iam("Action=CreateUser&UserName=" + userName);
        if (policyJson != null) {
            iam("Action=PutUserPolicy&UserName=" + userName + "&PolicyName=cw-lifecycle-test&PolicyDocument="
                    + URLEncoder.encode(policyJson, StandardCharsets.UTF_8));
        }
        String answer = iam("Action=CreateAccessKey&UserName=" + userName);
        return new AccessKey(first(ACCESS_KEY_ID, answer), first(SECRET_ACCESS_KEY, answer));
    }

    /** From now on every request must be signed by a known user and allowed by its policies. */
    public void enforceIam() {
        resetAuth("0");
    }

    /** Back to moto's default: no signature or policy checks. */
    public void relaxIam() {
        resetAuth("inf");
    }

    private void resetAuth(String initialNoAuthActionCount) {
        post(uri.resolve("/moto-api/reset-auth"), initialNoAuthActionCount, "text/plain", null);
    }

    /** moto routes a request to IAM by the credential scope; without enforcement the signature is not checked. */
    private String iam(String form) {
        return post(uri, form + "&Version=2010-05-08", "application/x-www-form-urlencoded; charset=utf-8",
                "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/iam/aws4_request, SignedHeaders=host, "
                        + "Signature=0");
    }

    private String post(URI target, String body, String contentType, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("moto answered " + response.statusCode() + " to " + target + ": "
                        + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("moto at " + uri + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted talking to moto", e);
        }
    }

    private static String first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("moto's IAM answer lacks " + pattern.pattern());
        }
        return matcher.group(1);
    }
}
