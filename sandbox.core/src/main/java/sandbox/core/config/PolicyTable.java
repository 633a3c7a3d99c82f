package sandbox.core.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * All policy entries at one moment, immutable. Answers "which policy does this plugin get".
 *
 * <p>Rules: the most specific matching entry wins ({@link PluginPattern#specificity()}). Several entries equally
 * specific for one plugin are a conflict the operator must fix; rather than pick one by an accident of ordering,
 * the plugin gets {@link PluginPolicy#RESTRICTIVE} (fail closed) and the resolution names every PID involved.
 * A rejected entry that wins also gives {@link PluginPolicy#RESTRICTIVE}. No match: {@link PluginPolicy#UNCONFIGURED}.
 */
public final class PolicyTable {
    /** A table with no entries. */
    public static final PolicyTable EMPTY = new PolicyTable(List.of());

    private final List<PolicyEntry> entries;

    /** @param entries the entries, in any order */
    public PolicyTable(List<PolicyEntry> entries) {
        List<PolicyEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(PolicyEntry::pid));
        this.entries = List.copyOf(sorted);
    }

    /** @return the entries, sorted by PID */
    public List<PolicyEntry> entries() {
        return entries;
    }

    /**
     * @param symbolicName a plugin's symbolic name
     * @return its policy and where it came from
     */
    public Resolution resolve(String symbolicName) {
        List<PolicyEntry> matching = entries.stream().filter(e -> e.matches(symbolicName)).toList();
        if (matching.isEmpty()) {
            return new Resolution(PluginPolicy.UNCONFIGURED, null, "no policy entry matches; defaults apply");
        }
        long best = matching.stream().mapToLong(e -> e.pattern().specificity()).max().orElseThrow();
        List<PolicyEntry> winners = matching.stream().filter(e -> e.pattern().specificity() == best).toList();
        if (winners.size() > 1) {
            String pids = winners.stream().map(e -> e.pid() + " (match=" + e.pattern() + ")").collect(Collectors.joining(", "));
            return new Resolution(PluginPolicy.RESTRICTIVE, null,
                    "policy entries " + pids + " match equally specifically; STRICT with no grants until only one does");
        }
        PolicyEntry winner = winners.get(0);
        return new Resolution(winner.effective(), winner.pid(), winner.valid() ? "policy " + winner.pid() : winner.problem());
    }

    /**
     * @param policy the policy applied
     * @param pid the entry that gave it; {@code null} for defaults and conflicts
     * @param reason one line for operators: which entry, or why the fallback applies
     */
    public record Resolution(PluginPolicy policy, String pid, String reason) {
    }
}
