package sandbox.core.reflect;

import java.util.ArrayList;
import java.util.List;
import sandbox.core.reflect.MetaApi.Check;
import sandbox.core.reflect.MetaApi.Shape;

/** The meta-level members, one line each (catalogue groups B and C): data, not if-chains. */
final class MetaApiRows {
    static final String REFLECT = "sandbox/core/guard/ReflectGuard";
    static final String LOOKUP = "sandbox/core/guard/LookupGuard";
    static final String DEFINE = "sandbox/core/guard/DefineGuard";
    private static final String O = "Ljava/lang/Object;";
    private static final String S = "Ljava/lang/String;";
    private static final String C = "Ljava/lang/Class;";
    private static final String L = MetaApi.LOOKUP;
    private static final String MH = "Ljava/lang/invoke/MethodHandle;";
    private static final String MT = "Ljava/lang/invoke/MethodType;";
    private static final String VH = "Ljava/lang/invoke/VarHandle;";
    private static final String CL = "Ljava/lang/ClassLoader;";
    private static final String OPTS = "[Ljava/lang/invoke/MethodHandles$Lookup$ClassOption;";
    private static final String TF = "Ljavax/xml/transform/TransformerFactory;";
    private static final String LK = "java/lang/invoke/MethodHandles$Lookup";

    private final List<MetaApi> rows = new ArrayList<>();

    private MetaApiRows() {
    }

    static List<MetaApi> rows() {
        MetaApiRows r = new MetaApiRows();
        // B1: core reflection checks the target as if it were called directly
        r.replace("java/lang/reflect/Method", "invoke", "(" + O + "[" + O + ")" + O, false, REFLECT, "invoke")
         .replace("java/lang/reflect/Constructor", "newInstance", "([" + O + ")" + O, false, REFLECT, "newInstance")
         .replace("java/lang/Class", "newInstance", "()" + O, false, REFLECT, "classNewInstance")
         .check("java/lang/reflect/Field", -1, Check.FIELD, "get", "getBoolean", "getByte", "getChar", "getShort",
                 "getInt", "getLong", "getFloat", "getDouble", "set", "setBoolean", "setByte", "setChar", "setShort",
                 "setInt", "setLong", "setFloat", "setDouble")
         .check("java/lang/Class", -1, Check.DECLARED, "getDeclaredField", "getDeclaredFields", "getDeclaredMethod",
                 "getDeclaredMethods", "getDeclaredConstructor", "getDeclaredConstructors", "getDeclaredClasses")
         .check("java/lang/Class", -1, Check.PUBLIC, "getField", "getFields", "getMethod", "getMethods",
                 "getConstructor", "getConstructors", "getRecordComponents")
         .checkStatic("java/lang/reflect/InvocationHandler", "invokeDefault", 1, Check.DEFAULT_METHOD);
        // B2: deep reflection needs REFLECTION unless the member is the plugin's own
        r.replace("java/lang/reflect/AccessibleObject", "setAccessible", "(Z)V", false, REFLECT, "setAccessible")
         .replace("java/lang/reflect/AccessibleObject", "trySetAccessible", "()Z", false, REFLECT, "trySetAccessible")
         .replace("java/lang/reflect/AccessibleObject", "setAccessible", "([Ljava/lang/reflect/AccessibleObject;Z)V",
                 true, REFLECT, "setAccessibleAll");
        // E10 routes around the class space: a foreign loader gives only what the plugin's own space gives
        r.replace("java/lang/Class", "forName", "(" + S + "Z" + CL + ")" + C, true, REFLECT, "forName")
         .replace("java/lang/Class", "forName", "(Ljava/lang/Module;" + S + ")" + C, true, REFLECT, "forNameInModule")
         .replace("java/lang/ClassLoader", "loadClass", "(" + S + ")" + C, false, REFLECT, "loadClass")
         .checkStatic("java/util/ServiceLoader", "load", 1, Check.LOADER, "(" + C + CL + ")Ljava/util/ServiceLoader;")
         .checkStatic("java/util/ServiceLoader", "load", MetaApi.IMPLICIT, Check.CONTEXT_LOADER,
                 "(" + C + ")Ljava/util/ServiceLoader;")
         .checkStatic("java/util/ResourceBundle", "getBundle", 2, Check.LOADER,
                 "(" + S + "Ljava/util/Locale;" + CL + ")Ljava/util/ResourceBundle;")
         .checkStatic("java/util/ResourceBundle", "getBundle", 2, Check.LOADER,
                 "(" + S + "Ljava/util/Locale;" + CL + "Ljava/util/ResourceBundle$Control;)Ljava/util/ResourceBundle;")
         .checkStatic("javax/imageio/spi/ServiceRegistry", "lookupProviders", 1, Check.LOADER,
                 "(" + C + CL + ")Ljava/util/Iterator;")
         .checkStatic("java/lang/reflect/Proxy", "newProxyInstance", 0, Check.LOADER, MetaApi.ANY)
         .checkStatic("java/lang/reflect/Proxy", "getProxyClass", 0, Check.LOADER, MetaApi.ANY);
        // C4, E10: a class loader a plugin makes delegates to its parent: the parent must be the plugin's own space
        String url = "[Ljava/net/URL;";
        for (String loader : List.of("java/lang/ClassLoader", "java/security/SecureClassLoader")) {
            r.parent(loader, "()V", MetaApi.IMPLICIT).parent(loader, "(" + CL + ")V", 0).parent(loader, "(" + S + CL + ")V", 1);
        }
        r.parent("java/net/URLClassLoader", "(" + url + ")V", MetaApi.IMPLICIT)
         .parent("java/net/URLClassLoader", "(" + url + CL + ")V", 1)
         .parent("java/net/URLClassLoader", "(" + url + CL + "Ljava/net/URLStreamHandlerFactory;)V", 1)
         .parent("java/net/URLClassLoader", "(" + S + url + CL + ")V", 2)
         .parent("java/net/URLClassLoader", "(" + S + url + CL + "Ljava/net/URLStreamHandlerFactory;)V", 2)
         .checkStatic("java/net/URLClassLoader", "newInstance", MetaApi.IMPLICIT, Check.LOADER,
                 "(" + url + ")Ljava/net/URLClassLoader;")
         .checkStatic("java/net/URLClassLoader", "newInstance", 1, Check.LOADER,
                 "(" + url + CL + ")Ljava/net/URLClassLoader;");
        // B3, B5, B11, H6: every member-resolving Lookup method, however the Lookup was obtained
        for (String find : List.of("findStatic", "findVirtual")) {
            r.replace(LK, find, "(" + C + S + MT + ")" + MH, false, LOOKUP, find);
        }
        r.replace(LK, "findSpecial", "(" + C + S + MT + C + ")" + MH, false, LOOKUP, "findSpecial")
         .replace(LK, "findConstructor", "(" + C + MT + ")" + MH, false, LOOKUP, "findConstructor");
        for (String field : List.of("findGetter", "findSetter", "findStaticGetter", "findStaticSetter")) {
            r.replace(LK, field, "(" + C + S + C + ")" + MH, false, LOOKUP, field);
        }
        r.replace(LK, "findVarHandle", "(" + C + S + C + ")" + VH, false, LOOKUP, "findVarHandle")
         .replace(LK, "findStaticVarHandle", "(" + C + S + C + ")" + VH, false, LOOKUP, "findStaticVarHandle")
         .replace(LK, "bind", "(" + O + S + MT + ")" + MH, false, LOOKUP, "bind")
         .replace(LK, "unreflect", "(Ljava/lang/reflect/Method;)" + MH, false, LOOKUP, "unreflect")
         .replace(LK, "unreflectSpecial", "(Ljava/lang/reflect/Method;" + C + ")" + MH, false, LOOKUP, "unreflectSpecial")
         .replace(LK, "unreflectConstructor", "(Ljava/lang/reflect/Constructor;)" + MH, false, LOOKUP,
                 "unreflectConstructor")
         .replace(LK, "unreflectGetter", "(Ljava/lang/reflect/Field;)" + MH, false, LOOKUP, "unreflectGetter")
         .replace(LK, "unreflectSetter", "(Ljava/lang/reflect/Field;)" + MH, false, LOOKUP, "unreflectSetter")
         .replace(LK, "unreflectVarHandle", "(Ljava/lang/reflect/Field;)" + VH, false, LOOKUP, "unreflectVarHandle")
         .replace(LK, "in", "(" + C + ")" + L, false, LOOKUP, "in")
         .replace("java/lang/invoke/MethodHandles", "privateLookupIn", "(" + C + L + ")" + L, true, LOOKUP,
                 "privateLookupIn")
         .replace("java/lang/invoke/LambdaMetafactory", "metafactory", "(" + L + S + MT + MT + MH + MT
                 + ")Ljava/lang/invoke/CallSite;", true, LOOKUP, "metafactory")
         .replace("java/lang/invoke/LambdaMetafactory", "altMetafactory", "(" + L + S + MT + "[" + O
                 + ")Ljava/lang/invoke/CallSite;", true, LOOKUP, "altMetafactory")
         .replace("java/lang/invoke/MethodHandleProxies", "asInterfaceInstance", "(" + C + MH + ")" + O, true,
                 LOOKUP, "asInterfaceInstance");
        // C1, C2: code defined at run time is woven before it is defined; C4: so is a plugin class loader's
        r.replace(LK, "defineClass", "([B)" + C, false, DEFINE, "defineClass")
         .replace(LK, "defineHiddenClass", "([BZ" + OPTS + ")" + L, false, DEFINE, "defineHiddenClass")
         .replace(LK, "defineHiddenClassWithClassData", "([B" + O + "Z" + OPTS + ")" + L, false, DEFINE,
                 "defineHiddenClassWithClassData")
         .defineBytes("java/lang/ClassLoader")
         .defineBytes("java/security/SecureClassLoader");
        // C7: XSLT factories come hardened (secure processing: no extension functions)
        r.replace("javax/xml/transform/TransformerFactory", "newInstance", "()" + TF, true, DEFINE, "transformerFactory")
         .replace("javax/xml/transform/TransformerFactory", "newDefaultInstance", "()" + TF, true, DEFINE,
                 "transformerFactoryDefault")
         .replace("javax/xml/transform/TransformerFactory", "newInstance", "(" + S + CL + ")" + TF, true, DEFINE,
                 "transformerFactoryNamed");
        // B6: java.beans calls methods by name from JDK code: never on the Sandbox's own objects, whatever is granted
        r.target("java/beans/Statement", "(" + O + S + "[" + O + ")V", 0)
         .target("java/beans/Expression", "(" + O + S + "[" + O + ")V", 0)
         .target("java/beans/Expression", "(" + O + O + S + "[" + O + ")V", 1)
         .target("java/beans/EventHandler", "(" + O + S + S + S + ")V", 0)
         .target("java/beans/XMLDecoder", "(Ljava/io/InputStream;" + O + ")V", 1)
         .target("java/beans/XMLDecoder", "(Ljava/io/InputStream;" + O + "Ljava/beans/ExceptionListener;)V", 1)
         .target("java/beans/XMLDecoder", "(Ljava/io/InputStream;" + O + "Ljava/beans/ExceptionListener;" + CL + ")V", 1);
        for (String desc : List.of("(" + C + O + S + ")" + O, "(" + C + O + S + S + ")" + O, "(" + C + O + S + S + S + ")" + O)) {
            r.checkStatic("java/beans/EventHandler", "create", 1, Check.TARGET_OBJECT, desc);
        }
        // C8, D5: deserialisation instantiates only classes the plugin could name
        r.check("java/io/ObjectInputStream", -1, Check.DESERIALIZE, "readObject", "readUnshared")
         .replace("java/io/ObjectInputStream", "setObjectInputFilter", "(Ljava/io/ObjectInputFilter;)V", false,
                 REFLECT, "setObjectInputFilter");
        return List.copyOf(r.rows);
    }

    private MetaApiRows replace(String owner, String name, String desc, boolean isStatic, String guard, String method) {
        rows.add(new MetaApi(owner, name, desc, isStatic, Shape.REPLACE, null, 0, guard, method));
        return this;
    }

    private MetaApiRows check(String owner, int arg, Check check, String... names) {
        for (String name : names) {
            rows.add(new MetaApi(owner, name, MetaApi.ANY, false, Shape.CHECK, check, arg, null, null));
        }
        return this;
    }

    private MetaApiRows checkStatic(String owner, String name, int arg, Check check) {
        return checkStatic(owner, name, arg, check, MetaApi.ANY);
    }

    private MetaApiRows checkStatic(String owner, String name, int arg, Check check, String desc) {
        rows.add(new MetaApi(owner, name, desc, true, Shape.CHECK, check, arg, null, null));
        return this;
    }

    /** A class loader constructor (matched on its exact class, as constructors are: H3) whose parent is checked. */
    private MetaApiRows parent(String owner, String desc, int arg) {
        rows.add(new MetaApi(owner, "<init>", desc, false, Shape.CHECK, Check.LOADER, arg, null, null));
        return this;
    }

    /** A JDK constructor whose argument is an object the JDK will call methods on by name. */
    private MetaApiRows target(String owner, String desc, int arg) {
        rows.add(new MetaApi(owner, "<init>", desc, false, Shape.CHECK, Check.TARGET_OBJECT, arg, null, null));
        return this;
    }

    private MetaApiRows defineBytes(String owner) {
        rows.add(new MetaApi(owner, "defineClass", MetaApi.ANY, false, Shape.DEFINE_BYTES, null, 0, null, null));
        return this;
    }
}
