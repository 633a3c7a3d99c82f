package sandbox.api;

import java.util.ArrayList;
import java.util.List;

/** Splits OSGi-style header values on a separator, honouring double quotes. Package-private helper. */
final class HeaderSyntax {
    private HeaderSyntax() {
    }

    static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(checked(current.toString(), text));
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quote in '" + text.strip() + "'");
        }
        parts.add(checked(current.toString(), text));
        return parts;
    }

    static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    private static String checked(String part, String whole) {
        if (part.isBlank()) {
            throw new IllegalArgumentException("empty entry in '" + whole.strip() + "'");
        }
        return part;
    }
}
