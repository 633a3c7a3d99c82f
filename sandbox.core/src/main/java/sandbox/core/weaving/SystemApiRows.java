package sandbox.core.weaving;

import static sandbox.api.PermissionKind.CLASS_DEFINITION;
import static sandbox.api.PermissionKind.EXIT;
import static sandbox.api.PermissionKind.NATIVE;
import static sandbox.api.PermissionKind.PROCESS;
import static sandbox.api.PermissionKind.PROPERTY;
import static sandbox.api.PermissionKind.REFLECTION;
import static sandbox.core.weaving.Rows.arg;
import static sandbox.core.weaving.Rows.self;

import java.util.List;

/** Processes (A1, A3), exit and halt (A2), native code (A17), system properties and the environment (A18, A19), class definition. */
final class SystemApiRows implements SensitiveApiSource {
    private static final String S = "Ljava/lang/String;";

    @Override
    public String name() {
        return "system";
    }

    @Override
    public List<SensitiveApi> rows() {
        Rows r = new Rows(name());
        r.add("java.lang.Runtime", "exec", SensitiveApi.ANY, PROCESS, "exec", arg(TargetKind.COMMAND, 0))
         .add("java.lang.ProcessBuilder", "start", "()Ljava/lang/Process;", PROCESS, "exec", self(TargetKind.COMMAND))
         .add("java.lang.ProcessBuilder", "startPipeline", SensitiveApi.ANY, PROCESS, "exec", arg(TargetKind.COMMAND, 0))
         .all("java.lang.ProcessHandle", PROCESS, "exec", "allProcesses", "of", "parent", "children", "descendants",
                 "destroy", "destroyForcibly", "info")
         .all("java.lang.Process", PROCESS, "exec", "toHandle", "children", "descendants")
         .all("java.lang.System", EXIT, "exit", "exit")
         .all("java.lang.Runtime", EXIT, "exit", "exit", "halt")
         .add("java.lang.System", "load", SensitiveApi.ANY, NATIVE, "load", arg(TargetKind.NAME, 0))
         .add("java.lang.System", "loadLibrary", SensitiveApi.ANY, NATIVE, "load", arg(TargetKind.NAME, 0))
         .add("java.lang.Runtime", "load", SensitiveApi.ANY, NATIVE, "load", arg(TargetKind.NAME, 0))
         .add("java.lang.Runtime", "loadLibrary", SensitiveApi.ANY, NATIVE, "load", arg(TargetKind.NAME, 0))
         .all("java.lang.foreign.Linker", NATIVE, "load", "nativeLinker")
         .all("java.lang.foreign.SymbolLookup", NATIVE, "load", "libraryLookup")
         .all("java.lang.foreign.MemorySegment", NATIVE, "load", "reinterpret")
         // SunPKCS11's configure names a PKCS#11 module by path and the JDK's native half dlopen()s it: no Java
         // load call for the sink layer to see (found by UnlistedWrapperIT). The target is the configuration text
         // (or its file), granted by prefix, e.g. native;target="--name=mytoken*"
         .add("java.security.Provider", "configure", SensitiveApi.ANY, NATIVE, "load", arg(TargetKind.NAME, 0));
        r.add("java.lang.System", "getProperty", SensitiveApi.ANY, PROPERTY, "read", arg(TargetKind.NAME, 0))
         .add("java.lang.System", "setProperty", SensitiveApi.ANY, PROPERTY, "write", arg(TargetKind.NAME, 0))
         .add("java.lang.System", "clearProperty", SensitiveApi.ANY, PROPERTY, "write", arg(TargetKind.NAME, 0))
         // the live Properties object allows every write without a setProperty call site (A18): needs property "*"
         .add("java.lang.System", "getProperties", "()Ljava/util/Properties;", PROPERTY, "write", Target.NONE)
         .add("java.lang.System", "setProperties", "(Ljava/util/Properties;)V", PROPERTY, "write", Target.NONE)
         .add("java.lang.System", "getenv", "(" + S + ")" + S, PROPERTY, "read", arg(TargetKind.ENV, 0))
         .add("java.lang.System", "getenv", "()Ljava/util/Map;", PROPERTY, "read", Target.NONE)
         .add("java.lang.Integer", "getInteger", SensitiveApi.ANY, PROPERTY, "read", arg(TargetKind.NAME, 0))
         .add("java.lang.Long", "getLong", SensitiveApi.ANY, PROPERTY, "read", arg(TargetKind.NAME, 0))
         .add("java.lang.Boolean", "getBoolean", SensitiveApi.ANY, PROPERTY, "read", arg(TargetKind.NAME, 0));
        // class definition: the guard refuses here; weaving run-time-defined code is the class-definition issue's part
        r.add("java.lang.ClassLoader", "<init>", SensitiveApi.ANY, CLASS_DEFINITION, "define", Target.NONE)
         .all("java.lang.ClassLoader", CLASS_DEFINITION, "define", "defineClass")
         .all("java.security.SecureClassLoader", CLASS_DEFINITION, "define", "defineClass")
         .all("java.lang.invoke.MethodHandles$Lookup", CLASS_DEFINITION, "define", "defineClass", "defineHiddenClass",
                 "defineHiddenClassWithClassData")
         .all("java.net.URLClassLoader", CLASS_DEFINITION, "define", "newInstance")
         .add("java.net.URLClassLoader", "<init>", SensitiveApi.ANY, CLASS_DEFINITION, "define", Target.NONE)
         .all("java.lang.reflect.AccessibleObject", REFLECTION, "access", "setAccessible", "trySetAccessible")
         .all("java.lang.invoke.MethodHandles", REFLECTION, "access", "privateLookupIn");
        return r.build();
    }
}
