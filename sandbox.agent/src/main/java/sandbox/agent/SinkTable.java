package sandbox.agent;

import static sandbox.agent.gate.Sinks.*;

import java.util.List;

/**
 * The instrumented JDK methods, as data. Each was checked with {@code javap -p} to have this name and descriptor on
 * JDK 17 and JDK 25 (docs/sinks.md); a JDK where one is missing makes the agent refuse to start. The methods chosen
 * are the narrowest Java-level points every public wrapper passes through: the private {@code open} of the three
 * java.io file streams, the java.io.File operations that change or list the file system, the default file system
 * provider on Unix (Files and every NIO channel end there), {@code sun.nio.ch.Net} for every socket connect and bind
 * (NioSocketImpl, SocketChannel, DatagramChannel, async channels), the datagram send, ProcessBuilder's private start,
 * Runtime exit/halt and the two Runtime natives loaders.
 */
public final class SinkTable {
    private static final String FS = "sun/nio/fs/UnixFileSystemProvider";
    private static final String PATH = "Ljava/nio/file/Path;";
    private static final String ATTRS = "[Ljava/nio/file/attribute/FileAttribute;";
    private static final String NET = "(Ljava/net/ProtocolFamily;Ljava/io/FileDescriptor;Ljava/net/InetAddress;I)";

    /** Every row; order is irrelevant. */
    public static final List<SinkRow> ROWS = List.of(
            new SinkRow(FILE_INPUT, "java/io/FileInputStream", "open", "(Ljava/lang/String;)V", 1, -1),
            new SinkRow(FILE_OUTPUT, "java/io/FileOutputStream", "open", "(Ljava/lang/String;Z)V", 1, 2),
            new SinkRow(RANDOM_ACCESS, "java/io/RandomAccessFile", "open", "(Ljava/lang/String;I)V", 1, 2),
            new SinkRow(FILE_DELETE, "java/io/File", "delete", "()Z", 0, -1),
            new SinkRow(FILE_RENAME, "java/io/File", "renameTo", "(Ljava/io/File;)Z", 0, 1),
            new SinkRow(FILE_MKDIR, "java/io/File", "mkdir", "()Z", 0, -1),
            new SinkRow(FILE_CREATE, "java/io/File", "createNewFile", "()Z", 0, -1),
            new SinkRow(FILE_LIST, "java/io/File", "normalizedList", "()[Ljava/lang/String;", 0, -1),
            new SinkRow(FILE_ATTRIBUTES, "java/io/File", "setLastModified", "(J)Z", 0, -1),
            new SinkRow(FILE_ATTRIBUTES, "java/io/File", "setReadOnly", "()Z", 0, -1),
            new SinkRow(FILE_ATTRIBUTES, "java/io/File", "setWritable", "(ZZ)Z", 0, -1),
            new SinkRow(FILE_ATTRIBUTES, "java/io/File", "setReadable", "(ZZ)Z", 0, -1),
            new SinkRow(FILE_ATTRIBUTES, "java/io/File", "setExecutable", "(ZZ)Z", 0, -1),
            new SinkRow(NIO_BYTE_CHANNEL, FS, "newByteChannel",
                    "(" + PATH + "Ljava/util/Set;" + ATTRS + ")Ljava/nio/channels/SeekableByteChannel;", 1, 2),
            new SinkRow(NIO_FILE_CHANNEL, FS, "newFileChannel",
                    "(" + PATH + "Ljava/util/Set;" + ATTRS + ")Ljava/nio/channels/FileChannel;", 1, 2),
            new SinkRow(NIO_ASYNC_CHANNEL, FS, "newAsynchronousFileChannel", "(" + PATH
                    + "Ljava/util/Set;Ljava/util/concurrent/ExecutorService;" + ATTRS
                    + ")Ljava/nio/channels/AsynchronousFileChannel;", 1, 2),
            new SinkRow(NIO_DIRECTORY, FS, "newDirectoryStream",
                    "(" + PATH + "Ljava/nio/file/DirectoryStream$Filter;)Ljava/nio/file/DirectoryStream;", 1, -1),
            new SinkRow(NIO_DELETE, FS, "implDelete", "(" + PATH + "Z)Z", 1, -1),
            new SinkRow(NIO_MKDIR, FS, "createDirectory", "(" + PATH + ATTRS + ")V", 1, -1),
            new SinkRow(NIO_COPY, FS, "copy", "(" + PATH + PATH + "[Ljava/nio/file/CopyOption;)V", 1, 2),
            new SinkRow(NIO_MOVE, FS, "move", "(" + PATH + PATH + "[Ljava/nio/file/CopyOption;)V", 1, 2),
            new SinkRow(NIO_LINK, FS, "createSymbolicLink", "(" + PATH + PATH + ATTRS + ")V", 1, 2),
            new SinkRow(NIO_LINK, FS, "createLink", "(" + PATH + PATH + ")V", 1, 2),
            new SinkRow(NET_CONNECT, "sun/nio/ch/Net", "connect", NET + "I", 3, 4),
            new SinkRow(NET_BIND, "sun/nio/ch/Net", "bind", NET + "V", 3, 4),
            new SinkRow(DATAGRAM_SEND, "sun/nio/ch/DatagramChannelImpl", "send",
                    "(Ljava/io/FileDescriptor;Ljava/nio/ByteBuffer;Ljava/net/InetSocketAddress;)I", 3, -1),
            new SinkRow(PROCESS_START, "java/lang/ProcessBuilder", "start",
                    "([Ljava/lang/ProcessBuilder$Redirect;)Ljava/lang/Process;", 0, -1),
            new SinkRow(EXIT, "java/lang/Runtime", "exit", "(I)V", 1, -1),
            new SinkRow(HALT, "java/lang/Runtime", "halt", "(I)V", 1, -1),
            new SinkRow(LOAD, "java/lang/Runtime", "load0", "(Ljava/lang/Class;Ljava/lang/String;)V", 2, 1),
            new SinkRow(LOAD_LIBRARY, "java/lang/Runtime", "loadLibrary0", "(Ljava/lang/Class;Ljava/lang/String;)V", 2, 1));

    private SinkTable() {
    }
}
