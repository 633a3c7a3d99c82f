package reflsamples;

import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;
import java.lang.management.ManagementFactory;
import java.lang.module.ModuleFinder;
import java.rmi.MarshalledObject;
import javax.management.modelmbean.RequiredModelMBean;
import javax.script.ScriptEngineManager;
import javax.swing.UIDefaults;
import javax.xml.XMLConstants;
import javax.xml.transform.TransformerFactory;

/** JDK code that reflects, defines or deserialises for the caller (catalogue B6-B8, C5-C8, C12, D11, beyond). */
public final class Deputies {
    private Deputies() {
    }

    /** B6 */
    public static Object beansStatement(String name, String value) throws Exception {
        new java.beans.Statement(System.class, "setProperty", new Object[] {name, value}).execute();
        return System.getProperty(name);
    }

    /** B7 */
    public static Object dynalink() {
        return new jdk.dynalink.DynamicLinkerFactory().createLinker();
    }

    /** B8 */
    public static Object modelMBean() throws Exception {
        return new RequiredModelMBean();
    }

    /** D11, C12 */
    public static Object platformMBeanServer() {
        return ManagementFactory.getPlatformMBeanServer().getMBeanCount();
    }

    /** C5 */
    public static Object moduleFinder() {
        return ModuleFinder.of().findAll().size();
    }

    /** C6 */
    public static Object toolProvider() {
        return java.util.spi.ToolProvider.findFirst("javac").isPresent();
    }

    /** C6 */
    public static Object systemCompiler() {
        return javax.tools.ToolProvider.getSystemJavaCompiler() != null;
    }

    /** C9 */
    public static Object scriptEngines() {
        return new ScriptEngineManager().getEngineFactories().size();
    }

    /** C7: the factory a plugin gets has secure processing on (no extension functions). */
    public static Object xsltFactory() {
        return TransformerFactory.newInstance().getFeature(XMLConstants.FEATURE_SECURE_PROCESSING);
    }

    /** C7: turning it off again. */
    public static Object xsltRelax() throws Exception {
        TransformerFactory tf = TransformerFactory.newInstance();
        tf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, false);
        return tf.getFeature(XMLConstants.FEATURE_SECURE_PROCESSING);
    }

    /** C8, D5: deserialising a class of a package the JDK does not export. */
    public static Object deserialize(byte[] data) throws Exception {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(data))) {
            return in.readObject();
        }
    }

    /** Beyond the catalogue: Swing's lazy value calls a static method by name from JDK code. */
    public static Object proxyLazyValue() {
        return new UIDefaults.ProxyLazyValue("java.lang.System", "getProperty", new Object[] {"user.home"})
                .createValue(null);
    }

    /** Beyond the catalogue: MarshalledObject.get deserialises with its own unfiltered stream. */
    public static Object marshalled(String s) throws Exception {
        return new MarshalledObject<>(s).get();
    }

    /** D12 */
    public static Object preferences() {
        return java.util.prefs.Preferences.userRoot().name();
    }
}
