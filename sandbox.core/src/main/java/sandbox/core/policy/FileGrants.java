package sandbox.core.policy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import sandbox.api.PermissionGrant;
import sandbox.api.PermissionKind;

/**
 * A plugin's file grants, compiled: each grant's literal base is canonicalised like the paths it is compared
 * with; a relative grant is inside the data folder; {@code **} crosses folders, {@code *} and {@code ?} do not; a
 * grant without wildcards covers that file or folder and everything below it. The data folder itself is always
 * granted. Pseudo-file systems ({@code /proc}, {@code /sys}, {@code /dev}, A9) are reached only by a grant whose
 * literal base is inside them: {@code /**} does not grant {@code /proc/self/mem}.
 */
final class FileGrants {
    private static final List<String> PSEUDO = List.of("/proc", "/sys", "/dev");

    private record Rule(String base, Pattern glob, Set<String> actions) {
        boolean covers(String path) {
            boolean inside = path.equals(base) || path.startsWith(base.endsWith("/") ? base : base + "/");
            if (!inside || (isPseudo(path) && !isPseudo(base))) {
                return false;
            }
            return glob == null || glob.matcher(path).matches();
        }
    }

    private final List<Rule> rules = new ArrayList<>();

    FileGrants(List<PermissionGrant> grants, Path dataFolder) {
        if (dataFolder != null) {
            String data = PathCanonicalizer.canonical(dataFolder).toString();
            rules.add(new Rule(data, null, PermissionKind.FILE.actions()));
        }
        for (PermissionGrant g : grants) {
            if (g.kind() == PermissionKind.FILE) {
                rules.add(compile(g, dataFolder));
            }
        }
    }

    boolean allows(String canonicalPath, String action) {
        for (Rule r : rules) {
            if (r.actions().contains(action) && r.covers(canonicalPath)) {
                return true;
            }
        }
        return false;
    }

    private static Rule compile(PermissionGrant g, Path dataFolder) {
        String target = g.target();
        int wild = firstWildcard(target);
        String literal = wild < 0 ? target : target.substring(0, target.lastIndexOf('/', wild) + 1);
        Path basePath = Path.of(literal.isEmpty() ? "." : literal);
        if (!basePath.isAbsolute()) {
            if (dataFolder == null) {
                throw new IllegalArgumentException("file grant '" + target + "' is relative but the plugin has no data folder");
            }
            basePath = dataFolder.resolve(basePath);
        }
        String base = PathCanonicalizer.canonical(basePath).toString();
        if (wild < 0) {
            return new Rule(base, null, g.actions());
        }
        String rest = target.substring(literal.length());
        String prefix = Pattern.quote(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        // "dir/**" covers the folder itself as well as everything below it
        if (rest.equals("**")) {
            return new Rule(base, Pattern.compile(prefix + "(/.*)?"), g.actions());
        }
        if (rest.endsWith("/**")) {
            String head = rest.substring(0, rest.length() - 3);
            return new Rule(base, Pattern.compile(prefix + "/" + globToRegex(head) + "(/.*)?"), g.actions());
        }
        return new Rule(base, Pattern.compile(prefix + "/" + globToRegex(rest)), g.actions());
    }

    private static int firstWildcard(String s) {
        for (int i = 0; i < s.length(); i++) {
            if ("*?[{".indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static String globToRegex(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                re.append(".*");
                i++;
            } else if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return re.toString();
    }

    private static boolean isPseudo(String path) {
        for (String p : PSEUDO) {
            if (path.equals(p) || path.startsWith(p + "/")) {
                return true;
            }
        }
        return false;
    }
}
