package dev.cwlifecycle.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cwlifecycle.metrics.MetricNames;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import static dev.cwlifecycle.local.CloudFormationYaml.list;
import static dev.cwlifecycle.local.CloudFormationYaml.map;
import static dev.cwlifecycle.local.CloudFormationYaml.path;

/**
 * What an operator relies on in template.yaml: the runtime default that matches the easy build, the architecture
 * parameter, JSON access logs keyed by the correlation id, the alarm topic with its optional email subscription,
 * and an alarm on every signal README "Operations" names, each on a metric the code emits. {@link #problems} lists
 * every gap.
 */
final class OperationsCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FUNCTIONS = List.of("provision", "deprovision", "mover", "sync", "callback",
            "members", "scim");
    private static final String TOPIC = "AlarmTopic";

    /** One metric an alarm watches: namespace, name, and its dimensions as written in the template. */
    record Watched(String namespace, String metric, Map<String, Object> dimensions) {
    }

    private final List<String> problems = new ArrayList<>();

    List<String> problems(Map<String, Object> template) {
        Map<String, Object> parameters = map(template.get("Parameters"));
        Map<String, Object> resources = map(template.get("Resources"));
        checkRuntimeAndArchitecture(parameters, map(map(template.get("Globals")).get("Function")));
        checkAccessLogs(resources);
        checkAlarmTopic(parameters, map(template.get("Conditions")), resources);
        checkAlarms(resources);
        return problems;
    }

    /** {@code ./mvnw package} builds JVM zips: a native default would deploy them onto a runtime they cannot run on. */
    private void checkRuntimeAndArchitecture(Map<String, Object> parameters, Map<String, Object> globals) {
        expect("jvm", path(parameters, "Runtime", "Default"), "Runtime default (what ./mvnw package builds)");
        expect(List.of("x86_64", "arm64"), path(parameters, "Architectures", "AllowedValues"),
                "Architectures allowed values");
        expect(List.of(Map.of("Ref", "Architectures")), globals.get("Architectures"), "Globals Architectures");
        if (globals.containsKey("Tracing")) {
            problems.add("Globals set Tracing, but no call is instrumented");
        }
    }

    private void checkAccessLogs(Map<String, Object> resources) {
        Map<String, Object> settings = map(path(resources, "HttpApiStage", "Properties", "AccessLogSettings"));
        List<Object> destination = list(map(settings.get("DestinationArn")).get("Fn::GetAtt"));
        String group = destination.isEmpty() ? null : String.valueOf(destination.get(0));
        if (group == null || !"AWS::Logs::LogGroup".equals(path(resources, group, "Type"))) {
            problems.add("HttpApiStage access logs do not go to a log group of the stack: " + settings);
        } else {
            expect(Map.of("Ref", "LogRetentionDays"), path(resources, group, "Properties", "RetentionInDays"),
                    group + " retention");
        }
        try {
            JsonNode format = JSON.readTree(String.valueOf(settings.get("Format")));
            expect("$context.requestId", format.path("requestId").asText(null),
                    "access log requestId (the functions' correlationId)");
        } catch (IOException notJson) {
            problems.add("HttpApiStage access log format is not JSON: " + settings.get("Format"));
        }
    }

    private void checkAlarmTopic(Map<String, Object> parameters, Map<String, Object> conditions,
                                 Map<String, Object> resources) {
        expect("", path(parameters, "AlarmEmail", "Default"), "AlarmEmail default (optional)");
        expect("AWS::SNS::Topic", path(resources, TOPIC, "Type"), TOPIC);
        List<Map<String, Object>> subscriptions = resources.values().stream().map(CloudFormationYaml::map)
                .filter(resource -> "AWS::SNS::Subscription".equals(resource.get("Type"))).toList();
        if (subscriptions.size() != 1) {
            problems.add("expected one SNS subscription, found " + subscriptions.size());
            return;
        }
        Map<String, Object> subscription = subscriptions.get(0);
        expect(Map.of("Ref", TOPIC), path(subscription, "Properties", "TopicArn"), "subscription topic");
        expect("email", path(subscription, "Properties", "Protocol"), "subscription protocol");
        expect(Map.of("Ref", "AlarmEmail"), path(subscription, "Properties", "Endpoint"), "subscription endpoint");
        Object condition = conditions.get(String.valueOf(subscription.get("Condition")));
        expect(Map.of("Fn::Not", List.of(Map.of("Fn::Equals", List.of(Map.of("Ref", "AlarmEmail"), "")))), condition,
                "subscription condition (only when AlarmEmail is given)");
    }

    private void checkAlarms(Map<String, Object> resources) {
        List<Watched> watched = new ArrayList<>();
        resources.forEach((name, value) -> {
            Map<String, Object> resource = map(value);
            if (!"AWS::CloudWatch::Alarm".equals(resource.get("Type"))) {
                return;
            }
            Map<String, Object> alarm = map(resource.get("Properties"));
            expect(List.of(Map.of("Ref", TOPIC)), alarm.get("AlarmActions"), name + " AlarmActions");
            if (alarm.containsKey("MetricName")) {
                watched.add(new Watched(String.valueOf(alarm.get("Namespace")), String.valueOf(alarm.get("MetricName")),
                        dimensions(alarm.get("Dimensions"))));
            }
            for (Object query : list(alarm.get("Metrics"))) {
                Map<String, Object> metric = map(path(map(query), "MetricStat", "Metric"));
                if (!metric.isEmpty()) {
                    watched.add(new Watched(String.valueOf(metric.get("Namespace")),
                            String.valueOf(metric.get("MetricName")), dimensions(metric.get("Dimensions"))));
                }
            }
        });
        Set<String> missing = new TreeSet<>();
        for (String function : FUNCTIONS) {
            String logicalId = Character.toUpperCase(function.charAt(0)) + function.substring(1) + "Function";
            require(watched, new Watched("AWS/Lambda", "Errors", Map.of("FunctionName", Map.of("Ref", logicalId))),
                    missing);
            require(watched, emf(MetricNames.CONNECTWISE_UNAUTHORIZED, function), missing);
            require(watched, emf(MetricNames.CONNECTWISE_FORBIDDEN, function), missing);
        }
        require(watched, new Watched("AWS/ApiGateway", "5xx",
                Map.of("ApiId", Map.of("Ref", "HttpApi"), "Stage", "$default")), missing);
        require(watched, emf(MetricNames.SYNC_NOT_COMPLETE, "sync"), missing);
        require(watched, emf(MetricNames.CALLBACK_SIGNATURE_REFUSED, "callback"), missing);
        require(watched, emf(MetricNames.CALLBACK_KEY_URL_REFUSED, "callback"), missing);
        for (String queue : queues(resources)) {
            require(watched, new Watched("AWS/SQS", "ApproximateNumberOfMessagesVisible",
                    Map.of("QueueName", Map.of("Fn::GetAtt", List.of(queue, "QueueName")))), missing);
        }
        missing.forEach(alarm -> problems.add("no alarm watches " + alarm));
    }

    /** SyncFailures and the dead-letter queue SAM makes for each schedule (its QueueLogicalId). */
    private List<String> queues(Map<String, Object> resources) {
        List<String> queues = new ArrayList<>(List.of("SyncFailures"));
        map(path(resources, "SyncFunction", "Properties", "Events")).forEach((event, value) -> {
            Object queue = path(map(value), "Properties", "DeadLetterConfig", "QueueLogicalId");
            if (queue == null) {
                problems.add("schedule " + event + " has no named dead-letter queue (DeadLetterConfig.QueueLogicalId)");
            } else {
                queues.add(String.valueOf(queue));
            }
        });
        return queues;
    }

    private static Watched emf(String metric, String function) {
        return new Watched(MetricNames.NAMESPACE, metric, Map.of(MetricNames.FUNCTION, function));
    }

    private static void require(List<Watched> watched, Watched expected, Set<String> missing) {
        if (!watched.contains(expected)) {
            missing.add(expected.toString());
        }
    }

    private static Map<String, Object> dimensions(Object dimensions) {
        Map<String, Object> byName = new java.util.TreeMap<>();
        list(dimensions).forEach(dimension -> byName.put(String.valueOf(map(dimension).get("Name")),
                map(dimension).get("Value")));
        return byName;
    }

    private void expect(Object wanted, Object template, String what) {
        if (!Objects.equals(wanted, template)) {
            problems.add(what + ": expected " + wanted + ", template.yaml has " + template);
        }
    }
}
