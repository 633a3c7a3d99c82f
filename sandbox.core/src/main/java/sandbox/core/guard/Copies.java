package sandbox.core.guard;

import java.io.File;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Trusted copies of arguments a plugin can make lie (escape catalogue A8). The guard checks the copy and the call
 * runs on the copy, so what was checked is what is used. No overridable method of an argument is called more than
 * once, and none after the copy is made.
 */
final class Copies {
    private Copies() {
    }

    /**
     * A {@code File} as the JDK will use it. {@code getPath()} can be overridden; {@code new File(parent, "")}
     * reads the parent's private path field and yields a plain {@code File} with exactly that path.
     */
    static File file(File f) {
        if (f.getClass() == File.class) {
            return f;
        }
        return new File(f, "");
    }

    /** A {@code Path} on the default file system, re-created from its text when its class is not the JDK's. */
    static Path path(Path p) {
        if (p.getClass().getClassLoader() == null) {
            return p;
        }
        return FileSystems.getDefault().getPath(p.toString());
    }

    /** A {@code Set} or array of options, read once into an unmodifiable copy of the same kind. */
    static Object options(Object options) {
        if (options instanceof Set<?> s) {
            return Collections.unmodifiableSet(new LinkedHashSet<>(new ArrayList<>(s)));
        }
        if (options instanceof Object[] a) {
            return a.length == 0 ? a : a.clone();   // an empty array has nothing to change after the check
        }
        return options;
    }

    /** The options of a copy, as a list to inspect. */
    static List<?> optionList(Object options) {
        if (options instanceof Set<?> s) {
            return List.copyOf(s);
        }
        if (options instanceof Object[] a) {
            return List.of(a);
        }
        return List.of();
    }

    /** A process builder with a copied command list: its list is the caller's live list otherwise (A8). */
    static ProcessBuilder processBuilder(ProcessBuilder pb) {
        ProcessBuilder copy = new ProcessBuilder(new ArrayList<>(pb.command()));
        copy.directory(pb.directory());
        copy.environment().clear();
        copy.environment().putAll(pb.environment());
        copy.redirectErrorStream(pb.redirectErrorStream());
        Redirect in = pb.redirectInput();
        copy.redirectInput(in);
        copy.redirectOutput(pb.redirectOutput());
        copy.redirectError(pb.redirectError());
        return copy;
    }

    /** @return the copied command and its text for the check */
    static Object command(Object command, StringBuilder text) {
        if (command instanceof String s) {
            text.append(s);
            return s;
        }
        if (command instanceof String[] a) {
            String[] copy = a.clone();
            text.append(String.join(" ", copy));
            return copy;
        }
        if (command instanceof ProcessBuilder pb) {
            ProcessBuilder copy = processBuilder(pb);
            text.append(String.join(" ", copy.command()));
            return copy;
        }
        if (command instanceof List<?> list) {
            List<ProcessBuilder> copies = new ArrayList<>();
            for (Object o : List.copyOf(list)) {
                if (!(o instanceof ProcessBuilder pb)) {
                    throw new SecurityException("Sandbox: unexpected pipeline element " + o);
                }
                ProcessBuilder copy = processBuilder(pb);
                text.append(text.length() == 0 ? "" : " | ").append(String.join(" ", copy.command()));
                copies.add(copy);
            }
            return copies;
        }
        throw new SecurityException("Sandbox: unexpected command type " + (command == null ? "null" : command.getClass().getName()));
    }
}
