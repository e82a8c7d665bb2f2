package dev.cwlifecycle.local;

import dev.cwlifecycle.store.StoreConfig;
import dev.cwlifecycle.store.Tables;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.WithDefault;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What template.yaml must agree on with the code: the tables (keys, attribute types, index, TTL), one function per
 * module with its Funqy export, environment variables that name real configuration properties and the right
 * tables, each function's timeout as the code knows it, and the routes. {@link #problems} lists every mismatch.
 */
final class TemplateCheck {

    private static final Pattern CODE_URI = Pattern.compile("functions/([a-z]+)/target/function\\.zip");
    private static final Pattern PROPERTY_REFERENCE = Pattern.compile("\\$\\{([a-z0-9.-]+)");
    private static final Map<String, String> TABLE_ENV = Map.of(
            "CW_STORE_IDEMPOTENCY_TABLE", "IdempotencyTable",
            "CW_STORE_SYNC_STATE_TABLE", "SyncStateTable",
            "CW_STORE_DIRECTORY_TABLE", "DirectoryTable");

    private final Path repository;
    private final List<Class<?>> configMappings;
    private final List<String> problems = new ArrayList<>();

    TemplateCheck(Path repository, List<Class<?>> configMappings) {
        this.repository = repository;
        this.configMappings = configMappings;
    }

    List<String> problems(Map<String, Object> template) {
        Map<String, Object> resources = map(template.get("Resources"));
        checkTables(resources);
        checkFunctions(map(map(template.get("Globals")).get("Function")), resources);
        checkRoutes(resources);
        return problems;
    }

    private void checkTables(Map<String, Object> resources) {
        Tables tables = new Tables(storeDefaults());
        checkTable("IdempotencyTable", tables.idempotency(), resources);
        checkTable("SyncStateTable", tables.syncState(), resources);
        checkTable("DirectoryTable", tables.directory(), resources);
        Object ttl = path(resources, "IdempotencyTable", "Properties", "TimeToLiveSpecification");
        expect(Map.of("AttributeName", Tables.IDEMPOTENCY_EXPIRES_AT, "Enabled", true), ttl,
                "IdempotencyTable TTL");
    }

    private void checkTable(String name, CreateTableRequest code, Map<String, Object> resources) {
        Map<String, Object> properties = map(path(resources, name, "Properties"));
        expect("PAY_PER_REQUEST", properties.get("BillingMode"), name + " BillingMode");
        expect(code.keySchema().stream().map(k -> k.attributeName() + ":" + k.keyTypeAsString()).toList(),
                list(properties.get("KeySchema")).stream().map(k -> map(k).get("AttributeName") + ":"
                        + map(k).get("KeyType")).toList(), name + " KeySchema");
        expect(code.attributeDefinitions().stream().map(a -> a.attributeName() + ":" + a.attributeTypeAsString())
                        .collect(Collectors.toSet()),
                list(properties.get("AttributeDefinitions")).stream().map(a -> map(a).get("AttributeName") + ":"
                        + map(a).get("AttributeType")).collect(Collectors.toSet()), name + " AttributeDefinitions");
        expect(code.globalSecondaryIndexes().stream().map(index -> index.indexName() + "("
                        + index.keySchema().stream().map(k -> k.attributeName() + ":" + k.keyTypeAsString())
                        .collect(Collectors.joining(",")) + ")" + index.projection().projectionTypeAsString())
                        .collect(Collectors.toSet()),
                list(properties.getOrDefault("GlobalSecondaryIndexes", List.of())).stream().map(i -> map(i))
                        .map(index -> index.get("IndexName") + "(" + list(index.get("KeySchema")).stream()
                                .map(k -> map(k).get("AttributeName") + ":" + map(k).get("KeyType"))
                                .collect(Collectors.joining(",")) + ")" + map(index.get("Projection"))
                                .get("ProjectionType")).collect(Collectors.toSet()), name + " indexes");
        expect(true, path(properties, "PointInTimeRecoverySpecification", "PointInTimeRecoveryEnabled"),
                name + " point-in-time recovery");
        expect(true, path(properties, "SSESpecification", "SSEEnabled"), name + " encryption");
    }

    private void checkFunctions(Map<String, Object> globals, Map<String, Object> resources) {
        Set<String> modules = new TreeSet<>();
        Set<String> knownEnv = knownEnvironmentVariables();
        Map<String, Object> globalEnv = map(path(globals, "Environment", "Variables"));
        resources.forEach((name, value) -> {
            Map<String, Object> resource = map(value);
            if (!"AWS::Serverless::Function".equals(resource.get("Type"))) {
                return;
            }
            Map<String, Object> properties = map(resource.get("Properties"));
            Matcher codeUri = CODE_URI.matcher(String.valueOf(properties.get("CodeUri")));
            if (!codeUri.matches()) {
                problems.add(name + " CodeUri is not functions/<module>/target/function.zip");
                return;
            }
            String module = codeUri.group(1);
            modules.add(module);
            expect(module, funqyExport(module), name + " Funqy export of module " + module);
            Map<String, Object> env = new HashMap<>(globalEnv);
            env.putAll(map(path(properties, "Environment", "Variables")));
            env.forEach((variable, setting) -> {
                if (variable.startsWith("CW_") && !knownEnv.contains(variable)) {
                    problems.add(name + " sets " + variable + ", which names no configuration property");
                }
                if (TABLE_ENV.containsKey(variable)) {
                    expect(Map.of("Ref", TABLE_ENV.get(variable)), setting, name + " " + variable);
                }
            });
            Object timeout = properties.getOrDefault("Timeout", globals.get("Timeout"));
            expect("PT" + timeout + "S", env.get("CW_FUNCTION_TIMEOUT"), name + " CW_FUNCTION_TIMEOUT vs Timeout");
        });
        expect(Set.of("callback", "deprovision", "provision", "sync"), modules, "function modules");
    }

    private void checkRoutes(Map<String, Object> resources) {
        Map<String, String> integrationFunction = new HashMap<>();
        resources.forEach((name, value) -> {
            Map<String, Object> resource = map(value);
            if ("AWS::ApiGatewayV2::Integration".equals(resource.get("Type"))) {
                Object uri = path(resource, "Properties", "IntegrationUri");
                String target = String.valueOf(map(uri).get("Ref")).replace(".Alias", "");
                integrationFunction.put(name, target);
            }
        });
        Map<String, String> templateRoutes = new HashMap<>();
        Map<String, Boolean> templateAuth = new HashMap<>();
        resources.forEach((name, value) -> {
            Map<String, Object> resource = map(value);
            if ("AWS::ApiGatewayV2::Route".equals(resource.get("Type"))) {
                Map<String, Object> properties = map(resource.get("Properties"));
                String integration = String.valueOf(map(properties.get("Target")).get("Fn::Sub"))
                        .replaceAll("integrations/\\$\\{(\\w+)}", "$1");
                String routeKey = String.valueOf(properties.get("RouteKey"));
                templateRoutes.put(routeKey, integrationFunction.get(integration));
                templateAuth.put(routeKey, !"NONE".equals(properties.get("AuthorizationType")));
            }
        });
        Map<String, String> codeRoutes = new HashMap<>();
        Map<String, Boolean> codeAuth = new HashMap<>();
        LocalRoutes.ALL.forEach(route -> {
            codeRoutes.put(route.routeKey(), capitalised(route.function()) + "Function");
            codeAuth.put(route.routeKey(), route.callerAuthenticated());
        });
        expect(codeRoutes, templateRoutes, "routes");
        expect(codeAuth, templateAuth, "route authorization");
    }

    /** Every {@code cw.*} property the code reads, as the environment variable that sets it. */
    private Set<String> knownEnvironmentVariables() {
        Set<String> properties = new HashSet<>();
        for (Class<?> mapping : configMappings) {
            collect(mapping.getAnnotation(ConfigMapping.class).prefix(), mapping, properties);
        }
        return properties.stream().map(p -> p.toUpperCase().replaceAll("[^A-Z0-9]", "_")).collect(Collectors.toSet());
    }

    private static void collect(String prefix, Class<?> type, Set<String> properties) {
        for (Method method : type.getDeclaredMethods()) {
            if (method.getParameterCount() > 0 || method.isDefault() || java.lang.reflect.Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            String property = prefix + "." + method.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
            if (method.getReturnType().isInterface() && method.getReturnType().getEnclosingClass() == type) {
                collect(property, method.getReturnType(), properties);
            } else {
                properties.add(property);
            }
            WithDefault defaultValue = method.getAnnotation(WithDefault.class);
            if (defaultValue != null) {
                Matcher reference = PROPERTY_REFERENCE.matcher(defaultValue.value());
                while (reference.find()) {
                    properties.add(reference.group(1));
                }
            }
        }
    }

    private String funqyExport(String module) {
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(repository.resolve("functions/" + module
                + "/src/main/resources/application.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("quarkus.funqy.export");
    }

    private static StoreConfig storeDefaults() {
        return new SmallRyeConfigBuilder().addDefaultInterceptors().withMapping(StoreConfig.class).build()
                .getConfigMapping(StoreConfig.class);
    }

    private void expect(Object code, Object template, String what) {
        if (!Objects.equals(code, template)) {
            problems.add(what + ": the code has " + code + ", template.yaml has " + template);
        }
    }

    private static String capitalised(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static Object path(Map<String, Object> root, String... keys) {
        Object current = root;
        for (String key : keys) {
            current = current == null ? null : map(current).get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }
}
