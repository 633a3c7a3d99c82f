package example.sleepy;

import java.util.Map;
import org.osgi.service.component.annotations.Component;
import sandbox.api.Plugin;
import sandbox.api.PluginContext;

/**
 * Sleeps for {@code seconds} (default 10), longer than the default execution-time limit of 2 s, so the sandbox
 * must end it: the result is TIMEOUT. It honours interruption (the sleep throws {@link InterruptedException} and
 * the plugin lets it propagate), as a well-behaved slow plugin should.
 */
@Component(service = Plugin.class)
public class SleepyPlugin implements Plugin {

    @Override
    public Map<String, String> execute(PluginContext context) throws InterruptedException {
        long seconds = Long.parseLong(context.input().getOrDefault("seconds", "10"));
        Thread.sleep(seconds * 1000);
        return Map.of("status", "ok", "slept", seconds + " s");
    }
}
