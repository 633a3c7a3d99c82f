package hostile.corpus;

import java.util.function.Supplier;

/**
 * The class the C actions define at run time from these bytes. Woven when defined, so its property write is checked
 * against the plugin's policy like any call of the bundle's own classes.
 */
public final class DefinedPayload implements Supplier<String> {
    @Override
    public String get() {
        return "defined, was " + System.setProperty(ReflectionActions.PROP, "defined");
    }
}
