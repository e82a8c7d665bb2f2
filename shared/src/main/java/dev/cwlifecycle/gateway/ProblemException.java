package dev.cwlifecycle.gateway;

/**
 * A request we refuse or cannot serve, with the problem the caller gets. Thrown anywhere below a function's edge;
 * {@link Problems} turns it into the response.
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

    public static ProblemException notFound(String kind, String detail) {
        return new ProblemException(Problem.of(kind, "Not found", 404, detail));
    }
}
