package dev.cwlifecycle.simulator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** The armed faults; the first armed fault that matches a request and fires decides its fate. */
public final class Faults {

    private final List<Armed> armed = new ArrayList<>();
    private final Random random;

    Faults(Random random) {
        this.random = random;
    }

    public synchronized void arm(Fault fault) {
        armed.add(new Armed(fault, fault.times()));
    }

    public synchronized void clear() {
        armed.clear();
    }

    /** Each armed fault and how often it still fires, e.g. {@code drop-after-processing on POST /system/members x1}. */
    public synchronized List<String> armed() {
        return armed.stream().map(each -> each.fault + (each.fault.probability() != null
                ? " p" + each.fault.probability() : " x" + each.remaining)).toList();
    }

    synchronized Optional<Fault.Kind> fire(String method, String path) {
        Iterator<Armed> each = armed.iterator();
        while (each.hasNext()) {
            Armed candidate = each.next();
            if (!candidate.fault.matches(method, path)) {
                continue;
            }
            Double probability = candidate.fault.probability();
            if (probability != null) {
                if (random.nextDouble() < probability) {
                    return Optional.of(candidate.fault.kind());
                }
                continue;
            }
            candidate.remaining--;
            if (candidate.remaining == 0) {
                each.remove();
            }
            return Optional.of(candidate.fault.kind());
        }
        return Optional.empty();
    }

    private static final class Armed {
        private final Fault fault;
        private int remaining;

        private Armed(Fault fault, int remaining) {
            this.fault = fault;
            this.remaining = remaining;
        }
    }
}
