package hostile.unlisted;

import java.util.Map;
import java.util.TreeMap;

/** Every action, by name {@code <kind>.<wrapper>}. */
final class Actions {
    static final Map<String, Action> ALL;

    static {
        Map<String, Action> m = new TreeMap<>();
        m.put("none", in -> "nothing");
        FileReads.register(m);
        FileWrites.register(m);
        NetworkWrappers.register(m);
        NativeWrappers.register(m);
        ALL = Map.copyOf(m);
    }

    private Actions() {
    }
}
