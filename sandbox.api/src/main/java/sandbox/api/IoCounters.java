package sandbox.api;

/**
 * A plugin's file and network I/O so far, as counted where the guard sees it (streams and channels the
 * plugin opens are wrapped).
 *
 * @param fileBytesRead bytes read from files
 * @param fileBytesWritten bytes written to files
 * @param fileOpens files opened
 * @param openFiles files open now
 * @param netBytesIn bytes received over sockets
 * @param netBytesOut bytes sent over sockets
 * @param connections sockets connected or accepted
 * @param openSockets sockets open now
 */
public record IoCounters(long fileBytesRead, long fileBytesWritten, long fileOpens, long openFiles,
                         long netBytesIn, long netBytesOut, long connections, long openSockets) {

    /** No I/O at all. */
    public static final IoCounters ZERO = new IoCounters(0, 0, 0, 0, 0, 0, 0, 0);
}
