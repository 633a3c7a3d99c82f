package sandbox.core.weaving;

/**
 * How the guard derives the target of a sensitive call from its arguments, and which copy it hands back
 * (escape catalogue A8: the guard checks a trusted copy and the real operation runs on that same copy).
 */
public enum TargetKind {
    /** No target: exit, halt, JVM-global setters. */
    NONE,
    /** Nothing to check (the resource was checked when it was opened): only the returned value is metered. */
    METER_ONLY,
    /** A file: {@code String}, {@code File}, {@code Path} or {@code URI}; canonicalised before the check. */
    PATH,
    /**
     * A file opened with options ({@code Set<OpenOption>} or {@code OpenOption[]} in the second argument): the
     * options are copied once and decide read, write or delete (A8: a two-faced option set sees one iteration).
     */
    OPEN,
    /** A port ({@code int}) to listen on, any local address. */
    PORT,
    /** A {@code DatagramPacket} whose destination is checked (UDP carries its peer per packet, A10). */
    DATAGRAM,
    /** An environment variable name, checked as property {@code env:NAME}. */
    ENV,
    /** A host name ({@code String}) and a port ({@code int}) in a second argument; the copy is the checked IP literal. */
    HOST_PORT,
    /** An {@code InetAddress} and a port ({@code int}) in a second argument. */
    INET_PORT,
    /** A {@code SocketAddress}: resolved once, checked, and the resolved copy is used (A14); UNIX sockets are files (A13). */
    SOCKET_ADDRESS,
    /** A host name to resolve (DNS), no port. */
    HOST,
    /** A {@code URL}: file URLs are files, others network connects to host:port. */
    URL,
    /** An {@code HttpRequest}: copied into a JDK request, then its URI is checked. */
    HTTP_REQUEST,
    /** A name: a system property, an environment variable or a library. */
    NAME,
    /** A command: {@code String}, {@code String[]}, {@code List}, a {@code ProcessBuilder} or a list of them; copied. */
    COMMAND,
    /** A thread about to start: counted against the plugin's thread quota. */
    THREAD,
    /**
     * Work handed to a thread or a pool ({@code Runnable}, {@code Callable}, {@code Supplier}, {@code ForkJoinTask},
     * a collection of callables, a {@code ThreadFactory}): nothing is checked, the copy is the work wrapped so it is
     * charged to the plugin (sandbox.core.accounting.OwnedTasks). The argument's declared type, read from the row's
     * exact descriptor, picks the wrapper.
     */
    TASK
}
