package dev.cwlifecycle.connectwise;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An RFC 6902 JSON Patch, the only body ConnectWise's PATCH accepts. Paths name top-level fields: a reference
 * such as {@code securityRole} is replaced whole, since a path inside one can answer 200 and change nothing.
 */
// its @JsonValue method is found by reflection, natively too (found by ./run-native-check deprovision)
@RegisterForReflection(methods = true, fields = false)
public final class JsonPatch {

    private static final Pattern TOP_LEVEL_FIELD = Pattern.compile("/?[A-Za-z_][A-Za-z0-9_]*");

    private final List<Operation> operations;

    private JsonPatch(List<Operation> operations) {
        this.operations = List.copyOf(operations);
    }

    public static JsonPatch of() {
        return new JsonPatch(List.of());
    }

    public JsonPatch replace(String field, Object value) {
        return with(new Operation("replace", field, value));
    }

    public JsonPatch add(String field, Object value) {
        return with(new Operation("add", field, value));
    }

    public JsonPatch remove(String field) {
        return with(new Operation("remove", field, null));
    }

    private JsonPatch with(Operation operation) {
        if (!TOP_LEVEL_FIELD.matcher(operation.path()).matches()) {
            throw new IllegalArgumentException("JSON Patch path '" + operation.path()
                    + "' must name a top-level member field; replace a reference whole");
        }
        List<Operation> next = new ArrayList<>(operations);
        next.add(operation);
        return new JsonPatch(next);
    }

    @JsonValue
    public List<Operation> operations() {
        return operations;
    }

    /** One operation; {@code value} is left out for {@code remove}. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Operation(String op, String path, Object value) {
    }
}
