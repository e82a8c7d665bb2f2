package dev.cwlifecycle.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.cwlifecycle.connectwise.ConnectWiseJson;

import java.io.IOException;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A caller's JSON body, read strictly: JSON content type, within the size limit, an object of the expected shape,
 * no unknown fields (a misspelt field is an error, not silently ignored). Each refusal says exactly what is wrong.
 */
public final class JsonBody {

    private JsonBody() {
    }

    public static <T> T read(GatewayRequest request, Class<T> type, int maxBytes) {
        String contentType = request.header("Content-Type").orElse("");
        if (!contentType.toLowerCase(Locale.ROOT).matches("application/json\\s*(;.*)?")) {
            throw new ProblemException(Problem.of("unsupported-media-type", "Unsupported media type", 415,
                    "Send the body as 'Content-Type: application/json'"));
        }
        byte[] body = request.rawBody();
        if (body.length > maxBytes) {
            throw new ProblemException(Problem.of("payload-too-large", "Payload too large", 413,
                    "The body is " + body.length + " bytes; at most " + maxBytes + " are accepted"));
        }
        if (body.length == 0) {
            throw ProblemException.badRequest("empty-body", "The body is empty; send a JSON object");
        }
        try {
            ObjectReader reader = ConnectWiseJson.MAPPER.readerFor(type)
                    .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
            T value = reader.readValue(body);
            if (value == null) {
                throw ProblemException.badRequest("malformed-json", "The body is JSON null; send a JSON object");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw ProblemException.invalid(java.util.List.of(new InvalidField(e.getPropertyName(),
                    "is not a known field")));
        } catch (MismatchedInputException e) {
            String field = e.getPath().stream().map(ref -> ref.getFieldName() == null
                    ? "[" + ref.getIndex() + "]" : ref.getFieldName()).collect(Collectors.joining("."));
            if (field.isEmpty()) {
                throw ProblemException.badRequest("malformed-json", "The body must be a JSON object");
            }
            throw ProblemException.invalid(java.util.List.of(new InvalidField(field, "has the wrong type")));
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("malformed-json", "The body is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw ProblemException.badRequest("malformed-json", "The body could not be read as JSON");
        }
    }
}
