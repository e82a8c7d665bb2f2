package dev.cwlifecycle.connectwise;

import dev.cwlifecycle.connectwise.error.RateLimitedException;
import dev.cwlifecycle.connectwise.error.ServerErrorException;
import dev.cwlifecycle.testing.TestConnectWiseConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The total budget, in pure logic: attempts fail as scripted, the budget's clock moves only when a test says so,
 * and jitter always picks its ceiling, so every wait is known. A wait that would end past the budget is never
 * started; the failure is reported at once.
 */
class RetryBudgetTest {

    private final AtomicLong nanos = new AtomicLong();
    private final List<Long> ceilings = new ArrayList<>();

    private RetryPolicy policy(Duration longestWait, Duration budget) {
        TestConnectWiseConfig config = TestConnectWiseConfig.defaults().withRetryWaits(longestWait, budget);
        return new RetryPolicy(config.retry(), ceiling -> {
            ceilings.add(ceiling);
            return ceiling;
        }, nanos::get, LongUnaryOperator.identity());
    }

    @Test
    void aRetryAfterLongerThanWhatIsLeftOfTheBudgetIsReportedWithoutWaiting() {
        // GIVEN a 3 s budget of which 2.5 s are spent by a slow first attempt that got "429, Retry-After 1"
        RetryPolicy policy = policy(Duration.ofSeconds(2), Duration.ofSeconds(3));
        RateLimitedException limited = new RateLimitedException("GET", "/system/members/1", null, Duration.ofSeconds(1));
        List<Integer> attempts = new ArrayList<>();

        // WHEN the request runs
        RateLimitedException reported = assertThrows(RateLimitedException.class, () -> policy.call(() -> {
            attempts.add(attempts.size() + 1);
            nanos.addAndGet(Duration.ofMillis(2500).toNanos());
            throw limited;
        }));

        // THEN one attempt, and the caller gets the 429 with its Retry-After
        assertEquals(List.of(1), attempts);
        assertSame(limited, reported);
        assertEquals(Duration.ofSeconds(1), reported.retryAfter().orElseThrow());
    }

    @Test
    void aBackoffLongerThanWhatIsLeftOfTheBudgetIsReportedWithoutWaiting() {
        // GIVEN 20 ms, 40 ms, 80 ms backoffs and a 3,060 ms budget; each 503 attempt takes a second of it
        RetryPolicy policy = policy(Duration.ofSeconds(2), Duration.ofMillis(3060));
        List<Integer> attempts = new ArrayList<>();

        // WHEN every attempt answers 503
        ServerErrorException reported = assertThrows(ServerErrorException.class, () -> policy.call(() -> {
            attempts.add(attempts.size() + 1);
            nanos.addAndGet(Duration.ofSeconds(1).toNanos());
            throw new ServerErrorException("GET", "/system/members/1", 503, null);
        }));

        // THEN after three attempts 60 ms are left: the 80 ms backoff is not started, the third 503 is reported
        assertEquals(503, reported.status());
        assertEquals(List.of(1, 2, 3), attempts);
        assertEquals(List.of(20L, 40L, 80L), ceilings);
    }

    @Test
    void aRetryAfterWithinTheBudgetIsWaitedOut() {
        RetryPolicy policy = policy(Duration.ofSeconds(2), Duration.ofSeconds(10));
        List<Integer> attempts = new ArrayList<>();

        ApiResponse response = policy.call(() -> {
            attempts.add(attempts.size() + 1);
            if (attempts.size() == 1) {
                throw new RateLimitedException("GET", "/system/members/1", null, Duration.ZERO);
            }
            return new ApiResponse(200, null, new byte[0]);
        });

        assertEquals(200, response.status());
        assertEquals(List.of(1, 2), attempts);
    }
}
