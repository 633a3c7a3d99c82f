package sandbox.core.policy;

import java.util.Comparator;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/**
 * Gogo command {@code sandbox:guard}: the policy each plugin's woven code is checked against right now (level,
 * policy generation, grants), and with a plugin id also what the plugin did that was sensitive (the audit log
 * that MINIMAL exists for).
 */
@Component(service = Object.class, property = {"osgi.command.scope=sandbox", "osgi.command.function=guard"})
public final class GuardCommand {

    /** {@code sandbox:guard}: one line per plugin handle. */
    public String guard() {
        StringBuilder out = new StringBuilder(String.format("%-32s %-10s %-10s %s%n", "plugin", "level", "generation", "grants"));
        HandleRegistry.all().stream().sorted(Comparator.comparing(PolicyHandle::pluginId)).forEach(h ->
                out.append(String.format("%-32s %-10s %-10d %d%n", h.pluginId(), h.level(), h.generation(),
                        h.granted().grants().size())));
        return out.toString();
    }

    /** {@code sandbox:guard <plugin>}: the plugin's level, grants and audit log. */
    public String guard(String pluginId) {
        return HandleRegistry.byPlugin(pluginId).map(h -> {
            StringBuilder out = new StringBuilder();
            out.append("plugin ").append(h).append(" level ").append(h.level()).append(" generation ")
               .append(h.generation()).append('\n').append("granted: ").append(h.granted().toHeader()).append('\n');
            for (Map.Entry<String, Long> e : h.audit().entries().entrySet()) {
                out.append(String.format("%8d  %s%n", e.getValue(), e.getKey()));
            }
            return out.toString();
        }).orElse("no woven plugin '" + pluginId + "' (a plugin has a guard handle once its first class is woven)\n");
    }
}
