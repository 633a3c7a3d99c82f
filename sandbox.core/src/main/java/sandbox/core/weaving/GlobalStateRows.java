package sandbox.core.weaving;

import static sandbox.api.PermissionKind.JVM_GLOBAL;

import java.util.List;

/** JVM-wide state (catalogue group G): every overload of each setter is JVM_GLOBAL "modify", no target. */
final class GlobalStateRows implements SensitiveApiSource {
    private static final String M = "modify";

    @Override
    public String name() {
        return "jvm-global";
    }

    @Override
    public List<SensitiveApi> rows() {
        return new Rows(name())
                .all("java.lang.System", JVM_GLOBAL, M, "setOut", "setErr", "setIn", "setSecurityManager")   // G3, G4
                .all("java.util.Locale", JVM_GLOBAL, M, "setDefault")                                       // G5
                .all("java.util.TimeZone", JVM_GLOBAL, M, "setDefault")
                .all("java.lang.Thread", JVM_GLOBAL, M, "setDefaultUncaughtExceptionHandler")              // G6
                .all("java.lang.Runtime", JVM_GLOBAL, M, "addShutdownHook", "removeShutdownHook")
                .all("java.net.URL", JVM_GLOBAL, M, "setURLStreamHandlerFactory")                          // G1
                .all("java.net.URLConnection", JVM_GLOBAL, M, "setContentHandlerFactory", "setFileNameMap",
                        "setDefaultUseCaches", "setDefaultAllowUserInteraction")
                .all("java.net.Socket", JVM_GLOBAL, M, "setSocketImplFactory")
                .all("java.net.ServerSocket", JVM_GLOBAL, M, "setSocketFactory")
                .all("java.net.DatagramSocket", JVM_GLOBAL, M, "setDatagramSocketImplFactory")
                .all("java.net.HttpURLConnection", JVM_GLOBAL, M, "setFollowRedirects")
                .all("java.net.Authenticator", JVM_GLOBAL, M, "setDefault")
                .all("java.net.ProxySelector", JVM_GLOBAL, M, "setDefault")
                .all("java.net.CookieHandler", JVM_GLOBAL, M, "setDefault")
                .all("java.net.ResponseCache", JVM_GLOBAL, M, "setDefault")
                .all("javax.net.ssl.SSLContext", JVM_GLOBAL, M, "setDefault")                               // G2
                .all("javax.net.ssl.HttpsURLConnection", JVM_GLOBAL, M, "setDefaultHostnameVerifier",
                        "setDefaultSSLSocketFactory")
                .all("java.security.Security", JVM_GLOBAL, M, "setProperty", "addProvider", "insertProviderAt",
                        "removeProvider")
                .all("java.security.Policy", JVM_GLOBAL, M, "setPolicy")
                .all("java.util.logging.LogManager", JVM_GLOBAL, M, "reset", "readConfiguration",
                        "updateConfiguration")
                .all("javax.naming.spi.NamingManager", JVM_GLOBAL, M, "setInitialContextFactoryBuilder",  // G7
                        "setObjectFactoryBuilder")
                .all("java.rmi.server.RMISocketFactory", JVM_GLOBAL, M, "setSocketFactory", "setFailureHandler")
                .all("javax.imageio.spi.IIORegistry", JVM_GLOBAL, M, "registerServiceProvider",           // G10
                        "registerServiceProviders", "deregisterServiceProvider", "deregisterAll")
                .all("java.sql.DriverManager", JVM_GLOBAL, M, "registerDriver", "deregisterDriver", "setLogWriter")
                .all("javax.print.PrintServiceLookup", JVM_GLOBAL, M, "registerServiceProvider", "registerService")
                .build();
    }
}
