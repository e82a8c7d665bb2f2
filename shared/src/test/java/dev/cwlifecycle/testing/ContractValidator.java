package dev.cwlifecycle.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The contract test: every API Gateway event a function test sends and every answer it gets, checked against
 * docs/openapi.yaml. The route must be documented; the answer's status, each of its headers and its body (against
 * the document's JSON Schemas, which refuse undocumented fields) must be too. A request the function accepted (2xx)
 * must be one the document describes: its path, query and header parameters and its body. A refused request is not
 * checked against the request schema, since the tests send malformed ones on purpose.
 */
public final class ContractValidator {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Headers HTTP, the authorizers or API Gateway add, which the document does not list per operation. */
    private static final Set<String> TRANSPORT_HEADERS = Set.of("authorization", "content-type", "content-length",
            "host", "user-agent", "accept", "accept-encoding", "connection", "x-amzn-trace-id", "x-forwarded-for",
            "x-forwarded-port", "x-forwarded-proto");
    private static final Path DOCUMENT = locate();
    private static final JsonNode OPENAPI = read(DOCUMENT);
    private static final String DOCUMENT_URI = DOCUMENT.toUri().toString();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.metaSchema(OpenApi31.getInstance())
                    .defaultMetaSchemaIri(OpenApi31.getInstance().getIri()));
    private static final Map<JsonNode, JsonSchema> COMPILED = new ConcurrentHashMap<>();

    private ContractValidator() {
    }

    /** Fails with every disagreement between the exchange and the document. */
    public static void check(String eventJson, int status, Map<String, String> headers, String body) {
        List<String> problems = new ArrayList<>();
        JsonNode event = tree(eventJson);
        String routeKey = event.path("routeKey").asText();
        String[] route = routeKey.split(" ", 2);
        JsonNode path = OPENAPI.path("paths").path(route.length == 2 ? route[1] : "");
        JsonNode operation = path.path(route[0].toLowerCase(Locale.ROOT));
        if (operation.isMissingNode()) {
            throw new AssertionError("docs/openapi.yaml does not document the route " + routeKey);
        }
        checkResponse(operation, status, headers, body, problems);
        if (status >= 200 && status < 300) {
            checkRequest(path, operation, event, problems);
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(routeKey + " → " + status + " disagrees with docs/openapi.yaml:\n  "
                    + String.join("\n  ", problems) + "\n  answer: " + body);
        }
    }

    private static void checkResponse(JsonNode operation, int status, Map<String, String> headers, String body,
                                      List<String> problems) {
        JsonNode response = resolved(operation.path("responses").path(String.valueOf(status)));
        if (response.isMissingNode()) {
            problems.add("status " + status + " is not documented");
            return;
        }
        Map<String, JsonNode> documented = new ConcurrentHashMap<>();
        response.path("headers").fields().forEachRemaining(h -> documented.put(h.getKey().toLowerCase(Locale.ROOT),
                resolved(h.getValue())));
        String contentType = null;
        for (Map.Entry<String, String> header : headers.entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("content-type")) {
                contentType = header.getValue().split(";")[0].trim();
            } else if (!documented.containsKey(name)) {
                problems.add("response header " + header.getKey() + " is not documented");
            } else {
                validate(documented.get(name).path("schema"), TextNode.valueOf(header.getValue()),
                        "response header " + header.getKey(), problems);
            }
        }
        JsonNode content = response.path("content");
        if (body == null || body.isEmpty()) {
            return;
        }
        if (contentType == null || !content.has(contentType)) {
            problems.add("content type " + contentType + " is not documented (documented: "
                    + names(content) + ")");
        } else if (contentType.endsWith("json")) {
            validate(content.path(contentType).path("schema"), tree(body), "response body", problems);
        }
    }

    private static void checkRequest(JsonNode path, JsonNode operation, JsonNode event, List<String> problems) {
        Map<String, JsonNode> parameters = new ConcurrentHashMap<>();
        for (JsonNode level : List.of(path.path("parameters"), operation.path("parameters"))) {
            level.forEach(parameter -> {
                JsonNode resolved = resolved(parameter);
                parameters.put(resolved.path("in").asText() + ":" + resolved.path("name").asText()
                        .toLowerCase(Locale.ROOT), resolved);
            });
        }
        checkParameters("path", event.path("pathParameters"), parameters, problems);
        checkParameters("query", event.path("queryStringParameters"), parameters, problems);
        checkParameters("header", event.path("headers"), parameters, problems);
        parameters.values().stream().filter(p -> p.path("required").asBoolean())
                .filter(p -> !present(event, p)).forEach(p -> problems.add("required " + p.path("in").asText()
                        + " parameter " + p.path("name").asText() + " is missing from an accepted request"));
        Optional<String> body = requestBody(event);
        JsonNode requestBody = resolved(operation.path("requestBody"));
        if (body.isPresent()) {
            JsonNode schema = requestBody.path("content").path("application/json").path("schema");
            if (schema.isMissingNode()) {
                problems.add("the accepted request has a body, which the document does not describe");
            } else {
                validate(schema, tree(body.get()), "request body", problems);
            }
        } else if (requestBody.path("required").asBoolean()) {
            problems.add("the accepted request has no body, which the document requires");
        }
    }

    private static void checkParameters(String in, JsonNode actual, Map<String, JsonNode> documented,
                                        List<String> problems) {
        actual.fields().forEachRemaining(field -> {
            String name = field.getKey().toLowerCase(Locale.ROOT);
            JsonNode parameter = documented.get(in + ":" + name);
            if (parameter == null) {
                if (!(in.equals("header") && TRANSPORT_HEADERS.contains(name))) {
                    problems.add(in + " parameter " + field.getKey() + " of an accepted request is not documented");
                }
                return;
            }
            validate(parameter.path("schema"), field.getValue(), in + " parameter " + field.getKey(), problems);
        });
    }

    private static boolean present(JsonNode event, JsonNode parameter) {
        String container = switch (parameter.path("in").asText()) {
            case "path" -> "pathParameters";
            case "query" -> "queryStringParameters";
            default -> "headers";
        };
        Iterator<String> names = event.path(container).fieldNames();
        while (names.hasNext()) {
            if (names.next().equalsIgnoreCase(parameter.path("name").asText())) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> requestBody(JsonNode event) {
        JsonNode body = event.path("body");
        if (body.isNull() || body.isMissingNode() || body.asText().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(event.path("isBase64Encoded").asBoolean()
                ? new String(Base64.getMimeDecoder().decode(body.asText()), StandardCharsets.UTF_8) : body.asText());
    }

    /** What is wrong with the document's own examples: each must be an answer (or request) its schema accepts. */
    public static List<String> examplesDisagreeing() {
        List<String> problems = new ArrayList<>();
        OPENAPI.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation ->
                operation.getValue().findParents("example").forEach(parent -> {
                    if (parent.has("schema")) {
                        validate(parent.get("schema"), parent.get("example"), operation.getKey().toUpperCase(Locale.ROOT)
                                + " " + path.getKey() + " example", problems);
                    }
                })));
        OPENAPI.path("components").path("responses").fields().forEachRemaining(response ->
                response.getValue().findParents("example").forEach(parent -> {
                    if (parent.has("schema")) {
                        validate(parent.get("schema"), parent.get("example"), response.getKey() + " example",
                                problems);
                    }
                }));
        return problems;
    }

    private static void validate(JsonNode schema, JsonNode value, String what, List<String> problems) {
        if (schema.isMissingNode()) {
            return;
        }
        // a reference is loaded from the document, where the components it names are; an inline schema holds none
        JsonSchema compiled = COMPILED.computeIfAbsent(schema, node -> node.has("$ref")
                ? SCHEMAS.getSchema(SchemaLocation.of(DOCUMENT_URI + node.get("$ref").asText()))
                : SCHEMAS.getSchema(node));
        for (ValidationMessage message : compiled.validate(value)) {
            problems.add(what + ": " + message.getMessage());
        }
    }

    /** A component reference ({@code $ref: '#/components/...'}) followed to what it names. */
    private static JsonNode resolved(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            current = OPENAPI.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    private static JsonNode read(Path document) {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(document.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** docs/openapi.yaml of this checkout, found from the module the tests run in. */
    private static Path locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path document = dir.resolve("docs/openapi.yaml");
            if (Files.isRegularFile(document)) {
                return document;
            }
        }
        throw new IllegalStateException("docs/openapi.yaml not found above " + Path.of("").toAbsolutePath());
    }
}
