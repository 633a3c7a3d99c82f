package example.failing;

import java.util.Map;
import org.osgi.service.component.annotations.Component;
import sandbox.api.Plugin;
import sandbox.api.PluginContext;

/**
 * Always fails. Shows that a plugin's exception never reaches the caller: the result is FAILED and its error
 * names the exception's class and message.
 */
@Component(service = Plugin.class)
public class FailingPlugin implements Plugin {
    /** The message of the exception this plugin throws. */
    public static final String MESSAGE = "example.failing failed on purpose: the input was not good enough";

    @Override
    public Map<String, String> execute(PluginContext context) {
        throw new IllegalStateException(MESSAGE);
    }
}
