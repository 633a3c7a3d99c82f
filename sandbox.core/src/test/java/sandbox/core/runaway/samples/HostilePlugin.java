package sandbox.core.runaway.samples;

import java.util.Map;
import sandbox.api.Plugin;
import sandbox.api.PluginContext;

/** A plugin whose runaway shape is chosen by input "action"; woven by the tests, run by the real executor. */
public final class HostilePlugin implements Plugin {
    @Override
    public Map<String, String> execute(PluginContext context) {
        switch (context.input().getOrDefault("action", "ok")) {
            case "spin" -> Runaways.spin();
            case "swallowThrowable" -> Runaways.swallowThrowable();
            case "recurseCatchingOverflow" -> Runaways.recurseCatchingOverflow(0);
            case "recurse" -> Runaways.recurse(0);
            case "allocate" -> Bombs.allocate();
            case "swallowAndReturn" -> {
                return swallowAndReturn();
            }
            default -> {
                return Map.of("status", "ok");
            }
        }
        return Map.of("status", "unreachable");
    }

    @SuppressWarnings("finally")
    private static Map<String, String> swallowAndReturn() {
        try {
            Runaways.spin();
        } finally {
            return Map.of("status", "swallowed"); // plugin code that returns normally after its termination
        }
    }
}
