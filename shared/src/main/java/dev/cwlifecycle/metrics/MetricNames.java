package dev.cwlifecycle.metrics;

/**
 * How cw-lifecycle's metrics are named in CloudWatch. The names alarms in template.yaml watch are constants here,
 * so the template check compares them with what the code emits.
 */
public final class MetricNames {

    public static final String NAMESPACE = "cw-lifecycle";
    public static final String FUNCTION = "function";
    public static final String TENANT = "tenant";
    /** The tenant dimension of an answer given before the caller was authenticated. */
    public static final String NO_TENANT = "none";

    /** 1 for a sync run that ended INCOMPLETE or failed, 0 for a COMPLETE one (none for a SKIPPED one). */
    public static final String SYNC_NOT_COMPLETE = "sync.not-complete";
    public static final String CONNECTWISE_UNAUTHORIZED = "connectwise.unauthorized";
    public static final String CONNECTWISE_FORBIDDEN = "connectwise.forbidden";
    public static final String CONNECTWISE_THROTTLED = "connectwise.throttled";
    public static final String CONNECTWISE_RETRIES = "connectwise.retries";
    public static final String SECRET_READS = "secrets.reads";
    public static final String CALLBACK_SIGNATURE_REFUSED = refused("callback", "callback-signature");
    public static final String CALLBACK_KEY_URL_REFUSED = refused("callback", "callback-key-url");

    private MetricNames() {
    }

    /** A 2xx answer: {@code provision.created}, {@code deprovision.handed-over}, {@code callback.applied}, ... */
    public static String outcome(String function, String outcome) {
        return function + "." + outcome;
    }

    /** A 4xx answer (but 429) of the problem type's last part: {@code provision.refused.member-exists}. */
    public static String refused(String function, String problemType) {
        return function + ".refused." + problemType;
    }

    /** A 429 or 5xx answer: nothing was done, the caller may try again ({@code callback.failed.callback-not-applied}). */
    public static String failed(String function, String problemType) {
        return function + ".failed." + problemType;
    }

    /** Every attempt sent to ConnectWise by the class of its status: 2xx, 4xx, 5xx, or {@code none} (no answer). */
    public static String connectWiseRequests(int status) {
        return "connectwise.requests." + (status == 0 ? "none" : status / 100 + "xx");
    }

    /** A sync run by its status: {@code sync.complete}, {@code sync.incomplete}, {@code sync.skipped}, {@code sync.failed}. */
    public static String syncRun(String status) {
        return "sync." + status;
    }

    /** What a sync run did, as its summary says: {@code seen}, {@code upserted}, {@code tombstoned}, {@code duration}. */
    public static String syncRunCount(String what) {
        return "sync." + what;
    }
}
