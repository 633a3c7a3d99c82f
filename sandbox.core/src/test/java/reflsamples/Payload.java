package reflsamples;

import java.util.function.BiFunction;

/** Bytes a plugin defines at run time (C1, C2, C4). Never loaded by the plugin's loader itself. */
public final class Payload implements BiFunction<String, String, Object> {
    @Override
    public Object apply(String name, String value) {
        return System.setProperty(name, value);
    }
}
