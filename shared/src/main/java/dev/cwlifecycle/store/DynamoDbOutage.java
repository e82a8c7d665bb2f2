package dev.cwlifecycle.store;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/** A DynamoDB failure that says nothing about the request: no answer at all, throttling, or a service-side error. */
public final class DynamoDbOutage {

    private DynamoDbOutage() {
    }

    /** True when the same request may well go through a moment later. */
    public static boolean is(Throwable failure) {
        return failure instanceof SdkClientException
                || failure instanceof SdkServiceException service
                && (service.isThrottlingException() || service.statusCode() >= 500);
    }
}
