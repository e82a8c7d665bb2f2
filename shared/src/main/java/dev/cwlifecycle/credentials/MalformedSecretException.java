package dev.cwlifecycle.credentials;

/**
 * The secret was read but does not hold usable credentials. Carries no cause: a JSON parser's message may quote
 * the secret's text.
 */
public final class MalformedSecretException extends CredentialsException {

    private final String field;
    private final String problem;

    MalformedSecretException(String tenant, String origin, String field, String problem) {
        super(tenant, origin + " for tenant '" + tenant + "': " + field + " " + problem, null);
        this.field = field;
        this.problem = problem;
    }

    /** The JSON field at fault, or {@code secret} when the document as a whole is unusable. */
    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
