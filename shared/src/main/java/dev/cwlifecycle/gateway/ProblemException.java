package dev.cwlifecycle.gateway;

/**
 * A request the edge refuses (malformed, invalid, unauthenticated, a misused idempotency key), with the problem the
 * caller gets; {@link Problems} turns it into the response. What the lifecycle core refuses is a domain exception.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title() + ": " + problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException invalid(java.util.List<InvalidField> errors) {
        return new ProblemException(Problem.of("validation", "Invalid request", 400,
                errors.size() + " field(s) are invalid; see errors").withErrors(errors));
    }

    public static ProblemException badRequest(String kind, String detail) {
        return new ProblemException(Problem.of(kind, "Bad request", 400, detail));
    }

    public static ProblemException unprocessable(String kind, String detail) {
        return new ProblemException(Problem.of(kind, "Unprocessable request", 422, detail));
    }

    public static ProblemException conflict(String kind, String detail) {
        return new ProblemException(Problem.of(kind, "Conflict", 409, detail));
    }
}
