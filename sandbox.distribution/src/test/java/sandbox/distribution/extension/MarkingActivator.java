package sandbox.distribution.extension;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * The {@code ExtensionBundle-Activator} of the extension jar {@code DistributionIT} drops into the deploy folder:
 * if the framework ever put the jar on its class path and started it, it creates the file named by the jar's
 * resource {@value #TARGET}. Copied into that jar; the container's class path never has it otherwise.
 */
public final class MarkingActivator implements BundleActivator {
    /** Resource holding the path of the file to create. */
    public static final String TARGET = "sandbox-it-extension-target.txt";

    @Override
    public void start(BundleContext context) throws IOException {
        try (InputStream in = MarkingActivator.class.getClassLoader().getResourceAsStream(TARGET)) {
            Files.writeString(Path.of(new String(in.readAllBytes(), StandardCharsets.UTF_8)), "extension activator ran");
        }
    }

    @Override
    public void stop(BundleContext context) {
    }
}
