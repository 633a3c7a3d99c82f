package hostile.corpus;

import java.io.PrintStream;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.HttpURLConnection;
import java.net.ProxySelector;
import java.net.ResponseCache;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import javax.net.ssl.SSLContext;

/**
 * Group G: JVM-wide defaults. Each setter is called with the value already in force, so when a granted run is
 * allowed it changes nothing in the test JVM; the point is whether the guard lets the call through.
 */
final class GlobalActions {
    private GlobalActions() {
    }

    static void register(Map<String, Action> m) {
        m.put("G1.proxySelector", in -> {
            ProxySelector.setDefault(ProxySelector.getDefault());
            return "set";
        });
        m.put("G1.authenticator", in -> {
            Authenticator.setDefault(Authenticator.getDefault());
            return "set";
        });
        m.put("G1.cookieHandler", in -> {
            CookieHandler.setDefault(CookieHandler.getDefault());
            return "set";
        });
        m.put("G1.responseCache", in -> {
            ResponseCache.setDefault(ResponseCache.getDefault());
            return "set";
        });
        m.put("G1.followRedirects", in -> {
            HttpURLConnection.setFollowRedirects(HttpURLConnection.getFollowRedirects());
            return "set";
        });
        m.put("G2.sslContext", in -> {
            SSLContext.setDefault(SSLContext.getDefault());
            return "set";
        });
        m.put("G4.setOut", in -> {
            PrintStream out = System.out;
            System.setOut(out);
            return "set";
        });
        m.put("G5.locale", in -> {
            Locale.setDefault(Locale.getDefault());
            return "set";
        });
        m.put("G5.timeZone", in -> {
            TimeZone.setDefault(TimeZone.getDefault());
            return "set";
        });
        m.put("G6.defaultUncaughtHandler", in -> {
            Thread.setDefaultUncaughtExceptionHandler(Thread.getDefaultUncaughtExceptionHandler());
            return "set";
        });
        m.put("G6.shutdownHook", in -> String.valueOf(Runtime.getRuntime().removeShutdownHook(new Thread())));
    }
}
