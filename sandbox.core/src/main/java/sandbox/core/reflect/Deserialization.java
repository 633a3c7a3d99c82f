package sandbox.core.reflect;

import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import sandbox.api.PermissionKind;
import sandbox.core.policy.PolicyDecisionPoint;
import sandbox.core.policy.PolicyHandle;

/**
 * A plugin's {@code ObjectInputStream} deserialises only classes the plugin could name (C8, D5): never a class
 * of a JDK package its module does not export (such as XSLTC's {@code TemplatesImpl}, whose bytecode field is a
 * class definer), never the Sandbox's. Installed before the first {@code readObject}, and merged into any filter the
 * plugin sets, so the plugin's filter can narrow but never widen it.
 */
final class Deserialization {
    private Deserialization() {
    }

    static void install(ObjectInputStream in, PolicyHandle h, ObjectInputFilter pluginFilter) {
        ObjectInputFilter current = in.getObjectInputFilter();
        if (current instanceof PluginFilter && pluginFilter == null) {
            return;
        }
        try {
            in.setObjectInputFilter(new PluginFilter(h, pluginFilter != null ? pluginFilter : current));
        } catch (IllegalStateException e) {
            if (pluginFilter != null || current == null) {
                throw e;   // what the JDK says: set twice, or after reading began
            }
            // a stream the JDK already filters (the host's jdk.serialFilter) and began to read: that filter stays
        }
    }

    static boolean jdkInternal(Class<?> c) {
        Class<?> b = ClassSpace.base(c);
        Module m = b.getModule();
        return ClassSpace.internal(b) || (m.isNamed() && !b.isPrimitive() && !m.isExported(b.getPackageName()));
    }

    /** Refuses JDK-internal and Sandbox classes, then asks the plugin's own filter, if any. */
    private static final class PluginFilter implements ObjectInputFilter {
        private final PolicyHandle h;
        private final ObjectInputFilter next;

        PluginFilter(PolicyHandle h, ObjectInputFilter next) {
            this.h = h;
            this.next = next;
        }

        @Override
        public Status checkInput(FilterInfo info) {
            Class<?> c = info.serialClass();
            if (c != null && jdkInternal(c)) {
                PolicyDecisionPoint.enforce(h, PermissionKind.REFLECTION, "access", "deserialize " + c.getName(),
                        "java.io.ObjectInputStream.readObject");
                if (ClassSpace.internal(c)) {
                    return Status.REJECTED;
                }
            }
            return next == null ? Status.UNDECIDED : next.checkInput(info);
        }
    }
}
