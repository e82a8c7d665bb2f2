package dev.cwlifecycle.bench.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a chaos run's operations answered and what was wrong with it: a 2xx whose claim ConnectWise or the
 * directory contradicts, or a failure that is not a clear error (problem+json with a specific type).
 */
final class ChaosLedger {

    private final Map<String, Integer> outcomes = new TreeMap<>();
    private final List<String> untrueSuccesses = new ArrayList<>();
    private final List<String> unclearFailures = new ArrayList<>();
    private final Set<Integer> peopleRequested = new TreeSet<>();
    private final Set<Integer> peopleProvisioned = new TreeSet<>();
    private int clearFailures;
    private int foundAfterAmbiguousAttempt;

    void outcome(String kind) {
        outcomes.merge(kind, 1, Integer::sum);
    }

    void untrueSuccess(String what) {
        untrueSuccesses.add(what);
    }

    void unclearFailure(String what) {
        unclearFailures.add(what);
    }

    void clearFailure() {
        clearFailures++;
    }

    void requested(int person) {
        peopleRequested.add(person);
    }

    void provisioned(int person) {
        peopleProvisioned.add(person);
    }

    /** A retried provision answered 409 with the member its own failed attempt had created. */
    void memberFoundAfterAmbiguousAttempt() {
        foundAfterAmbiguousAttempt++;
    }

    Map<String, Integer> outcomes() {
        return outcomes;
    }

    List<String> untrueSuccesses() {
        return untrueSuccesses;
    }

    List<String> unclearFailures() {
        return unclearFailures;
    }

    int clearFailures() {
        return clearFailures;
    }

    Set<Integer> peopleRequested() {
        return peopleRequested;
    }

    Set<Integer> peopleProvisioned() {
        return peopleProvisioned;
    }

    int membersFoundAfterAmbiguousAttempts() {
        return foundAfterAmbiguousAttempt;
    }
}
