package hostile.runaway;

import java.util.Map;
import org.osgi.service.component.annotations.Component;
import sandbox.api.Plugin;
import sandbox.api.PluginContext;

/**
 * Runs the runaway shape named by input {@code action} (see {@link Runaways}); {@code "ok"} (the default) returns
 * at once, so a test can show the plugin still works after it was contained.
 */
@Component(service = Plugin.class)
public class RunawayPlugin implements Plugin {

    @Override
    public Map<String, String> execute(PluginContext context) throws Exception {
        String action = context.input().getOrDefault("action", "ok");
        switch (action) {
            case "ok" -> {
                return Map.of("status", "ok");
            }
            case "spin" -> Runaways.spin();
            case "swallowThrowable" -> Runaways.swallowThrowable();
            case "loopInFinally" -> Runaways.loopInFinally();
            case "recurse" -> Runaways.recurse(0);
            case "recurseCatchingOverflow" -> Runaways.recurseCatchingOverflow(0);
            case "threadBomb" -> Runaways.threadBomb();
            case "sleepIgnoringInterrupts" -> Runaways.sleepIgnoringInterrupts();
            case "allocate" -> Runaways.allocate(Integer.parseInt(context.input().getOrDefault("chunk", "8192")));
            case "spinOnUnjoinedThread" -> {
                Runaways.startThread("hostile-spinner", Runaways::spin);
                return Map.of("status", "started");
            }
            case "sleeperThread" -> {
                Runaways.startThread("hostile-sleeper", Runaways::sleepIgnoringInterrupts);
                return Map.of("status", "started");
            }
            case "holdMonitor" -> {
                Runaways.holdSharedMonitor();
                return Map.of("status", "holding", "lock", Runaways.SHARED_LOCK);
            }
            default -> throw new IllegalArgumentException("unknown action '" + action + "'");
        }
        return Map.of("status", "returned?");
    }
}
