package sandbox.itests;

import static sandbox.api.PermissionKind.FILE;
import static sandbox.api.PermissionKind.NETWORK;

import java.util.List;
import sandbox.api.PermissionKind;

/**
 * The hostile.unlisted plugin's actions as a table: JDK wrappers that do file or network I/O for their caller and are
 * not rows of the weaving guard's sensitive-API table, so only the JDK sink layer (design.md layer 3) can stop them.
 * Each row names the wrapper (checked against the running table by {@code sandbox:apis}), the permission a denial
 * must be recorded under, what shows that the I/O happened, and the outcome expected at STANDARD, at STRICT, and
 * when the test grants exactly the folder and ports the action needs. Documented in docs/unlisted-apis.md.
 */
final class UnlistedWrappers {

    /** What a run ended in. */
    enum Outcome {
        /** DENIED, a violation of the row's permission recorded for the plugin, and no I/O seen. */
        DENIED,
        /**
         * The JDK caught the denial itself, so no SecurityException reached the plugin (SUCCESS, FAILED with the
         * wrapper's own exception, or TIMEOUT when the JDK then waits forever): a violation recorded, no I/O seen.
         */
        SWALLOWED,
        /** The I/O happened: SUCCESS with the row's proof (and its evidence). Expected only when granted. */
        RAN,
        /** Anything else (a failure, a denial without its violation, ...). */
        OTHER
    }

    /** What the test can see of the I/O besides what the action returns. */
    enum Evidence {
        /** Only the returned proof (the file's content came back). */
        PROOF,
        /** The named file exists in the test's folder afterwards. */
        FILE_MADE,
        /** The test's folder {@code cache} was modified (a file created and deleted in it). */
        FOLDER_TOUCHED,
        /** The silent loopback server accepted a connection. */
        ACCEPTED,
        /** The HTTP server accepted a connection. */
        HTTP_ACCEPTED,
        /** The second HTTP server, never granted, accepted a connection. */
        OTHER_ACCEPTED,
        /** The run's copy of the native library is mapped into the process ({@code /proc/self/maps}). */
        NATIVE_MAPPED
    }

    /**
     * One action.
     *
     * @param action the hostile.unlisted action name
     * @param wrapper the JDK member the plugin calls, as {@code sandbox:apis} prints it (a class name and a dot for a
     *        constructor: no row of that class may exist)
     * @param module the JDK module it comes from
     * @param primitive what JDK code does underneath (what a sink must see)
     * @param proof what a successful run returns (the test's own values: file contents, counts); {@code $name} is a
     *        value the test computes from its fixtures ({@code $font}: the font's name, {@code $midi}: the file size)
     * @param file the file {@link Evidence#FILE_MADE} looks for, or null
     */
    record Case(String action, String wrapper, String module, String primitive, PermissionKind permission,
                Evidence evidence, String file, Outcome standard, Outcome strict, Outcome granted, String proof) {
        Outcome expected(String column) {
            return switch (column) {
                case "STANDARD" -> standard;
                case "STRICT" -> strict;
                default -> granted;
            };
        }
    }

    private static final Outcome D = Outcome.DENIED;
    private static final Outcome S = Outcome.SWALLOWED;
    private static final Outcome R = Outcome.RAN;

    private static Case read(String action, String wrapper, String module, String primitive, String proof) {
        return new Case(action, wrapper, module, primitive, FILE, Evidence.PROOF, null, D, D, R, proof);
    }

    private static Case write(String action, String wrapper, String module, String primitive, String file, String proof) {
        return new Case(action, wrapper, module, primitive, FILE, Evidence.FILE_MADE, file, D, D, R, proof);
    }

    private static Case net(String action, String wrapper, String module, String primitive, Evidence e, String proof) {
        return new Case(action, wrapper, module, primitive, NETWORK, e, null, D, D, R, proof);
    }

    static final List<Case> CASES = List.of(
            read("read.filesMismatch", "java.nio.file.Files.mismatch", "java.base", "newInputStream of both files (NIO provider)", "mismatch -1"),
            // Font.createFont catches RuntimeException and throws FontFormatException("Unexpected runtime exception.")
            // without a cause: the denial is stopped and recorded, but the plugin sees a FAILED run
            new Case("read.fontCreateFont", "java.awt.Font.createFont", "java.desktop", "RandomAccessFile open (read)",
                    FILE, Evidence.PROOF, null, S, S, R, "$font"),
            read("read.audioFileFormat", "javax.sound.sampled.AudioSystem.getAudioFileFormat", "java.desktop", "FileInputStream open", "WAVE"),
            read("read.midiGetSequence", "javax.sound.midi.MidiSystem.getSequence", "java.desktop", "FileInputStream open", "resolution 384"),
            read("read.fileImageInputStream", "javax.imageio.stream.FileImageInputStream.", "java.desktop", "RandomAccessFile open (read)", "unlisted secret"),
            // the image is read by an AWT Image Fetcher thread (charged to the plugin that owns it); the fetcher drops the
            // exception and ImageIcon's MediaTracker waits for ever: the run ends TIMEOUT, nothing read
            new Case("read.imageIcon", "javax.swing.ImageIcon.", "java.desktop", "FileInputStream open on a JDK thread",
                    FILE, Evidence.PROOF, null, S, S, R, "width 3"),
            // NOT DEFENDED: the same, but the Image Fetcher thread was started by trusted code just before (the test
            // loads an image of its own first): the thread is not the plugin's, so neither is the read
            new Case("read.imageIconSharedFetcher", "javax.swing.ImageIcon.", "java.desktop",
                    "FileInputStream open on a JDK thread another caller started", FILE, Evidence.PROOF, null, R, R, R, "width 3"),
            read("read.domParseFile", "javax.xml.parsers.DocumentBuilder.parse", "java.xml", "FileInputStream open (file: URL)", "unlisted document"),
            read("read.schemaNewSchema", "javax.xml.validation.SchemaFactory.newSchema", "java.xml", "FileInputStream open (file: URL)", "schema compiled"),
            read("read.streamSourceSystemId", "javax.xml.transform.stream.StreamSource.<init>(Ljava/lang/String;)", "java.xml", "FileInputStream open (file: system id)", "unlisted document"),
            read("read.xxeFileEntity", "javax.xml.parsers.DocumentBuilder.parse", "java.xml", "FileInputStream open of an external entity", "unlisted secret"),
            write("write.audioSystemWrite", "javax.sound.sampled.AudioSystem.write", "java.desktop", "FileOutputStream open", "out.wav", "bytes 844"),
            write("write.midiSystemWrite", "javax.sound.midi.MidiSystem.write", "java.desktop", "FileOutputStream open", "out.mid", "$midi"),
            write("write.fileImageOutputStream", "javax.imageio.stream.FileImageOutputStream.", "java.desktop", "RandomAccessFile open (rw, create)", "out.img", "written"),
            // FileImageOutputStreamSpi catches every exception and returns null: the denial cannot reach the plugin
            new Case("write.imageIoCreateOutputStream", "javax.imageio.ImageIO.createImageOutputStream", "java.desktop",
                    "RandomAccessFile open (rw, create)", FILE, Evidence.FILE_MADE, "out2.img", S, S, R, "written"),
            write("write.streamResultSystemId", "javax.xml.transform.stream.StreamResult.<init>(Ljava/lang/String;)", "java.xml", "FileOutputStream open (file: system id)", "out.xml", "written"),
            new Case("create.fileCacheImageOutputStream", "javax.imageio.stream.FileCacheImageOutputStream.", "java.desktop",
                    "file create and delete (Files.createTempFile in the named folder)", FILE, Evidence.FOLDER_TOUCHED, null, D, D, R, "cached"),
            net("connect.socketHandler", "java.util.logging.SocketHandler.", "java.logging", "Socket connect", Evidence.ACCEPTED, "connected"),
            net("connect.rmiNamingLookup", "java.rmi.Naming.lookup", "java.rmi", "Socket connect", Evidence.ACCEPTED, "reached"),
            net("connect.dtdOverHttp", "javax.xml.parsers.DocumentBuilder.parse", "java.xml", "Socket connect (http: DTD)", Evidence.HTTP_ACCEPTED, "from the dtd"),
            net("connect.audioFromUrl", "javax.sound.sampled.AudioSystem.getAudioInputStream", "java.desktop", "Socket connect (http: URL)", Evidence.HTTP_ACCEPTED, "frames 800"),
            // catalogue A12: URL.openConnection is a row and checks the first URL; the redirect's second port is never
            // granted, so the granted run must be denied too (on the second hop)
            new Case("connect.httpRedirect", "java.net.URLConnection.getInputStream", "java.base", "Socket connect (redirect to a second port)",
                    NETWORK, Evidence.OTHER_ACCEPTED, null, D, D, D, "second port"),
            new Case("connect.httpClientRedirect", "java.net.http.HttpClient$Builder.followRedirects", "java.net.http", "SocketChannel connect on the client's own threads (redirect to a second port)",
                    NETWORK, Evidence.OTHER_ACCEPTED, null, D, D, D, "second port"),
            // the library is opened by native code (dlopen in libj2pkcs11), not by System.load: no sink sees it, so
            // this test found it unguarded; it is now a row of the guard's table (NOW_GUARD_ROWS) and stopped there
            new Case("native.pkcs11Configure", "java.security.Provider.configure", "jdk.crypto.cryptoki",
                    "dlopen from the JDK's native code", PermissionKind.NATIVE, Evidence.NATIVE_MAPPED, null, D, D, R, "module loaded"),
            net("listen.rmiCreateRegistry", "java.rmi.registry.LocateRegistry.createRegistry", "java.rmi", "ServerSocket bind", Evidence.PROOF, "listening, bound 0"));

    /**
     * Wrappers this test found unguarded by both layers that then became rows of the guard's table: they stay here (the
     * evidence check is this test's) and must be rows ({@code noWrapperIsARowOfTheSensitiveApiTable}).
     */
    static final java.util.Set<String> NOW_GUARD_ROWS = java.util.Set.of("native.pkcs11Configure");

    /** An action the defence does not hold for (its denied columns expect RAN), and why. */
    record NotDefended(String action, String why) {
    }

    /**
     * Actions that still escape with the sink layer in place. Their rows expect RAN where a denial belongs, so the test
     * fails (and this list must shrink) the day they are stopped; a row expecting RAN in a denied column without an
     * entry here fails the test too.
     */
    static final List<NotDefended> NOT_DEFENDED = List.of(
            new NotDefended("read.imageIconSharedFetcher", "ImageIcon's file is opened on one of AWT's shared \"Image "
                    + "Fetcher\" threads: no plugin frame on that stack, so the sink charges the thread's owner, which is "
                    + "whoever's call started the thread. Started by the host (as here, the test loads an image first) the "
                    + "plugin's read is the host's and allowed; started during a plugin's call, other callers' reads are "
                    + "charged to that plugin. The guard has no row for ImageIcon or Toolkit.getImage/createImage."));

    /**
     * A NOT_DEFENDED action that was stopped this time: the escape depends on who started the JDK thread that does the
     * I/O (AWT picks among its fetcher threads), so a denied column may also see it stopped. That is accepted, not
     * required: the escape is what the docs report.
     *
     * @return whether {@code seen} is such a stop
     */
    static boolean stoppedAfterAll(Case c, String column, Outcome seen) {
        boolean notDefended = NOT_DEFENDED.stream().anyMatch(n -> n.action().equals(c.action()));
        return notDefended && !column.equals("GRANTED") && (seen == Outcome.DENIED || seen == Outcome.SWALLOWED);
    }

    /** @return the rows that expect an escape in a denied column but have no {@link #NOT_DEFENDED} entry, and the reverse */
    static List<String> unexplainedEscapes() {
        List<String> wrong = new java.util.ArrayList<>();
        for (Case c : CASES) {
            boolean escapes = c.standard() == Outcome.RAN || c.strict() == Outcome.RAN
                    || (c.granted() == Outcome.RAN && c.evidence() == Evidence.OTHER_ACCEPTED);
            boolean listed = NOT_DEFENDED.stream().anyMatch(n -> n.action().equals(c.action()));
            if (escapes != listed) {
                wrong.add(c.action() + (escapes ? " expects an escape but is not in NOT_DEFENDED" : " is in NOT_DEFENDED but expects no escape"));
            }
        }
        NOT_DEFENDED.stream().filter(n -> CASES.stream().noneMatch(c -> c.action().equals(n.action())))
                .forEach(n -> wrong.add(n.action() + " is in NOT_DEFENDED but not a case"));
        return wrong;
    }

    private UnlistedWrappers() {
    }
}
