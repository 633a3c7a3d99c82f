package sandbox.core.config;

import java.util.regex.Pattern;

/**
 * Grant-target globs as the API documents them: {@code **} crosses separators, {@code *} and {@code ?} do not.
 * The separator is {@code /} for paths and {@code .} for names (packages, classes, symbolic names).
 */
public final class TargetGlob {
    private TargetGlob() {
    }

    /** @return true when the path-style {@code glob} matches {@code value} */
    public static boolean matches(String glob, String value) {
        return matches(glob, value, '/');
    }

    /** @return true when {@code glob} matches {@code value}, with {@code separator} ending a {@code *} */
    public static boolean matches(String glob, String value, char separator) {
        if (glob.equals("*") || glob.equals("**")) {
            return true;
        }
        return Pattern.compile(regex(glob, separator)).matcher(value).matches();
    }

    private static String regex(String glob, char separator) {
        String notSep = "[^" + Pattern.quote(String.valueOf(separator)) + "]";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                b.append(".*");
                i++;
            } else if (c == '*') {
                b.append(notSep).append('*');
            } else if (c == '?') {
                b.append(notSep);
            } else {
                b.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return b.toString();
    }
}
