package hostile.unlisted;

import java.security.Provider;
import java.security.ProviderException;
import java.security.Security;
import java.util.Map;

/** Native code loaded for the plugin by a JDK wrapper. */
final class NativeWrappers {
    private NativeWrappers() {
    }

    static void register(Map<String, Action> m) {
        // jdk.crypto.cryptoki: SunPKCS11.configure names a PKCS#11 module by path, and the JDK's native half
        // (libj2pkcs11) dlopen()s it: the library's code is in the process whether or not it is a usable token
        m.put("native.pkcs11Configure", in -> {
            Provider pkcs11 = Security.getProvider("SunPKCS11");
            try {
                pkcs11.configure("--name=unlisted\nlibrary=" + in.lib() + "\n");
            } catch (ProviderException e) {
                Denials.rethrow(e);   // not a token after all: the module was loaded anyway
            }
            return "module loaded";
        });
    }
}
