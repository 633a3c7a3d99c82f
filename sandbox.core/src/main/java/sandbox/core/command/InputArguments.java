package sandbox.core.command;

import java.util.LinkedHashMap;
import java.util.Map;

/** Turns shell arguments {@code key=value ...} into a plugin's input. */
final class InputArguments {
    private InputArguments() {
    }

    /**
     * @param args arguments of the form {@code key=value}; the value may be empty and may contain {@code =}
     * @return the input, in argument order
     * @throws IllegalArgumentException naming the bad argument: no {@code =}, an empty key, a key given twice
     */
    static Map<String, String> parse(String... args) {
        Map<String, String> input = new LinkedHashMap<>();
        if (args == null) {
            return input;
        }
        for (String arg : args) {
            int eq = arg == null ? -1 : arg.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("argument '" + arg + "' is not key=value");
            }
            String key = arg.substring(0, eq).strip();
            if (key.isEmpty()) {
                throw new IllegalArgumentException("argument '" + arg + "' has an empty key");
            }
            if (input.putIfAbsent(key, arg.substring(eq + 1)) != null) {
                throw new IllegalArgumentException("key '" + key + "' is given twice");
            }
        }
        return input;
    }
}
