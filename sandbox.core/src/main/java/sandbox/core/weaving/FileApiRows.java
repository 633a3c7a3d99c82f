package sandbox.core.weaving;

import static sandbox.api.PermissionKind.FILE;
import static sandbox.core.weaving.Rows.path;
import static sandbox.core.weaving.Rows.self;

import java.util.List;

/** Files: java.io streams and wrappers, java.io.File, java.nio.file, channels, zip/jar, and JDK wrappers that open files (A5, A6). */
final class FileApiRows implements SensitiveApiSource {
    private static final String S = "Ljava/lang/String;";
    private static final String F = "Ljava/io/File;";
    private static final String P = "Ljava/nio/file/Path;";
    private static final String CS = "Ljava/nio/charset/Charset;";
    private static final String LOC = "Ljava/util/Locale;";
    private static final String OPTS = "[Ljava/nio/file/OpenOption;";
    private static final String ATTRS = "[Ljava/nio/file/attribute/FileAttribute;";
    private static final ResultWrap IO = ResultWrap.FILE_IO;
    private static final ResultWrap STREAM = ResultWrap.FILE_STREAM;   // the guard constructs the metered subclass

    @Override
    public String name() {
        return "files";
    }

    @Override
    public List<SensitiveApi> rows() {
        Rows r = new Rows(name());
        for (String t : new String[] {S, F}) {
            r.add("java.io.FileInputStream", "<init>", "(" + t + ")V", FILE, "read", path(0), STREAM)
             .add("java.io.FileOutputStream", "<init>", "(" + t + ")V", FILE, "write", path(0), STREAM)
             .add("java.io.FileOutputStream", "<init>", "(" + t + "Z)V", FILE, "write", path(0), STREAM)
             // mode "r" or "rw": checked as write, the stricter of the two (a read-only grant cannot use RandomAccessFile)
             .add("java.io.RandomAccessFile", "<init>", "(" + t + S + ")V", FILE, "write", path(0), IO)
             .add("java.io.FileReader", "<init>", "(" + t + ")V", FILE, "read", path(0), IO)
             .add("java.io.FileReader", "<init>", "(" + t + CS + ")V", FILE, "read", path(0), IO)
             .add("java.io.FileWriter", "<init>", "(" + t + ")V", FILE, "write", path(0), IO)
             .add("java.io.FileWriter", "<init>", "(" + t + "Z)V", FILE, "write", path(0), IO)
             .add("java.io.FileWriter", "<init>", "(" + t + CS + ")V", FILE, "write", path(0), IO)
             .add("java.io.FileWriter", "<init>", "(" + t + CS + "Z)V", FILE, "write", path(0), IO)
             .add("java.io.PrintStream", "<init>", "(" + t + ")V", FILE, "write", path(0), IO)
             .add("java.io.PrintStream", "<init>", "(" + t + S + ")V", FILE, "write", path(0), IO)
             .add("java.io.PrintStream", "<init>", "(" + t + CS + ")V", FILE, "write", path(0), IO)
             .add("java.io.PrintWriter", "<init>", "(" + t + ")V", FILE, "write", path(0), IO)
             .add("java.io.PrintWriter", "<init>", "(" + t + S + ")V", FILE, "write", path(0), IO)
             .add("java.io.PrintWriter", "<init>", "(" + t + CS + ")V", FILE, "write", path(0), IO)
             .add("java.util.Formatter", "<init>", "(" + t + ")V", FILE, "write", path(0))
             .add("java.util.Formatter", "<init>", "(" + t + S + ")V", FILE, "write", path(0))
             .add("java.util.Formatter", "<init>", "(" + t + S + LOC + ")V", FILE, "write", path(0))
             .add("java.util.Formatter", "<init>", "(" + t + CS + LOC + ")V", FILE, "write", path(0))
             .add("java.util.zip.ZipFile", "<init>", "(" + t + ")V", FILE, "read", path(0))
             .add("java.util.zip.ZipFile", "<init>", "(" + t + CS + ")V", FILE, "read", path(0))
             .add("java.util.jar.JarFile", "<init>", "(" + t + ")V", FILE, "read", path(0))
             .add("java.util.jar.JarFile", "<init>", "(" + t + "Z)V", FILE, "read", path(0));
        }
        for (String t : new String[] {F, P}) {
            r.add("java.util.Scanner", "<init>", "(" + t + ")V", FILE, "read", path(0))
             .add("java.util.Scanner", "<init>", "(" + t + S + ")V", FILE, "read", path(0))
             .add("java.util.Scanner", "<init>", "(" + t + CS + ")V", FILE, "read", path(0));
        }
        // OPEN_DELETE in the mode deletes the file (A5): every mode-taking constructor is checked as delete
        r.add("java.util.zip.ZipFile", "<init>", "(" + F + "I)V", FILE, "delete", path(0))
         .add("java.util.zip.ZipFile", "<init>", "(" + F + "I" + CS + ")V", FILE, "delete", path(0))
         .add("java.util.jar.JarFile", "<init>", "(" + F + "ZI)V", FILE, "delete", path(0))
         .add("java.util.jar.JarFile", "<init>", "(" + F + "ZILjava/lang/Runtime$Version;)V", FILE, "delete", path(0));
        javaIoFile(r);
        nioFiles(r);
        wrappers(r);
        return r.build();
    }

    private static void javaIoFile(Rows r) {
        String f = "java.io.File";
        for (String n : new String[] {"delete", "deleteOnExit"}) {
            r.add(f, n, "()" + (n.equals("delete") ? "Z" : "V"), FILE, "delete", self(TargetKind.PATH));
        }
        for (String n : new String[] {"createNewFile", "mkdir", "mkdirs", "setLastModified", "setReadOnly",
                "setReadable", "setWritable", "setExecutable"}) {
            r.add(f, n, SensitiveApi.ANY, FILE, "write", self(TargetKind.PATH));
        }
        for (String n : new String[] {"list", "listFiles", "exists", "isFile", "isDirectory", "length", "lastModified",
                "canRead", "canWrite", "canExecute", "isHidden", "getCanonicalPath", "getCanonicalFile",
                "getTotalSpace", "getFreeSpace", "getUsableSpace"}) {
            r.add(f, n, SensitiveApi.ANY, FILE, "read", self(TargetKind.PATH));
        }
        r.add(f, "renameTo", "(" + F + ")Z", FILE, "delete", self(TargetKind.PATH))
         .add(f, "renameTo", "(" + F + ")Z", FILE, "write", path(0))
         .add(f, "createTempFile", "(" + S + S + ")" + F, FILE, "write", Target.NONE)
         .add(f, "createTempFile", "(" + S + S + F + ")" + F, FILE, "write", path(2));
    }

    private static void nioFiles(Rows r) {
        String fs = "java.nio.file.Files";
        for (String n : new String[] {"newBufferedReader", "readAllBytes", "readString", "readAllLines", "lines",
                "newDirectoryStream", "list", "walk", "find", "walkFileTree", "readAttributes", "getAttribute",
                "getOwner", "getPosixFilePermissions", "isReadable", "isWritable", "isExecutable", "size", "exists",
                "notExists", "isDirectory", "isRegularFile", "isSymbolicLink", "isHidden", "getLastModifiedTime",
                "probeContentType", "readSymbolicLink", "getFileStore", "isSameFile"}) {
            r.add(fs, n, SensitiveApi.ANY, FILE, "read", path(0));
        }
        r.add(fs, "isSameFile", SensitiveApi.ANY, FILE, "read", path(1));
        // a view writes later, through an interface (A6): over-approximated as a write when the view is obtained
        for (String n : new String[] {"getFileAttributeView", "newBufferedWriter", "write", "writeString", "createFile",
                "createDirectory", "createDirectories", "setAttribute", "setPosixFilePermissions", "setOwner",
                "setLastModifiedTime", "createSymbolicLink", "createLink"}) {
            r.add(fs, n, SensitiveApi.ANY, FILE, "write", path(0));
        }
        r.add(fs, "createSymbolicLink", SensitiveApi.ANY, FILE, "read", path(1))
         .add(fs, "createLink", SensitiveApi.ANY, FILE, "write", path(1))   // same inode: the target becomes writable (A7)
         .add(fs, "newInputStream", "(" + P + OPTS + ")Ljava/io/InputStream;", FILE, "read", new Target(TargetKind.OPEN, 0, 1), IO)
         .add(fs, "newOutputStream", "(" + P + OPTS + ")Ljava/io/OutputStream;", FILE, "write", new Target(TargetKind.OPEN, 0, 1), IO)
         .add(fs, "newByteChannel", "(" + P + OPTS + ")Ljava/nio/channels/SeekableByteChannel;", FILE, "read", new Target(TargetKind.OPEN, 0, 1), IO)
         .add(fs, "newByteChannel", "(" + P + "Ljava/util/Set;" + ATTRS + ")Ljava/nio/channels/SeekableByteChannel;", FILE, "read", new Target(TargetKind.OPEN, 0, 1), IO)
         .add(fs, "delete", SensitiveApi.ANY, FILE, "delete", path(0))
         .add(fs, "deleteIfExists", SensitiveApi.ANY, FILE, "delete", path(0))
         .add(fs, "move", SensitiveApi.ANY, FILE, "delete", path(0))
         .add(fs, "move", SensitiveApi.ANY, FILE, "write", path(1))
         .add(fs, "copy", "(" + P + P + "[Ljava/nio/file/CopyOption;)" + P, FILE, "read", path(0))
         .add(fs, "copy", "(" + P + P + "[Ljava/nio/file/CopyOption;)" + P, FILE, "write", path(1))
         .add(fs, "copy", "(Ljava/io/InputStream;" + P + "[Ljava/nio/file/CopyOption;)J", FILE, "write", path(1))
         .add(fs, "copy", "(" + P + "Ljava/io/OutputStream;)J", FILE, "read", path(0))
         .add(fs, "createTempFile", "(" + P + S + S + ATTRS + ")" + P, FILE, "write", path(0))
         .add(fs, "createTempFile", "(" + S + S + ATTRS + ")" + P, FILE, "write", Target.NONE)
         .add(fs, "createTempDirectory", "(" + P + S + ATTRS + ")" + P, FILE, "write", path(0))
         .add(fs, "createTempDirectory", "(" + S + ATTRS + ")" + P, FILE, "write", Target.NONE)
         .add("java.nio.channels.FileChannel", "open", "(" + P + OPTS + ")Ljava/nio/channels/FileChannel;", FILE, "read", new Target(TargetKind.OPEN, 0, 1), IO)
         .add("java.nio.channels.FileChannel", "open", "(" + P + "Ljava/util/Set;" + ATTRS + ")Ljava/nio/channels/FileChannel;", FILE, "read", new Target(TargetKind.OPEN, 0, 1), IO)
         .add("java.nio.channels.AsynchronousFileChannel", "open", "(" + P + OPTS + ")Ljava/nio/channels/AsynchronousFileChannel;", FILE, "read", new Target(TargetKind.OPEN, 0, 1))
         .add("java.nio.channels.AsynchronousFileChannel", "open", "(" + P + "Ljava/util/Set;Ljava/util/concurrent/ExecutorService;" + ATTRS + ")Ljava/nio/channels/AsynchronousFileChannel;", FILE, "read", new Target(TargetKind.OPEN, 0, 1))
         .add("java.nio.file.Path", "toRealPath", SensitiveApi.ANY, FILE, "read", self(TargetKind.PATH))
         .add("java.nio.file.Path", "register", SensitiveApi.ANY, FILE, "read", self(TargetKind.PATH))
         .add("java.nio.file.Watchable", "register", SensitiveApi.ANY, FILE, "read", self(TargetKind.PATH))
         .add("java.nio.file.FileSystems", "newFileSystem", "(" + P + ")Ljava/nio/file/FileSystem;", FILE, "read", path(0))
         .add("java.nio.file.FileSystems", "newFileSystem", "(" + P + "Ljava/util/Map;)Ljava/nio/file/FileSystem;", FILE, "write", path(0))
         .add("java.nio.file.FileSystems", "newFileSystem", "(" + P + "Ljava/lang/ClassLoader;)Ljava/nio/file/FileSystem;", FILE, "read", path(0))
         .add("java.nio.file.FileSystems", "newFileSystem", "(" + P + "Ljava/util/Map;Ljava/lang/ClassLoader;)Ljava/nio/file/FileSystem;", FILE, "write", path(0))
         .add("java.nio.file.FileSystems", "newFileSystem", "(Ljava/net/URI;Ljava/util/Map;)Ljava/nio/file/FileSystem;", FILE, "write", path(0))
         .add("java.nio.file.FileSystems", "newFileSystem", "(Ljava/net/URI;Ljava/util/Map;Ljava/lang/ClassLoader;)Ljava/nio/file/FileSystem;", FILE, "write", path(0));
        String sp = "java.nio.file.spi.FileSystemProvider";
        for (String n : new String[] {"newInputStream", "newDirectoryStream", "readAttributes", "checkAccess", "readSymbolicLink"}) {
            r.add(sp, n, SensitiveApi.ANY, FILE, "read", path(0));
        }
        for (String n : new String[] {"newOutputStream", "newByteChannel", "newFileChannel", "newAsynchronousFileChannel",
                "createDirectory", "setAttribute", "createSymbolicLink", "createLink", "getFileAttributeView"}) {
            r.add(sp, n, SensitiveApi.ANY, FILE, "write", path(0));
        }
        r.add(sp, "delete", SensitiveApi.ANY, FILE, "delete", path(0))
         .add(sp, "deleteIfExists", SensitiveApi.ANY, FILE, "delete", path(0))
         .add(sp, "copy", SensitiveApi.ANY, FILE, "read", path(0))
         .add(sp, "copy", SensitiveApi.ANY, FILE, "write", path(1))
         .add(sp, "move", SensitiveApi.ANY, FILE, "delete", path(0))
         .add(sp, "move", SensitiveApi.ANY, FILE, "write", path(1));
    }

    /** JDK classes that open files for their caller (A5) and are not in the java.io/java.nio lists above. */
    private static void wrappers(Rows r) {
        String fh = "java.util.logging.FileHandler";
        for (String d : new String[] {"(" + S + ")V", "(" + S + "Z)V", "(" + S + "II)V", "(" + S + "IIZ)V", "(" + S + "JIZ)V"}) {
            r.add(fh, "<init>", d, FILE, "write", path(0));
        }
        r.add(fh, "<init>", "()V", FILE, "write", Target.NONE)
         .add("java.security.KeyStore", "getInstance", "(" + F + "[C)Ljava/security/KeyStore;", FILE, "read", path(0))
         .add("java.security.KeyStore", "getInstance", "(" + F + "Ljava/security/KeyStore$LoadStoreParameter;)Ljava/security/KeyStore;", FILE, "read", path(0))
         .add("javax.imageio.ImageIO", "write", "(Ljava/awt/image/RenderedImage;" + S + F + ")Z", FILE, "write", path(2))
         .add("javax.imageio.ImageIO", "read", "(" + F + ")Ljava/awt/image/BufferedImage;", FILE, "read", path(0))
         .add("javax.xml.transform.stream.StreamResult", "<init>", "(" + F + ")V", FILE, "write", path(0))
         .add("javax.xml.transform.stream.StreamSource", "<init>", "(" + F + ")V", FILE, "read", path(0))
         .add("java.net.http.HttpRequest$BodyPublishers", "ofFile", SensitiveApi.ANY, FILE, "read", path(0))
         .add("java.net.http.HttpResponse$BodyHandlers", "ofFile", SensitiveApi.ANY, FILE, "write", path(0))
         .add("java.net.http.HttpResponse$BodyHandlers", "ofFileDownload", SensitiveApi.ANY, FILE, "write", path(0))
         .add("java.net.http.HttpResponse$BodySubscribers", "ofFile", SensitiveApi.ANY, FILE, "write", path(0));
    }
}
