package dev.cwlifecycle.gateway;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import java.io.IOException;
import java.util.List;

/**
 * How every route reads a caller's JSON: one document (nothing after it), no key twice in an object (the last would
 * silently win), and parser limits far below Jackson's defaults, which no honest body reaches. Every refusal is a
 * 400: {@code malformed-json} for broken JSON or a limit, {@code validation} naming a repeated key.
 */
public final class CallerJson {

    /** Our bodies nest two levels deep; a caller never needs more than this. */
    public static final int MAX_NESTING_DEPTH = 16;
    /** A long id has 19 digits; anything much longer is not a number we take. */
    public static final int MAX_NUMBER_LENGTH = 64;

    private final ObjectReader reader;

    /** A reader taking strings up to {@code maxStringLength} chars and documents up to {@code maxBytes}. */
    public CallerJson(int maxStringLength, int maxBytes) {
        JsonFactory factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .maxStringLength(maxStringLength)
                        .maxNameLength(maxStringLength)
                        .maxDocumentLength(maxBytes)
                        .build())
                .build();
        this.reader = new ObjectMapper(factory).reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    public JsonNode readTree(byte[] body) {
        try {
            return reader.readTree(body);
        } catch (StreamConstraintsException limit) {
            throw ProblemException.badRequest("malformed-json", "The body exceeds a JSON parser limit: "
                    + limit.getOriginalMessage());
        } catch (JsonParseException e) {
            duplicateKey(e);
            throw ProblemException.badRequest("malformed-json", "The body is not valid JSON" + where(e));
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("malformed-json", "The body is not valid JSON" + where(e));
        } catch (IOException e) {
            throw ProblemException.badRequest("malformed-json", "The body could not be read as JSON");
        }
    }

    /** Jackson's duplicate detection says so only in its message; the parser knows which key, and where. */
    private static void duplicateKey(JsonParseException e) {
        JsonParser parser = e.getProcessor();
        if (parser != null && e.getOriginalMessage().startsWith("Duplicate field")) {
            throw ProblemException.invalid(List.of(new InvalidField(path(parser.getParsingContext()),
                    "appears more than once; send each field once")));
        }
    }

    private static String path(JsonStreamContext context) {
        String name = context.getCurrentName();
        JsonStreamContext parent = context.getParent();
        String prefix = parent == null || parent.inRoot() ? "" : path(parent) + ".";
        return prefix + (name == null ? "[" + context.getCurrentIndex() + "]" : name);
    }

    private static String where(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
