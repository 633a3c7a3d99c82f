package sandbox.core.config;

import java.util.regex.Pattern;

/**
 * The {@code match} of a policy entry: an exact bundle symbolic name, or a glob where {@code *} is any run of
 * characters (dots included) and {@code ?} is one character.
 *
 * <p>Specificity orders competing matches: an exact name beats every glob; between globs, more literal characters
 * win ({@code com.acme.db.*} over {@code com.acme.*} over {@code *}).
 */
public final class PluginPattern {
    private static final Pattern LEGAL = Pattern.compile("[A-Za-z0-9_.\\-*?]+");

    private final String text;
    private final boolean exact;
    private final Pattern regex;
    private final int literals;

    private PluginPattern(String text) {
        this.text = text;
        this.exact = text.indexOf('*') < 0 && text.indexOf('?') < 0;
        this.regex = exact ? null : Pattern.compile(toRegex(text));
        this.literals = (int) text.chars().filter(c -> c != '*' && c != '?').count();
    }

    /**
     * @param text the pattern as configured
     * @return the pattern
     * @throws IllegalArgumentException when it is blank or has characters no symbolic name has
     */
    public static PluginPattern parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("is missing: give a bundle symbolic name or a glob such as com.acme.*");
        }
        String t = text.strip();
        if (!LEGAL.matcher(t).matches()) {
            throw new IllegalArgumentException("'" + t + "' is not a symbolic name or glob (letters, digits, . _ - * ? only)");
        }
        return new PluginPattern(t);
    }

    /** @return true when {@code symbolicName} matches */
    public boolean matches(String symbolicName) {
        if (symbolicName == null) {
            return false;
        }
        return exact ? text.equals(symbolicName) : regex.matcher(symbolicName).matches();
    }

    /** @return true for an exact name, false for a glob */
    public boolean exact() {
        return exact;
    }

    /** @return higher for more specific patterns; equal values are a tie */
    public long specificity() {
        return (exact ? 1L << 32 : 0L) + literals;
    }

    @Override
    public String toString() {
        return text;
    }

    private static String toRegex(String glob) {
        StringBuilder b = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> b.append(".*");
                case '?' -> b.append('.');
                default -> b.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return b.toString();
    }
}
