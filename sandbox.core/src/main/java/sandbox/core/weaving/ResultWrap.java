package sandbox.core.weaving;

/** What the guard does with the value a sensitive call returns, so I/O through it is accounted (design.md "Accounting"). */
public enum ResultWrap {
    /** Returned as is. */
    NONE,
    /** A stream, reader, writer or channel over a file: metered as file I/O. */
    FILE_IO,
    /** A socket, stream or channel over the network: metered as network I/O. */
    NET_IO,
    /**
     * A thread, pool, thread factory or timer that will run the plugin's work: made the plugin's before it runs
     * anything. Also applies to a constructor's new object when the call site constructs it ({@code new X(...)}).
     */
    OWNED,
    /**
     * A file stream a plugin constructs itself ({@code new FileInputStream(...)}, {@code new FileOutputStream(...)}):
     * the guard constructs the accounting ledger's metered subclass in place of the constructor, with the checked
     * arguments. Only at {@code new X(...)} sites; a plugin subclass's {@code super(...)} stays the JDK's, unmetered.
     */
    FILE_STREAM
}
