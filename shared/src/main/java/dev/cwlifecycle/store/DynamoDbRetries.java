package dev.cwlifecycle.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * DynamoDB's one retry mechanism: the AWS SDK's standard strategy (throttling, 5xx and I/O failures, exponential
 * backoff with jitter), {@code cw.store.max-attempts} attempts per call, on the client Quarkiverse builds from
 * {@code quarkus.dynamodb.*}. The stores never retry by hand; their conditional writes recognise their own earlier
 * write when a retry finds it applied.
 */
@ApplicationScoped
public class DynamoDbRetries {

    @Produces
    @ApplicationScoped
    DynamoDbClient dynamoDb(DynamoDbClientBuilder builder, StoreConfig config) {
        return builder.overrideConfiguration(builder.overrideConfiguration().toBuilder()
                .retryStrategy(strategy(config.maxAttempts())).build()).build();
    }

    /** The SDK's standard strategy with {@code maxAttempts} attempts, the first included. */
    public static StandardRetryStrategy strategy(int maxAttempts) {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(maxAttempts).build();
    }
}
