package plugin.template;

import java.util.Map;
import org.osgi.service.component.annotations.Component;
import sandbox.api.Plugin;
import sandbox.api.PluginContext;

/**
 * A Sandbox plugin: copy this folder to start your own.
 *
 * <p>What to change:
 * <ol>
 * <li>The folder name, and {@code artifactId} in {@code pom.xml}: it becomes the bundle symbolic name, which is
 *     the plugin's id ({@code sandbox:run <id>}). Use a dotted name such as {@code com.example.report}.</li>
 * <li>The Java package ({@code plugin.template}): rename it to start with the same name as the bundle.</li>
 * <li>This class: keep {@code @Component(service = Plugin.class)} (a plugin bundle registers exactly one
 *     {@link Plugin} service) and put your work in {@link #execute}.</li>
 * <li>{@code bnd.bnd}: declare the permissions you need in {@code Sandbox-Permissions}, if any.</li>
 * </ol>
 *
 * <p>What the sandbox guarantees and expects: {@code execute} runs on a thread the plugin owns, under the
 * plugin's limits (execution time 2 s by default); the context gives the plugin's id, its own data folder (always
 * readable and writable), the caller's input and a logger. Return string keys and values; throw to fail: the
 * caller gets a FAILED result with your exception's class and message, never the exception. Honour interruption:
 * an execution over its time limit is interrupted.
 */
@Component(service = Plugin.class)
public class TemplatePlugin implements Plugin {

    @Override
    public Map<String, String> execute(PluginContext context) {
        String who = context.input().getOrDefault("name", "template");
        context.logger().log(System.Logger.Level.INFO, "running for {0}", who);
        return Map.of("status", "ok", "message", "plugin.template ran for " + who);
    }
}
