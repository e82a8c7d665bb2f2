package dev.cwlifecycle.gateway;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem detail ({@code application/problem+json}): a stable {@code type}, the HTTP status, what
 * went wrong, the field errors, the correlation id that also stands in the logs, and named extras such as the
 * id of the member a conflict is about.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String correlationId,
                      List<InvalidField> errors, @JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:cw-lifecycle:problem:";

    public static Problem of(String kind, String title, int status, String detail) {
        return new Problem(TYPE_PREFIX + kind, title, status, detail, null, List.of(), Map.of());
    }

    /** Extension members, written beside the standard ones. */
    @JsonAnyGetter
    public Map<String, Object> extensionMembers() {
        return extensions;
    }

    public Problem withErrors(List<InvalidField> fieldErrors) {
        return new Problem(type, title, status, detail, correlationId, List.copyOf(fieldErrors), extensions);
    }

    public Problem with(String name, Object value) {
        Map<String, Object> next = new java.util.LinkedHashMap<>(extensions);
        next.put(name, value);
        return new Problem(type, title, status, detail, correlationId, errors, next);
    }

    public Problem correlatedBy(String id) {
        return new Problem(type, title, status, detail, id, errors, extensions);
    }
}
