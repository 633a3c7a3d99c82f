package sandbox.core.weaving;

import java.util.ArrayList;
import java.util.List;
import sandbox.api.Violation;
import sandbox.api.ViolationService;
import sandbox.core.policy.ViolationReporter;

/** A violation service that keeps what it is told, connected to the reporter for one test. */
final class RecordingViolations implements ViolationService {
    final List<Violation> seen = new ArrayList<>();

    static RecordingViolations connect() {
        RecordingViolations r = new RecordingViolations();
        ViolationReporter.connect(r);
        return r;
    }

    @Override
    public synchronized void report(Violation violation) {
        seen.add(violation);
    }

    @Override
    public synchronized List<Violation> recent(int limit) {
        return List.copyOf(seen);
    }

    synchronized Violation last() {
        if (seen.isEmpty()) {
            throw new AssertionError("no violation was reported");
        }
        return seen.get(seen.size() - 1);
    }
}
