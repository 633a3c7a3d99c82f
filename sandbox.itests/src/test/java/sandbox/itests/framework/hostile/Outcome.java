package sandbox.itests.framework.hostile;

import java.util.Hashtable;
import org.osgi.framework.BundleContext;

/** How a hostile fixture tells the test what happened: a plain service whose properties carry the result. */
public final class Outcome {
    /** Service property: the reporting bundle's symbolic name. */
    public static final String BSN = "hostile.bsn";
    /** Service property: what was tried. */
    public static final String KEY = "hostile.key";
    /** Service property: what happened. */
    public static final String VALUE = "hostile.value";

    private Outcome() {
    }

    static void report(BundleContext ctx, String key, String value) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(BSN, ctx.getBundle().getSymbolicName());
        props.put(KEY, key);
        props.put(VALUE, value);
        ctx.registerService(Object.class.getName(), new Object(), props);
    }

    static String header(BundleContext ctx, String name) {
        String v = ctx.getBundle().getHeaders().get(name);
        return v == null ? "" : v;
    }
}
