package hostile.corpus;

import java.util.Map;
import java.util.TreeMap;

/** Every action, by name {@code <catalogue entry>.<variant>}. */
final class Actions {
    static final Map<String, Action> ALL;

    static {
        Map<String, Action> m = new TreeMap<>();
        ProcessActions.register(m);
        FileActions.register(m);
        NetworkActions.register(m);
        SystemActions.register(m);
        GlobalActions.register(m);
        EvasionActions.register(m);
        BeyondCatalogue.register(m);
        ReflectionActions.register(m);
        CodeActions.register(m);
        ALL = Map.copyOf(m);
    }

    private Actions() {
    }
}
