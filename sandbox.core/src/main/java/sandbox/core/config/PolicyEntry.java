package sandbox.core.config;

import java.util.Map;
import java.util.Objects;

/**
 * One policy configuration as read: which plugins it matches and either the policy it gives them or why it was
 * rejected. A rejected entry still matches its plugins (when its {@code match} is readable) so that they get
 * {@link PluginPolicy#RESTRICTIVE}, never a wider policy from a less specific entry.
 *
 * @param pid the configuration's PID, named in every message
 * @param pattern what it matches; {@code null} when the match field itself is bad (then it matches nothing)
 * @param policy the policy; {@code null} when rejected
 * @param problem why it was rejected, naming the field or entry; {@code null} when valid
 */
public record PolicyEntry(String pid, PluginPattern pattern, PluginPolicy policy, String problem) {

    /** Exactly one of policy and problem is present. */
    public PolicyEntry {
        Objects.requireNonNull(pid, "pid");
        if ((policy == null) == (problem == null)) {
            throw new IllegalArgumentException("an entry has a policy or a problem, not both or neither");
        }
    }

    /**
     * Reads and validates a configuration's properties.
     *
     * @param pid the configuration PID
     * @param properties its properties (as Configuration Admin delivers them; strings from .cfg files are fine)
     * @return the entry, valid or rejected
     */
    public static PolicyEntry parse(String pid, Map<String, ?> properties) {
        PluginPattern pattern;
        try {
            pattern = PluginPattern.parse(PolicyFields.string(properties.get(PolicyFields.MATCH)));
        } catch (IllegalArgumentException e) {
            return new PolicyEntry(pid, null, null, problem(pid, "field '" + PolicyFields.MATCH + "' " + e.getMessage()));
        }
        try {
            return new PolicyEntry(pid, pattern, PolicyFields.policy(properties), null);
        } catch (IllegalArgumentException e) {
            return new PolicyEntry(pid, pattern, null, problem(pid, e.getMessage()));
        }
    }

    /** @return true when the entry was accepted */
    public boolean valid() {
        return problem == null;
    }

    /** @return true when this entry is about the plugin with that symbolic name */
    public boolean matches(String symbolicName) {
        return pattern != null && pattern.matches(symbolicName);
    }

    /** @return what a plugin matched by this entry gets: its policy, or the restrictive fallback */
    public PluginPolicy effective() {
        return valid() ? policy : PluginPolicy.RESTRICTIVE;
    }

    private static String problem(String pid, String why) {
        return "sandbox policy " + pid + " rejected (its plugins fall back to STRICT with no grants): " + why;
    }
}
