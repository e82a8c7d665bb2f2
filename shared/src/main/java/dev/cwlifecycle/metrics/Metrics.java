package dev.cwlifecycle.metrics;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cwlifecycle.gateway.IdempotentRequests;
import dev.cwlifecycle.gateway.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import software.amazon.cloudwatchlogs.emf.environment.Environment;
import software.amazon.cloudwatchlogs.emf.logger.MetricsLogger;
import software.amazon.cloudwatchlogs.emf.model.DimensionSet;
import software.amazon.cloudwatchlogs.emf.model.Unit;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one invocation did, emitted when it ends as one CloudWatch Embedded Metric Format record per tenant through
 * aws-embedded-metrics, in namespace {@code cw-lifecycle} with the dimension sets {@code [function]} (what alarms
 * watch) and {@code [function, tenant]}. A Lambda instance runs one invocation at a time, so what is pending when
 * its edge emits is that invocation's. Recording never fails an invocation: a metric that cannot be written is
 * logged and dropped.
 */
@ApplicationScoped
public class Metrics {

    private static final Logger LOG = Logger.getLogger(Metrics.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Environment environment;
    /** tenant → metric → value, in the order first recorded. */
    private final Map<String, Map<String, Value>> pending = new LinkedHashMap<>();

    private record Value(double amount, Unit unit) {
        Value plus(double more) {
            return new Value(amount + more, unit);
        }
    }

    @Inject
    public Metrics(Environment environment) {
        this.environment = environment;
    }

    public void count(String tenant, String metric) {
        add(tenant, metric, 1, Unit.COUNT);
    }

    public synchronized void add(String tenant, String metric, double amount, Unit unit) {
        pending.computeIfAbsent(tenant, any -> new LinkedHashMap<>())
                .merge(metric, new Value(amount, unit), (old, added) -> old.plus(added.amount()));
    }

    /** One attempt sent to ConnectWise: its status (0 when no answer came) and which attempt of its request it was. */
    public void connectWiseAttempt(String tenant, int status, int attempt) {
        count(tenant, MetricNames.connectWiseRequests(status));
        if (attempt > 1) {
            count(tenant, MetricNames.CONNECTWISE_RETRIES);
        }
        switch (status) {
            case 401 -> count(tenant, MetricNames.CONNECTWISE_UNAUTHORIZED);
            case 403 -> count(tenant, MetricNames.CONNECTWISE_FORBIDDEN);
            case 429 -> count(tenant, MetricNames.CONNECTWISE_THROTTLED);
            default -> {
            }
        }
    }

    public void secretRead(String tenant) {
        count(tenant, MetricNames.SECRET_READS);
    }

    /**
     * The outcome of an API answer, read from the answer itself so the metric always says what the caller got: a
     * replay, the {@code outcome} or {@code action} of a 2xx body, else the problem's type.
     *
     * @param tenant the authenticated caller's tenant, or null before authentication
     */
    public void answered(String function, String tenant, APIGatewayV2HTTPResponse response) {
        count(tenant == null ? MetricNames.NO_TENANT : tenant, outcome(function, response));
    }

    static String outcome(String function, APIGatewayV2HTTPResponse response) {
        int status = response.getStatusCode();
        Map<String, String> headers = response.getHeaders() == null ? Map.of() : response.getHeaders();
        if (status / 100 == 2 && "true".equals(headers.get(IdempotentRequests.REPLAYED_HEADER))) {
            return MetricNames.outcome(function, "replayed");
        }
        JsonNode body = body(response);
        if (status / 100 == 2) {
            return MetricNames.outcome(function, body.path("outcome").asText(body.path("action").asText("ok")));
        }
        String type = body.path("type").asText("").replace(Problem.TYPE_PREFIX, "");
        String problem = type.isEmpty() ? Integer.toString(status) : type;
        return status == 429 || status >= 500 ? MetricNames.failed(function, problem)
                : MetricNames.refused(function, problem);
    }

    private static JsonNode body(APIGatewayV2HTTPResponse response) {
        try {
            return response.getBody() == null ? JSON.missingNode() : JSON.readTree(response.getBody());
        } catch (IOException notJson) {
            return JSON.missingNode();
        }
    }

    /** Writes what is pending, one record per tenant, and forgets it. */
    public void emit(String function) {
        Map<String, Map<String, Value>> drained;
        synchronized (this) {
            drained = new LinkedHashMap<>(pending);
            pending.clear();
        }
        drained.forEach((tenant, values) -> {
            try {
                MetricsLogger record = new MetricsLogger(environment);
                record.setNamespace(MetricNames.NAMESPACE);
                record.setDimensions(DimensionSet.of(MetricNames.FUNCTION, function),
                        DimensionSet.of(MetricNames.FUNCTION, function, MetricNames.TENANT, tenant));
                for (Map.Entry<String, Value> value : values.entrySet()) {
                    record.putMetric(value.getKey(), value.getValue().amount(), value.getValue().unit());
                }
                record.flush();
            } catch (Exception unwritable) {
                LOG.warnf("metrics of %s for tenant %s dropped: %s", function, tenant, unwritable.toString());
            }
        });
    }
}
