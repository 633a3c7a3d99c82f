package hostile.samples;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import sandbox.api.IsolationConfig;
import sandbox.api.IsolationLevel;
import sandbox.api.PluginPermissions;

/** A plugin reading its own class's guard handle and trying to lower its own level through it (B2 on the guard). */
public final class SelfPromote {
    private SelfPromote() {
    }

    static Object run() throws Throwable {
        Field f = SelfPromote.class.getDeclaredField("$sandbox$handle");
        f.setAccessible(true);
        Object handle = f.get(null);
        try {
            return handle.getClass().getMethod("update", IsolationConfig.class, PluginPermissions.class, Path.class)
                    .invoke(handle, IsolationConfig.DEFAULTS.withLevel(IsolationLevel.MINIMAL), PluginPermissions.NONE, null);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
