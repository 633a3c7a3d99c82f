package sandbox.itests;

import static sandbox.api.PermissionKind.EXIT;
import static sandbox.api.PermissionKind.FILE;
import static sandbox.api.PermissionKind.JVM_GLOBAL;
import static sandbox.api.PermissionKind.NATIVE;
import static sandbox.api.PermissionKind.NETWORK;
import static sandbox.api.PermissionKind.PROCESS;
import static sandbox.api.PermissionKind.PROPERTY;
import static sandbox.api.PermissionKind.REFLECTION;
import static sandbox.api.PermissionKind.THREAD;

import java.util.List;
import sandbox.api.PermissionKind;

/**
 * The hostile corpus as a table: one row per action of the hostile.corpus plugin (catalogue groups A, G, H and
 * beyond), with the outcome expected at STANDARD, at STRICT, and for hostile.corpus.granted (STANDARD with what its
 * header asks granted), plus the catalogue entries that have no corpus action and why. Counted in the README.
 */
final class HostileCorpus {
    /** What a run must end in. */
    enum Outcome {
        /** SUCCESS. */
        ALLOWED,
        /** DENIED, and a violation of the row's permission is recorded for the plugin. */
        DENIED,
        /** The weaver refused the class: the run FAILED and nothing ran. */
        REFUSED,
        /** Over the live-thread quota during the execution: THREADS_EXCEEDED, and a THREADS violation recorded. */
        OVER_QUOTA
    }

    /** One corpus action. {@code result}, when not null, is what a successful run must return. */
    record Case(String action, PermissionKind permission, Outcome standard, Outcome strict, Outcome granted, String result) {
        String entry() {
            return action.substring(0, action.indexOf('.'));
        }
    }

    /** A catalogue entry of groups A, G, H without a corpus action, and where it is covered or why not. */
    record NotInCorpus(String entry, String why) {
    }

    private static final Outcome A = Outcome.ALLOWED;
    private static final Outcome D = Outcome.DENIED;
    private static final Outcome R = Outcome.REFUSED;
    private static final Outcome Q = Outcome.OVER_QUOTA;

    static Case c(String action, PermissionKind p, Outcome standard, Outcome strict, Outcome granted) {
        return new Case(action, p, standard, strict, granted, null);
    }

    static final List<Case> CASES = List.of(
            c("A1.runtimeExec", PROCESS, D, D, A),
            c("A1.processBuilder", PROCESS, D, D, A),
            c("A1.startPipeline", PROCESS, D, D, A),
            c("A2.systemExit", EXIT, D, D, D),              // exit is never granted here: it would end the test JVM
            c("A2.runtimeHalt", EXIT, D, D, D),
            c("A2.exitViaMethodReference", EXIT, D, D, D),
            c("A3.allProcesses", PROCESS, D, D, A),
            c("A5.fileWriter", FILE, D, D, A),
            c("A5.printStream", FILE, D, D, A),
            c("A5.formatter", FILE, D, D, A),
            c("A5.scanner", FILE, D, D, A),
            c("A5.zipFileOpenDelete", FILE, D, D, A),
            c("A5.deleteOnExit", FILE, D, D, A),
            c("A6.filesReadString", FILE, D, D, A),
            c("A6.fileChannelOpen", FILE, D, D, A),
            c("A6.asyncChannelOpen", FILE, D, D, A),
            c("A6.providerNewInputStream", FILE, D, D, A),
            c("A6.attributeView", FILE, D, D, A),
            c("A6.newFileSystem", FILE, D, D, A),
            c("A7.dotDot", FILE, D, D, A),
            c("A7.procSelfRoot", FILE, D, D, A),
            c("A7.symlinkInDataFolder", FILE, D, D, A),
            new Case("A8.lyingFile", FILE, A, A, A, "mine"),   // the lie is neutralised: the checked copy is read
            c("A9.procSelfEnviron", FILE, D, D, D),         // /proc is reached only by a grant inside it
            c("A9.procSelfMem", FILE, D, D, D),
            c("A10.socket", NETWORK, D, D, A),
            c("A10.socketChannelOpen", NETWORK, D, D, A),
            c("A10.datagramSend", NETWORK, D, D, A),
            c("A10.asyncSocketConnect", NETWORK, D, D, A),
            c("A11.socketFactory", NETWORK, D, D, A),
            c("A12.urlOpenStream", NETWORK, D, D, A),
            c("A12.fileUrl", FILE, D, D, A),
            c("A13.unixDomainSocket", FILE, D, D, A),
            c("A14.decimalLiteral", NETWORK, D, D, A),
            c("A15.dnsLookup", NETWORK, D, D, D),           // only 127.0.0.1 is granted: the name is never resolved
            c("A17.loadLibrary", NATIVE, D, D, A),
            c("A18.setProperty", PROPERTY, D, D, A),
            c("A18.livePropertiesObject", PROPERTY, D, D, A),
            c("A19.getenv", PROPERTY, D, D, A),
            c("A19.userHome", PROPERTY, D, D, A),
            c("A21.threadsBeyondQuota", THREAD, Q, Q, A),   // the quota is a budget (runaway ThreadQuota)
            c("G1.proxySelector", JVM_GLOBAL, D, D, A),
            c("G1.authenticator", JVM_GLOBAL, D, D, A),
            c("G1.cookieHandler", JVM_GLOBAL, D, D, A),
            c("G1.responseCache", JVM_GLOBAL, D, D, A),
            c("G1.followRedirects", JVM_GLOBAL, D, D, A),
            c("G2.sslContext", JVM_GLOBAL, D, D, A),
            c("G4.setOut", JVM_GLOBAL, D, D, A),
            c("G5.locale", JVM_GLOBAL, D, D, A),
            c("G5.timeZone", JVM_GLOBAL, D, D, A),
            c("G6.defaultUncaughtHandler", JVM_GLOBAL, D, D, A),
            c("G6.shutdownHook", JVM_GLOBAL, D, D, A),
            c("H1.subclassReceiver", FILE, D, D, A),
            c("H2.staticViaSubclass", JVM_GLOBAL, D, D, A),
            c("H2.unqualifiedInSubclass", JVM_GLOBAL, D, D, A),
            c("H3.superConstructorFile", FILE, D, D, A),
            c("H3.superConstructorServerSocket", NETWORK, D, D, A),
            c("H4.superMethod", FILE, D, D, A),
            c("H5.networkChannelBind", NETWORK, D, D, A),
            c("H5.watchableInterface", FILE, D, D, A),
            c("H10.nameTheGuard", null, R, R, R),
            c("H10.computedGuardName", REFLECTION, D, D, D),
            c("H12.fourArgumentSocket", NETWORK, D, D, A),
            c("H12.longArgument", FILE, D, D, A),
            c("X.imageIoWrite", FILE, D, D, A),
            c("X.loggingFileHandler", FILE, D, D, A),
            c("X.xmlTransformToFile", FILE, D, D, A));

    static final List<NotInCorpus> NOT_IN_CORPUS = List.of(
            new NotInCorpus("A4", "sun.misc.Signal: the resolver hook keeps sun.* out of a plugin's class space (E10)"),
            new NotInCorpus("A16", "threads the JDK starts for a pool: executor factories are quota-checked (A21 rows); "
                    + "threads started inside JDK code are the runaway/monitor layer's (thread group ownership)"),
            new NotInCorpus("A20", "java.awt.Desktop/Robot: not in the table; containers run headless (gap, docs/enforcement.md)"),
            new NotInCorpus("G3", "System.setSecurityManager is a table row (JVM_GLOBAL); a corpus action would change the "
                    + "test JVM on 17 when granted"),
            new NotInCorpus("G7", "javax.naming/java.rmi: the resolver hook keeps them out of a plugin's class space"),
            new NotInCorpus("G8", "JAXP through system properties: property writes are denied (A18 cases)"),
            new NotInCorpus("G9", "HotSpotDiagnosticMXBean: com.sun.management is kept out by the resolver hook"),
            new NotInCorpus("G10", "IIORegistry/DriverManager rows are in the table; no corpus action yet"),
            new NotInCorpus("H6", "javac cannot emit a foreign bootstrap: FailClosedTest (unit) refuses a JDK bootstrap "
                    + "that is not allow-listed; plugin bootstraps are woven plugin code"),
            new NotInCorpus("H7", "ldc MethodHandle: javac cannot emit it; WeaverEdgeIT (ASM-made plugin class in Felix: "
                    + "denied and recorded at STANDARD, runs when granted) and HandleConstantTest (unit)"),
            new NotInCorpus("H8", "dynamic constants: javac cannot emit them; WeaverEdgeIT (condy through "
                    + "ConstantBootstraps.invoke in Felix: denied and recorded, runs when granted) and HandleConstantTest (unit)"),
            new NotInCorpus("H9", "class files the weaver refuses (version 70, version 49 JSR/RET, a method the weave "
                    + "would push past 64 KB): WeaverEdgeIT (fail to load with the WeavingException, never run, the hook "
                    + "keeps weaving) and FailClosedTest (unit)"),
            new NotInCorpus("H11", "classes of no bundle (a hidden class, a class of a plugin-made loader): WeaverEdgeIT "
                    + "(definition needs CLASS_DEFINITION; their calls are denied and recorded against the plugin); binding "
                    + "refuses unknown loaders: FailClosedTest (unit) and H10.computedGuardName here"));

    private HostileCorpus() {
    }
}
