package reflhost;

import java.util.ListResourceBundle;

/** Stands for another bundle's private state (B2): loaded by the test class path, outside any plugin's space. */
public final class HostState {
    private static boolean enforcing = true;

    private HostState() {
    }

    public static boolean enforcing() {
        return enforcing;
    }

    public static void reset() {
        enforcing = true;
    }

    /** A resource bundle only the host's loader has. */
    public static final class Messages extends ListResourceBundle {
        @Override
        protected Object[][] getContents() {
            return new Object[][] {{"greeting", "host"}};
        }
    }
}
