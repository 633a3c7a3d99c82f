package sandbox.core.reflect;

import java.lang.invoke.MethodHandles.Lookup;
import java.nio.ByteBuffer;
import javax.xml.XMLConstants;
import javax.xml.transform.TransformerConfigurationException;
import javax.xml.transform.TransformerFactory;
import sandbox.api.PermissionKind;
import sandbox.core.policy.PolicyDecisionPoint;
import sandbox.core.policy.PolicyHandle;

/** The checks behind {@code sandbox.core.guard.DefineGuard}: where run-time code may go, and hardened XSLT. */
public final class Definitions {
    private Definitions() {
    }

    /**
     * {@code Lookup.defineClass} and hidden classes (C1, C2): only into the plugin's own loader (never another
     * bundle's, C3), needs CLASS_DEFINITION, and the bytes are woven first.
     *
     * @return the woven bytes to define through {@code target}
     */
    public static byte[] forLookup(Lookup target, byte[] bytes, Lookup caller, Object handle, String op) {
        PolicyHandle h = Callers.handle(handle);
        Class<?> c = Callers.verify(caller, h);
        Class<?> into = target.lookupClass();
        if (!ClassSpace.own(h, into)) {
            String what = "into " + into.getName();
            PolicyDecisionPoint.enforce(h, PermissionKind.CLASS_DEFINITION, "define", what, op);
            throw RuntimeDefinitions.refused(h, what, op, "a plugin defines classes only into its own class loader");
        }
        return RuntimeDefinitions.weave(h, bytes.clone(), into.getClassLoader(), c, op);
    }

    /**
     * {@code ClassLoader.defineClass} called by the plugin's own loader subclass (C4): woven into that loader.
     *
     * @return the woven bytes, as an array or a buffer like {@code bytes}
     */
    public static Object forLoader(Object loader, Object bytes, int off, int len, Lookup caller, Object handle) {
        PolicyHandle h = Callers.handle(handle);
        Class<?> c = Callers.verify(caller, h);
        String op = "java.lang.ClassLoader.defineClass";
        ClassLoader l = (ClassLoader) loader;
        if (!ClassSpace.own(h, l.getClass())) {
            throw RuntimeDefinitions.refused(h, "into " + l.getClass().getName(), op, "not the plugin's own class loader");
        }
        byte[] original;
        if (bytes instanceof ByteBuffer b) {
            ByteBuffer view = b.duplicate();
            original = new byte[view.remaining()];
            view.get(original);
        } else {
            byte[] a = (byte[]) bytes;
            if (off < 0 || len < 0 || off > a.length - len) {
                throw new IndexOutOfBoundsException("defineClass range " + off + "+" + len + " of " + a.length);
            }
            original = java.util.Arrays.copyOfRange(a, off, off + len);
        }
        byte[] woven = RuntimeDefinitions.weave(h, original, l, c, op);
        return bytes instanceof ByteBuffer ? ByteBuffer.wrap(woven) : woven;
    }

    /** A loader given to {@code TransformerFactory.newInstance(name, loader)} instantiates the named factory class. */
    public static void factoryLoader(ClassLoader loader, Lookup caller, Object handle) {
        PolicyHandle h = Callers.handle(handle);
        Class<?> c = Callers.verify(caller, h);
        if (loader != null && !ClassSpace.ownLoader(h, loader, c)) {
            PolicyDecisionPoint.enforce(h, PermissionKind.REFLECTION, "access", "class loader "
                    + ClassSpace.describe(loader), "javax.xml.transform.TransformerFactory.newInstance");
        }
    }

    /**
     * C7: secure processing turns XSLT extension functions (Java calls from a stylesheet) off, and external
     * stylesheets and DTDs are not fetched (D4). Relaxing it again needs CLASS_DEFINITION ({@link DefinitionRows}).
     */
    public static TransformerFactory harden(TransformerFactory tf) {
        try {
            tf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (TransformerConfigurationException e) {
            throw new SecurityException("Sandbox: cannot make " + tf.getClass().getName() + " secure; refused", e);
        }
        for (String attribute : new String[] {XMLConstants.ACCESS_EXTERNAL_DTD, XMLConstants.ACCESS_EXTERNAL_STYLESHEET}) {
            try {
                tf.setAttribute(attribute, "");
            } catch (IllegalArgumentException unsupported) {
                // a factory without the attribute does not fetch through it either
            }
        }
        return tf;
    }
}
