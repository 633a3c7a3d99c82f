package sandbox.core.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Turns a path into the file the kernel would reach (escape catalogue A7, A9): absolute, every symbolic link
 * followed component by component, {@code ..} applied after the link it follows (the kernel's order, not the
 * lexical one {@code Path.normalize} uses), {@code /proc/self/...} aliases resolved like any link. Components that
 * do not exist yet are kept as written, so a file about to be created is checked where it will be created; a
 * dangling link is followed to where it points.
 */
public final class PathCanonicalizer {
    private static final int MAX_LINKS = 40;   // Linux's own limit (ELOOP)

    private PathCanonicalizer() {
    }

    /**
     * @param raw a path as a plugin gave it
     * @return the canonical absolute path
     * @throws SecurityException when the path loops or cannot be examined (fail closed)
     */
    public static Path canonical(Path raw) {
        Path absolute = raw.toAbsolutePath();
        Deque<String> todo = new ArrayDeque<>();
        for (Path part : absolute) {
            todo.addLast(part.toString());
        }
        Path current = absolute.getRoot();
        int links = 0;
        try {
            while (!todo.isEmpty()) {
                String name = todo.pollFirst();
                if (name.isEmpty() || name.equals(".")) {
                    continue;
                }
                if (name.equals("..")) {
                    current = current.getParent() == null ? current : current.getParent();
                    continue;
                }
                Path next = current.resolve(name);
                if (Files.isSymbolicLink(next)) {
                    if (++links > MAX_LINKS) {
                        throw new SecurityException("too many symbolic links in " + raw);
                    }
                    Path target = Files.readSymbolicLink(next);
                    Deque<String> parts = new ArrayDeque<>();
                    for (Path part : target) {
                        parts.addLast(part.toString());
                    }
                    while (!parts.isEmpty()) {
                        todo.addFirst(parts.pollLast());
                    }
                    if (target.isAbsolute()) {
                        current = target.getRoot();
                    }
                } else {
                    current = next;
                }
            }
        } catch (IOException e) {
            throw new SecurityException("cannot examine path " + raw + ": " + e, e);
        }
        return current;
    }

    /** @return true when {@code path} exists without following a final link */
    static boolean exists(Path path) {
        return Files.exists(path, LinkOption.NOFOLLOW_LINKS);
    }
}
