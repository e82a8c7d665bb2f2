package dev.cwlifecycle.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** The error bodies ConnectWise answers with, each as an {@link ApiFailure} ready to throw. */
final class ConnectWiseErrors {

    /** One entry of an {@code InvalidObject} body's {@code errors} array. */
    record FieldError(String code, String message, String field) {

        static FieldError missing(String field) {
            return new FieldError("MissingRequiredField", "The " + field + " field is required.", field);
        }

        static FieldError invalid(String field, String message) {
            return new FieldError("InvalidField", message, field);
        }

        static FieldError exists(String field, String message) {
            return new FieldError("ObjectExists", message, field);
        }
    }

    private ConnectWiseErrors() {
    }

    static ApiFailure endpointMissing() {
        return failure(404, "ConnectWiseApi", "The endpoint does not exist.");
    }

    static ApiFailure notFound(String message) {
        return failure(404, "NotFound", message);
    }

    static ApiFailure unauthorized(String message) {
        return failure(401, "Unauthorized", message);
    }

    static ApiFailure forbidden() {
        return failure(403, "Forbidden", "You do not have permission to perform this action: the API member's"
                + " security role does not allow it.");
    }

    static ApiFailure conflict(String message) {
        return failure(409, "Conflict", message);
    }

    static ApiFailure badRequest(String message) {
        return failure(400, "InvalidObject", message);
    }

    /** A bad {@code version} in {@code Accept}; the code ConnectWise uses for it is unverified. */
    static ApiFailure badVersion(String message) {
        return failure(400, "InvalidVersion", message);
    }

    static ApiFailure methodNotAllowed(String method) {
        return failure(405, "ConnectWiseApi", "The requested resource does not support http method '" + method + "'.");
    }

    static ApiFailure unsupportedMediaType(String contentType) {
        return failure(415, "UnsupportedMediaType", "The request entity's media type '" + contentType
                + "' is not supported for this resource.");
    }

    static ApiFailure uriTooLong() {
        return failure(414, "ConnectWiseApi", "The request URL is too long.");
    }

    static ApiFailure invalidObject(String resource, List<FieldError> errors) {
        ObjectNode body = body("InvalidObject", resource + " object is invalid");
        ArrayNode list = body.putArray("errors");
        errors.forEach(error -> list.addObject()
                .put("code", error.code())
                .put("message", error.message())
                .put("resource", resource)
                .put("field", error.field()));
        return new ApiFailure(400, body);
    }

    static ApiFailure unexpected() {
        return failure(500, "UnexpectedError", "An unexpected error occurred. Please contact your administrator.");
    }

    /** The body a fault injects for {@code status}: what ConnectWise or its gateway says for it. */
    static ObjectNode forStatus(int status) {
        return switch (status) {
            case 400 -> body("InvalidObject", "The request is invalid.");
            case 401 -> body("Unauthorized", "Authentication failed.");
            case 403 -> forbidden().body();
            case 404 -> endpointMissing().body();
            case 405 -> body("ConnectWiseApi", "The requested resource does not support this http method.");
            case 409 -> body("Conflict", "The record is in use.");
            case 500 -> unexpected().body();
            case 502 -> body("BadGateway", "The server received an invalid response from an upstream server.");
            case 503 -> body("ServiceUnavailable", "The service is temporarily unavailable. Please try again later.");
            case 504 -> body("GatewayTimeout", "The upstream server did not answer in time.");
            default -> body("ConnectWiseApi", "The request failed with status " + status + ".");
        };
    }

    /** ConnectWise's 429 body, which (unlike every other error) uses {@code error} instead of {@code code}. */
    static ObjectNode rateLimited(Integer retryAfterSeconds) {
        int seconds = retryAfterSeconds == null ? 30 : retryAfterSeconds;
        return WireJson.object()
                .put("error", "ConnectWiseAPI")
                .put("message", "Too many requests. Please try again in " + seconds + " seconds.");
    }

    private static ApiFailure failure(int status, String code, String message) {
        return new ApiFailure(status, body(code, message));
    }

    private static ObjectNode body(String code, String message) {
        return WireJson.object().put("code", code).put("message", message);
    }
}
