package dev.cwlifecycle.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cwlifecycle.connectwise.ConnectWiseJson;
import dev.cwlifecycle.gateway.exceptions.BodyNotAnObject;
import dev.cwlifecycle.gateway.exceptions.BodyTooLarge;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A caller's JSON body, read strictly: JSON content type, within the size limit, an object of the expected shape,
 * no unknown fields (a misspelt field is an error, not silently ignored). Each refusal says exactly what is wrong;
 * every field of the wrong type or unknown is named at once ({@link JsonShape}).
 */
public final class JsonBody {

    /** Our longest field is an email (250); a longer string is not a field value but an attack or an accident. */
    static final int MAX_STRING_LENGTH = 4096;
    private static final Map<Integer, CallerJson> READERS = new ConcurrentHashMap<>();

    private JsonBody() {
    }

    public static <T extends Record> T read(GatewayRequest request, Class<T> type, int maxBytes) {
        JsonNode tree = object(request, maxBytes, "application/json");
        List<InvalidField> mismatches = JsonShape.mismatches(tree, type);
        if (!mismatches.isEmpty()) {
            throw ProblemException.invalid(mismatches);
        }
        try {
            return ConnectWiseJson.MAPPER.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A body of the right shape did not bind to " + type.getSimpleName(), e);
        }
    }

    /**
     * The body as a JSON object, read within every parser limit ({@link CallerJson}), sent as one of
     * {@code mediaTypes} (the first is the one a refusal asks for).
     */
    public static ObjectNode object(GatewayRequest request, int maxBytes, String... mediaTypes) {
        String contentType = request.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (Arrays.stream(mediaTypes).noneMatch(type -> contentType.matches(Pattern.quote(type) + "\\s*(;.*)?"))) {
            throw new ProblemException(Problem.of("unsupported-media-type", "Unsupported media type", 415,
                    "Send the body as 'Content-Type: " + mediaTypes[0] + "'"));
        }
        byte[] body = request.rawBody();
        if (body.length > maxBytes) {
            throw new BodyTooLarge(body.length, maxBytes);
        }
        if (body.length == 0) {
            throw ProblemException.badRequest("empty-body", "The body is empty; send a JSON object");
        }
        JsonNode tree = READERS.computeIfAbsent(maxBytes, max -> new CallerJson(MAX_STRING_LENGTH, max))
                .readTree(body);
        if (tree.isNull()) {
            throw ProblemException.badRequest("malformed-json", "The body is JSON null; send a JSON object");
        }
        if (!tree.isObject()) {
            throw new BodyNotAnObject();
        }
        return (ObjectNode) tree;
    }
}
