package sandbox.core.hooks;

import java.util.HashSet;
import java.util.Set;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;

/**
 * The packages a bundle's manifest names in {@code Import-Package}. The resolver hook needs to tell a static import
 * from one added by weaving or {@code DynamicImport-Package}, and Felix marks neither of the latter with
 * {@code resolution:=dynamic} on every path, so the manifest is the reliable source.
 */
final class StaticImports {
    private StaticImports() {
    }

    /** @return the package names in the bundle's Import-Package header (empty if none) */
    static Set<String> of(Bundle bundle) {
        return parse(bundle.getHeaders("").get(Constants.IMPORT_PACKAGE));
    }

    /** @return the package names of an Import-Package value: {@code a;b;version="[1,2)",c} gives a, b, c */
    static Set<String> parse(String header) {
        Set<String> names = new HashSet<>();
        if (header == null) {
            return names;
        }
        boolean quoted = false;
        StringBuilder token = new StringBuilder();
        boolean inParameters = false;
        for (int i = 0; i <= header.length(); i++) {
            char c = i < header.length() ? header.charAt(i) : ',';
            if (c == '"') {
                quoted = !quoted;
            }
            if (!quoted && (c == ';' || c == ',')) {
                String t = token.toString().strip();
                if (!t.isEmpty() && !inParameters && t.indexOf('=') < 0) {
                    names.add(t);
                } else if (t.indexOf('=') >= 0) {
                    inParameters = true;
                }
                token.setLength(0);
                if (c == ',') {
                    inParameters = false;
                }
            } else {
                token.append(c);
            }
        }
        return names;
    }
}
