package hostile.unlisted;

import java.util.Map;
import org.osgi.service.component.annotations.Component;
import sandbox.api.Plugin;
import sandbox.api.PluginContext;

/** Runs the action named by input {@code action} (e.g. {@code read.audioFileFormat}); see {@link Actions}. */
@Component(service = Plugin.class)
public class UnlistedPlugin implements Plugin {

    @Override
    public Map<String, String> execute(PluginContext context) throws Exception {
        String name = context.input().getOrDefault("action", "none");
        Action action = Actions.ALL.get(name);
        if (action == null) {
            throw new IllegalArgumentException("unknown action '" + name + "'; known: " + Actions.ALL.keySet());
        }
        return Map.of("action", name, "result", String.valueOf(action.run(new Inputs(context))));
    }
}
