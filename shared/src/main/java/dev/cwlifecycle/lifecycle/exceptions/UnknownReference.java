package dev.cwlifecycle.lifecycle.exceptions;

import java.util.List;

/** References the request passed on (a location, a member type, ...) that ConnectWise does not have. */
public class UnknownReference extends RuntimeException {

    /** One such reference: the request's field and why. */
    public record Field(String field, String message) {
    }

    private final List<Field> fields;

    public UnknownReference(List<Field> fields) {
        super(fields.size() + " reference(s) do not exist in ConnectWise; see errors");
        this.fields = List.copyOf(fields);
    }

    public List<Field> fields() {
        return fields;
    }
}
