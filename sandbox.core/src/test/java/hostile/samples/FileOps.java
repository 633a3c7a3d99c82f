package hostile.samples;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Function;

/** File operations a plugin makes, one sensitive call each (escape catalogue A5–A9, H1, H3, H4). */
public final class FileOps {
    private FileOps() {
    }

    static String readString(String path) throws IOException {
        return Files.readString(Path.of(path));
    }

    static String readStream(String path) throws IOException {
        try (InputStream in = new FileInputStream(path)) {
            return new String(in.readAllBytes());
        }
    }

    static String newInputStream(String path) throws IOException {
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            return new String(in.readAllBytes());
        }
    }

    static void writeString(String path, String text) throws IOException {
        Files.writeString(Path.of(path), text);
    }

    static void fileWriter(String path, String text) throws IOException {
        try (FileWriter w = new FileWriter(path)) {
            w.write(text);
        }
    }

    /** A write that asks through its options only. */
    static void appendViaOptions(String path) throws IOException {
        Files.newOutputStream(Path.of(path), StandardOpenOption.APPEND).close();
    }

    static boolean delete(String path) {
        return new File(path).delete();
    }

    /** H1: the receiver's static type is a plugin subclass of File. */
    static boolean deleteViaSubclass(String path) {
        return new MyFile(path).delete();
    }

    /** H3: FileInputStream's constructor runs from the plugin's own constructor. */
    static String superConstructor(String path) throws IOException {
        try (Open in = new Open(path)) {
            return new String(in.readAllBytes());
        }
    }

    /** H4: super.delete() is an INVOKESPECIAL on File.delete. */
    static boolean superDelete(String path) {
        return new Quiet(path).reallyDelete();
    }

    /** A8: getPath() says one thing to whoever asks first, another afterwards. */
    static String lyingFile(String allowed, String secret) throws IOException {
        try (InputStream in = new FileInputStream(new EvilFile(allowed, secret))) {
            return new String(in.readAllBytes());
        }
    }

    /** B4: a method reference to a sensitive method, called from a JDK-spun lambda class. */
    static String readViaMethodReference(String path) throws Exception {
        Function<Path, byte[]> read = p -> {
            try {
                return Files.readAllBytes(p);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        Function<String, File> ctor = File::new;
        Function<File, Boolean> exists = File::exists;
        if (!exists.apply(ctor.apply(path))) {
            return "missing";
        }
        return new String(read.apply(Path.of(path)));
    }

    static final class MyFile extends File {
        MyFile(String p) {
            super(p);
        }
    }

    static final class Open extends FileInputStream {
        Open(String p) throws IOException {
            super(p);
        }
    }

    static final class Quiet extends File {
        Quiet(String p) {
            super(p);
        }

        @Override
        public boolean delete() {
            return false;
        }

        boolean reallyDelete() {
            return super.delete();
        }
    }

    static final class EvilFile extends File {
        private final String secret;
        private int calls;

        EvilFile(String allowed, String secret) {
            super(allowed);
            this.secret = secret;
        }

        @Override
        public String getPath() {
            return calls++ == 0 ? super.getPath() : secret;
        }
    }
}
