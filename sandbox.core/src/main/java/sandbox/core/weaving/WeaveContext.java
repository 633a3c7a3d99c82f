package sandbox.core.weaving;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.objectweb.asm.ClassReader;

/**
 * What the pipeline knows about the class being woven. One per class weave; not shared between threads.
 */
public final class WeaveContext {
    private final String className;
    private final long bundleId;
    private final String pluginId;
    private final ClassHierarchy hierarchy;
    private final Set<String> dynamicImports = new LinkedHashSet<>();
    private ClassReader original;

    /**
     * @param className the class's binary name with dots, as the framework names it
     * @param bundleId the plugin bundle's id, baked into the woven class to bind its policy handle
     * @param pluginId the plugin's id (bundle symbolic name)
     * @param hierarchy resolves supertypes through the plugin's class space
     */
    public WeaveContext(String className, long bundleId, String pluginId, ClassHierarchy hierarchy) {
        this.className = Objects.requireNonNull(className, "className");
        this.bundleId = bundleId;
        this.pluginId = Objects.requireNonNull(pluginId, "pluginId");
        this.hierarchy = Objects.requireNonNull(hierarchy, "hierarchy");
    }

    public String className() {
        return className;
    }

    public long bundleId() {
        return bundleId;
    }

    public String pluginId() {
        return pluginId;
    }

    public ClassHierarchy hierarchy() {
        return hierarchy;
    }

    /**
     * @return the class as the plugin shipped it, parsed once by the pipeline for every step (steps that can tell
     *         from the class file that they have nothing to do in a method pass it on untouched)
     * @throws IllegalStateException outside {@link WeavingPipeline#weave}
     */
    public ClassReader original() {
        if (original == null) {
            throw new IllegalStateException("no class file yet: the pipeline sets it before the steps run");
        }
        return original;
    }

    void original(ClassReader reader) {
        this.original = reader;
    }

    /** A step whose woven code calls into a package of sandbox.core declares it here (e.g. {@code sandbox.core.guard}). */
    public void addDynamicImport(String packageName) {
        dynamicImports.add(packageName);
    }

    /** @return the packages the woven class must import dynamically, in the order declared */
    public Set<String> dynamicImports() {
        return Set.copyOf(dynamicImports);
    }
}
