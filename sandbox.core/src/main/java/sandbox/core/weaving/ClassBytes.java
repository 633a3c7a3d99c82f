package sandbox.core.weaving;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;

/**
 * Reads class files without loading classes: weaving must never define a class to learn its supertypes (a
 * class defined while another is being woven would be woven recursively, or not at all).
 */
@FunctionalInterface
public interface ClassBytes {

    /**
     * @param internalName e.g. {@code p1/Plugin$MyFile}
     * @return the class file, or {@code null} when this source has no such class
     * @throws IOException when the class file exists but cannot be read
     */
    byte[] read(String internalName) throws IOException;

    /** @return a source reading {@code .class} resources through a class loader (a bundle's, in OSGi) */
    static ClassBytes of(ClassLoader loader) {
        return name -> {
            URL url = loader.getResource(name + ".class");
            if (url == null) {
                return null;
            }
            try (InputStream in = url.openStream()) {
                return in.readAllBytes();
            }
        };
    }

    /** The JDK's own classes, through the platform loader (which delegates to the boot loader). */
    ClassBytes JDK = of(ClassLoader.getPlatformClassLoader());
}
