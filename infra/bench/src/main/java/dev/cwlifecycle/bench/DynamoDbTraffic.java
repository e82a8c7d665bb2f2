package dev.cwlifecycle.bench;

import jakarta.inject.Singleton;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * Counts every request the functions' DynamoDB client sends ({@code quarkus.dynamodb.interceptors}) and the
 * capacity units DynamoDB reports for it: the interceptor asks for {@code ReturnConsumedCapacity=INDEXES} on the
 * item, batch and query operations the stores use, which changes nothing else about them. A conditional write DynamoDB
 * refuses reports nothing but is billed all the same: it counts as one write unit (every item here is under 1 KB).
 */
@Singleton
public class DynamoDbTraffic implements ExecutionInterceptor {

    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("cw-bench-started-nanos");

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong nanos = new AtomicLong();
    private int inFlight;
    private long busySince;
    private long busyNanos;
    private final DoubleAdder readUnits = new DoubleAdder();
    private final DoubleAdder writeUnits = new DoubleAdder();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        long now = System.nanoTime();
        attributes.putAttribute(STARTED, now);
        synchronized (this) {
            if (inFlight++ == 0) {
                busySince = now;
            }
        }
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        if (request instanceof PutItemRequest put) {
            return put.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
        }
        if (request instanceof UpdateItemRequest update) {
            return update.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
        }
        if (request instanceof DeleteItemRequest delete) {
            return delete.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
        }
        if (request instanceof GetItemRequest get) {
            return get.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
        }
        if (request instanceof QueryRequest query) {
            return query.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
        }
        if (request instanceof BatchWriteItemRequest batch) {
            return batch.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
        }
        if (request instanceof BatchGetItemRequest batch) {
            return batch.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
        }
        return request;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        finished(attributes);
        SdkResponse response = context.response();
        if (response instanceof PutItemResponse put) {
            writeUnits.add(units(put.consumedCapacity()));
        } else if (response instanceof UpdateItemResponse update) {
            writeUnits.add(units(update.consumedCapacity()));
        } else if (response instanceof DeleteItemResponse delete) {
            writeUnits.add(units(delete.consumedCapacity()));
        } else if (response instanceof GetItemResponse get) {
            readUnits.add(units(get.consumedCapacity()));
        } else if (response instanceof QueryResponse query) {
            readUnits.add(units(query.consumedCapacity()));
        } else if (response instanceof BatchWriteItemResponse batch) {
            writeUnits.add(units(batch.consumedCapacity()));
        } else if (response instanceof BatchGetItemResponse batch) {
            readUnits.add(units(batch.consumedCapacity()));
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        finished(attributes);
        if (context.exception() instanceof ConditionalCheckFailedException) {
            writeUnits.add(1);
        }
    }

    /** Everything counted so far; subtract an earlier snapshot to get one operation's share. */
    public DynamoDbUsage snapshot() {
        long busy;
        synchronized (this) {
            busy = busyNanos;
        }
        return new DynamoDbUsage(requests.get(), readUnits.sum(), writeUnits.sum(), nanos.get() / 1e6, busy / 1e6);
    }

    private void finished(ExecutionAttributes attributes) {
        long now = System.nanoTime();
        requests.incrementAndGet();
        Long started = attributes.getAttribute(STARTED);
        if (started != null) {
            nanos.addAndGet(now - started);
            synchronized (this) {
                if (--inFlight == 0) {
                    busyNanos += now - busySince;
                }
            }
        }
    }

    /** A batch reports one entry per table. */
    private static double units(List<ConsumedCapacity> perTable) {
        return perTable.stream().mapToDouble(DynamoDbTraffic::units).sum();
    }

    private static double units(ConsumedCapacity capacity) {
        return capacity == null || capacity.capacityUnits() == null ? 0 : capacity.capacityUnits();
    }
}
