package hostile.corpus;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileWriter;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.util.Formatter;
import java.util.Map;
import java.util.Scanner;
import java.util.zip.ZipFile;

/**
 * A5 wrappers that open files, A6 the NIO surface, A7 aliases, A8 lying arguments, A9 pseudo-files. {@code path}
 * is an existing file the test made; {@code dir} a folder in which the action may create files.
 */
final class FileActions {
    private FileActions() {
    }

    static void register(Map<String, Action> m) {
        m.put("A5.fileWriter", in -> {
            try (FileWriter w = new FileWriter(in.dir().resolve("a5-writer.txt").toString())) {
                w.write("x");
            }
            return "written";
        });
        m.put("A5.printStream", in -> {
            try (PrintStream p = new PrintStream(in.dir().resolve("a5-print.txt").toString())) {
                p.print("x");
            }
            return "written";
        });
        m.put("A5.formatter", in -> {
            try (Formatter f = new Formatter(in.dir().resolve("a5-format.txt").toFile())) {
                f.format("%s", "x");
            }
            return "written";
        });
        m.put("A5.scanner", in -> {
            try (Scanner s = new Scanner(Path.of(in.path()))) {
                return s.hasNextLine() ? s.nextLine() : "";
            }
        });
        m.put("A5.zipFileOpenDelete", in -> {   // the JDK deletes the file even when it is no zip
            try (ZipFile z = new ZipFile(new File(in.path()), ZipFile.OPEN_READ | ZipFile.OPEN_DELETE)) {
                return "opened";
            } catch (java.util.zip.ZipException notAZip) {
                return "not a zip";
            }
        });
        m.put("A5.deleteOnExit", in -> {
            new File(in.path()).deleteOnExit();
            return "registered";
        });
        m.put("A6.filesReadString", in -> Files.readString(Path.of(in.path())));
        m.put("A6.fileChannelOpen", in -> {
            try (FileChannel ch = FileChannel.open(Path.of(in.path()), StandardOpenOption.READ)) {
                return String.valueOf(ch.size());
            }
        });
        m.put("A6.asyncChannelOpen", in -> {
            try (AsynchronousFileChannel ch = AsynchronousFileChannel.open(Path.of(in.path()), StandardOpenOption.READ)) {
                return String.valueOf(ch.size());
            }
        });
        m.put("A6.providerNewInputStream", in -> {
            Path p = Path.of(in.path());
            try (InputStream s = p.getFileSystem().provider().newInputStream(p)) {
                return new String(s.readAllBytes());
            }
        });
        m.put("A6.attributeView", in -> String.valueOf(
                Files.getFileAttributeView(Path.of(in.path()), BasicFileAttributeView.class) != null));
        m.put("A6.newFileSystem", in -> {
            try (var fs = FileSystems.newFileSystem(Path.of(in.path()))) {
                return "opened";
            } catch (java.nio.file.ProviderNotFoundException | java.util.zip.ZipException notAZip) {
                return "not a zip";
            }
        });
        m.put("A7.dotDot", in -> Files.readString(in.data().resolve("../../../../../../../../../" + in.path())));
        m.put("A7.procSelfRoot", in -> Files.readString(Path.of("/proc/self/root" + in.path())));
        m.put("A7.symlinkInDataFolder", in -> {
            Path link = in.data().resolve("a7-link");
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, Path.of(in.path()));
            return Files.readString(link);
        });
        m.put("A8.lyingFile", in -> {   // getPath() answers the data folder first, the target afterwards
            Path mine = in.data().resolve("a8-mine.txt");
            Files.writeString(mine, "mine");
            try (InputStream s = new FileInputStream(new LyingFile(mine.toString(), in.path()))) {
                return new String(s.readAllBytes());
            }
        });
        m.put("A9.procSelfEnviron", in -> String.valueOf(Files.readAllBytes(Path.of("/proc/self/environ")).length));
        m.put("A9.procSelfMem", in -> {
            try (RandomAccessFile mem = new RandomAccessFile("/proc/self/mem", "r")) {
                return "opened";
            }
        });
    }

    static final class LyingFile extends File {
        private final String target;
        private int calls;

        LyingFile(String allowed, String target) {
            super(allowed);
            this.target = target;
        }

        @Override
        public String getPath() {
            return calls++ == 0 ? super.getPath() : target;
        }
    }
}
