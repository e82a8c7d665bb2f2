package dev.cwlifecycle.local;

import dev.cwlifecycle.credentials.CredentialsConfig;
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

import static dev.cwlifecycle.local.CloudFormationYaml.list;
import static dev.cwlifecycle.local.CloudFormationYaml.map;
import static dev.cwlifecycle.local.CloudFormationYaml.path;

/**
 * What template.yaml must agree on with the code: the tables (keys, attribute types, indexes, TTL), one function per
 * module with its Funqy export, environment variables that name real configuration properties and the right
 * tables, the variables each function needs (the secret name pattern, its timeout, and the table of every table
 * its policy grants), the Query grant on each index a function reads, secret names inside the secrets its policy may
 * read, each function's timeout as the code knows it, and the routes. {@link #problems} lists every mismatch.
 */
final class TemplateCheck {

    private static final Pattern CODE_URI = Pattern.compile("functions/([a-z]+)/target/function\\.zip");
    private static final Pattern PROPERTY_REFERENCE = Pattern.compile("\\$\\{([a-z0-9.-]+)");
    private static final Map<String, String> TABLE_ENV = Map.of(
            "CW_STORE_IDEMPOTENCY_TABLE", "IdempotencyTable",
            "CW_STORE_SYNC_STATE_TABLE", "SyncStateTable",
            "CW_STORE_DIRECTORY_TABLE", "DirectoryTable");
    private static final String SECRET_NAME_PATTERN_ENV = "CW_CREDENTIALS_SECRET_NAME_PATTERN";
    /** Without these a function falls back to defaults that name no resource of the stack. */
    private static final List<String> EVERY_FUNCTION_ENV = List.of(SECRET_NAME_PATTERN_ENV, "CW_FUNCTION_TIMEOUT");
    private static final String TENANT_PLACEHOLDER = "{tenant}";
    /**
     * The directory index each function Queries: a grant on a table does not reach its indexes, and DynamoDB Local
     * checks no IAM, so only this check sees a missing one before AWS refuses the Query.
     */
    private static final Map<String, List<String>> DIRECTORY_INDEX_QUERIES = Map.of(
            "SyncFunction", List.of(Tables.DIRECTORY_PENDING_INDEX),
            "MembersFunction", List.of(Tables.DIRECTORY_IDENTIFIER_INDEX, Tables.DIRECTORY_EMAIL_INDEX),
            "ScimFunction", List.of(Tables.DIRECTORY_EMAIL_INDEX));
    private static final String DIRECTORY_INDEXES_ARN = "${DirectoryTable.Arn}/index/";

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
        checkFunctions(map(map(template.get("Globals")).get("Function")), resources, map(template.get("Parameters")));
        checkRoutes(resources);
        return problems;
    }

    private void checkTables(Map<String, Object> resources) {
        Tables tables = new Tables(defaults(StoreConfig.class));
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

    private void checkFunctions(Map<String, Object> globals, Map<String, Object> resources,
                                Map<String, Object> parameters) {
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
            List<Map<String, Object>> statements = statements(properties);
            checkRequiredEnv(name, env, statements);
            checkIndexQuery(name, statements);
            checkSecretAccess(name, env.get(SECRET_NAME_PATTERN_ENV), statements, parameters);
            Object timeout = properties.getOrDefault("Timeout", globals.get("Timeout"));
            expect("PT" + timeout + "S", env.get("CW_FUNCTION_TIMEOUT"), name + " CW_FUNCTION_TIMEOUT vs Timeout");
        });
        expect(Set.of("callback", "deprovision", "members", "mover", "provision", "scim", "sync"), modules, "function modules");
    }

    /** The variables every function reads, and the table variable of each table its policy grants actions on. */
    private void checkRequiredEnv(String function, Map<String, Object> env, List<Map<String, Object>> statements) {
        Set<String> required = new TreeSet<>(EVERY_FUNCTION_ENV);
        Set<String> granted = statements.stream().flatMap(statement -> list(statement.get("Resource")).stream())
                .map(resource -> list(map(resource).get("Fn::GetAtt")))
                .filter(getAtt -> !getAtt.isEmpty()).map(getAtt -> String.valueOf(getAtt.get(0)))
                .collect(Collectors.toSet());
        TABLE_ENV.forEach((variable, table) -> {
            if (granted.contains(table)) {
                required.add(variable);
            }
        });
        required.stream().filter(variable -> !env.containsKey(variable))
                .forEach(variable -> problems.add(function + " does not set " + variable + ", which it reads"));
    }

    /** The function may Query each index it reads: by the index's own ARN or every index of the table. */
    private void checkIndexQuery(String function, List<Map<String, Object>> statements) {
        for (String index : DIRECTORY_INDEX_QUERIES.getOrDefault(function, List.of())) {
            Set<String> granting = Set.of(DIRECTORY_INDEXES_ARN + index, DIRECTORY_INDEXES_ARN + "*");
            boolean granted = statements.stream()
                    .filter(statement -> list(statement.get("Action")).contains("dynamodb:Query"))
                    .flatMap(statement -> list(statement.get("Resource")).stream())
                    .anyMatch(resource -> resource instanceof Map<?, ?> sub && sub.get("Fn::Sub") instanceof String arn
                            && granting.contains(arn));
            if (!granted) {
                problems.add(function + " may not Query " + DIRECTORY_INDEXES_ARN + index);
            }
        }
    }

    /**
     * The secret name pattern is {@code <prefix>{tenant}}; the function may read exactly {@code <prefix>*}, and with
     * the parameters' defaults the pattern is the code's default.
     */
    private void checkSecretAccess(String function, Object patternSetting, List<Map<String, Object>> statements,
                                   Map<String, Object> parameters) {
        String pattern = patternSetting instanceof Map<?, ?> sub ? String.valueOf(sub.get("Fn::Sub"))
                : String.valueOf(patternSetting);
        if (!pattern.endsWith(TENANT_PLACEHOLDER)) {
            problems.add(function + " " + SECRET_NAME_PATTERN_ENV + " does not end in " + TENANT_PLACEHOLDER + ": "
                    + pattern);
            return;
        }
        String prefix = pattern.substring(0, pattern.length() - TENANT_PLACEHOLDER.length());
        List<String> readable = statements.stream()
                .filter(statement -> list(statement.get("Action")).contains("secretsmanager:GetSecretValue"))
                .flatMap(statement -> list(statement.get("Resource")).stream())
                .map(resource -> resource instanceof Map<?, ?> sub ? String.valueOf(sub.get("Fn::Sub"))
                        : String.valueOf(resource))
                .toList();
        if (readable.size() != 1 || !readable.get(0).endsWith(":secret:" + prefix + "*")) {
            problems.add(function + " may read secrets " + readable + ", not exactly those named " + prefix + "*");
        }
        String withDefaults = pattern;
        for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
            withDefaults = withDefaults.replace("${" + parameter.getKey() + "}",
                    String.valueOf(map(parameter.getValue()).get("Default")));
        }
        expect(defaults(CredentialsConfig.class).secretNamePattern(), withDefaults, function + " secret name pattern by default");
    }

    private static List<Map<String, Object>> statements(Map<String, Object> properties) {
        return list(properties.get("Policies")).stream().flatMap(policy -> list(map(policy).get("Statement")).stream())
                .map(CloudFormationYaml::map).toList();
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
        checkDocumentedRoutes(templateRoutes.keySet());
    }

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    /** docs/openapi.yaml documents exactly the template's routes, each method of each path one route key. */
    private void checkDocumentedRoutes(Set<String> templateRoutes) {
        Map<String, Object> document;
        try {
            document = new org.yaml.snakeyaml.Yaml().load(Files.readString(repository.resolve("docs/openapi.yaml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> documented = new TreeSet<>();
        map(document.get("paths")).forEach((path, operations) -> map(operations).keySet().stream()
                .filter(HTTP_METHODS::contains)
                .forEach(method -> documented.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path)));
        expect(new TreeSet<>(templateRoutes), documented, "routes in docs/openapi.yaml");
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

    private static <T> T defaults(Class<T> mapping) {
        return new SmallRyeConfigBuilder().addDefaultInterceptors().withMapping(mapping).build()
                .getConfigMapping(mapping);
    }

    private void expect(Object code, Object template, String what) {
        if (!Objects.equals(code, template)) {
            problems.add(what + ": the code has " + code + ", template.yaml has " + template);
        }
    }

    private static String capitalised(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
