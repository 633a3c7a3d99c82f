package sandbox.agent.gate;

import java.util.List;

/**
 * The sink ids the instrumented JDK passes to {@link SinkGate#check}, with the JDK member each one is. The agent's
 * table (which method, which arguments) and the container's checker (which permission) both key on these ids.
 * What {@code a} and {@code b} are is written next to each id.
 */
public final class Sinks {
    /** FileInputStream.open: a = path String. */
    public static final int FILE_INPUT = 0;
    /** FileOutputStream.open: a = path String, b = Boolean append. */
    public static final int FILE_OUTPUT = 1;
    /** RandomAccessFile.open: a = path String, b = Integer mode (1 = read only). */
    public static final int RANDOM_ACCESS = 2;
    /** File.delete: a = File. */
    public static final int FILE_DELETE = 3;
    /** File.renameTo: a = File from, b = File to. */
    public static final int FILE_RENAME = 4;
    /** File.mkdir: a = File. */
    public static final int FILE_MKDIR = 5;
    /** File.createNewFile: a = File. */
    public static final int FILE_CREATE = 6;
    /** File.normalizedList (list, listFiles): a = File. */
    public static final int FILE_LIST = 7;
    /** File.setLastModified/setReadOnly/setWritable/setReadable/setExecutable: a = File. */
    public static final int FILE_ATTRIBUTES = 8;
    /** UnixFileSystemProvider.newByteChannel: a = Path, b = Set of options. */
    public static final int NIO_BYTE_CHANNEL = 9;
    /** UnixFileSystemProvider.newFileChannel: a = Path, b = Set of options. */
    public static final int NIO_FILE_CHANNEL = 10;
    /** UnixFileSystemProvider.newAsynchronousFileChannel: a = Path, b = Set of options. */
    public static final int NIO_ASYNC_CHANNEL = 11;
    /** UnixFileSystemProvider.newDirectoryStream: a = Path. */
    public static final int NIO_DIRECTORY = 12;
    /** UnixFileSystemProvider.implDelete (delete, deleteIfExists): a = Path. */
    public static final int NIO_DELETE = 13;
    /** UnixFileSystemProvider.createDirectory: a = Path. */
    public static final int NIO_MKDIR = 14;
    /** UnixFileSystemProvider.copy: a = Path source, b = Path target. */
    public static final int NIO_COPY = 15;
    /** UnixFileSystemProvider.move: a = Path source, b = Path target. */
    public static final int NIO_MOVE = 16;
    /** UnixFileSystemProvider.createSymbolicLink / createLink: a = Path link, b = Path it points to. */
    public static final int NIO_LINK = 17;
    /** sun.nio.ch.Net.connect (every TCP and UDP connect): a = InetAddress, b = Integer port. */
    public static final int NET_CONNECT = 18;
    /** sun.nio.ch.Net.bind (every TCP and UDP bind): a = InetAddress, b = Integer port. */
    public static final int NET_BIND = 19;
    /** DatagramChannelImpl.send (unconnected sends): a = InetSocketAddress. */
    public static final int DATAGRAM_SEND = 20;
    /** ProcessBuilder.start (exec, start, startPipeline): a = ProcessBuilder. */
    public static final int PROCESS_START = 21;
    /** Runtime.exit: a = Integer status. */
    public static final int EXIT = 22;
    /** Runtime.halt: a = Integer status. */
    public static final int HALT = 23;
    /** Runtime.load0 (System.load, Runtime.load): a = library path String, b = the Class that asked (the JDK's caller). */
    public static final int LOAD = 24;
    /** Runtime.loadLibrary0 (System.loadLibrary, Runtime.loadLibrary): a = library name String, b = the Class that asked. */
    public static final int LOAD_LIBRARY = 25;

    /** The JDK member of each id, by id: what a violation's operation names after "sink ". */
    public static final List<String> MEMBERS = List.of(
            "java.io.FileInputStream.open", "java.io.FileOutputStream.open", "java.io.RandomAccessFile.open",
            "java.io.File.delete", "java.io.File.renameTo", "java.io.File.mkdir", "java.io.File.createNewFile",
            "java.io.File.list", "java.io.File.set*",
            "sun.nio.fs.UnixFileSystemProvider.newByteChannel", "sun.nio.fs.UnixFileSystemProvider.newFileChannel",
            "sun.nio.fs.UnixFileSystemProvider.newAsynchronousFileChannel",
            "sun.nio.fs.UnixFileSystemProvider.newDirectoryStream", "sun.nio.fs.UnixFileSystemProvider.implDelete",
            "sun.nio.fs.UnixFileSystemProvider.createDirectory", "sun.nio.fs.UnixFileSystemProvider.copy",
            "sun.nio.fs.UnixFileSystemProvider.move", "sun.nio.fs.UnixFileSystemProvider.createLink",
            "sun.nio.ch.Net.connect", "sun.nio.ch.Net.bind", "sun.nio.ch.DatagramChannelImpl.send",
            "java.lang.ProcessBuilder.start", "java.lang.Runtime.exit", "java.lang.Runtime.halt",
            "java.lang.Runtime.load", "java.lang.Runtime.loadLibrary");

    private Sinks() {
    }
}
