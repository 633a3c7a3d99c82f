package example.hello;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import sandbox.api.Plugin;
import sandbox.api.PluginContext;

/**
 * The quick start: greets {@code name} (default {@code world}). It writes the greeting to a file in its own data
 * folder and reads it back, so an execution does real work the sandbox can measure (CPU, allocation, file I/O)
 * while touching nothing outside what every plugin is allowed.
 */
@Component(service = Plugin.class)
public class HelloPlugin implements Plugin {

    @Override
    public Map<String, String> execute(PluginContext context) throws IOException {
        String name = context.input().getOrDefault("name", "world");
        Path file = context.dataFolder().resolve("greeting.txt");
        Files.writeString(file, "Hello, " + name + "!", StandardCharsets.UTF_8);
        String message = Files.readString(file, StandardCharsets.UTF_8);
        context.logger().log(System.Logger.Level.DEBUG, "greeted {0}", name);
        return Map.of("status", "ok", "message", message);
    }
}
