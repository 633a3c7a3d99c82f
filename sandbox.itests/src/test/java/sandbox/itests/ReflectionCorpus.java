package sandbox.itests;

import static sandbox.api.PermissionKind.CLASS_DEFINITION;
import static sandbox.api.PermissionKind.FILE;
import static sandbox.api.PermissionKind.JVM_GLOBAL;
import static sandbox.api.PermissionKind.PROPERTY;
import static sandbox.api.PermissionKind.REFLECTION;

import java.util.List;
import sandbox.api.PermissionKind;

/**
 * The reflection and run-time-code part of the hostile corpus as a table (catalogue groups B, C, D and beyond):
 * one row per action of hostile.corpus's ReflectionActions and CodeActions, with the permission a denial is
 * recorded under at STANDARD and at STRICT (STRICT allows no reflection on classes that are not the plugin's own,
 * so there the reflective step is what is denied), and what hostile.corpus.granted gets. Entries without an action
 * say where they are covered or why not. Counted in the README.
 */
final class ReflectionCorpus {
    /** One corpus action; {@code result}, when not null, is what a successful run must return. */
    record Case(String action, PermissionKind standardPermission, HostileCorpus.Outcome standard,
                PermissionKind strictPermission, HostileCorpus.Outcome strict, HostileCorpus.Outcome granted, String result) {
        String entry() {
            return action.substring(0, action.indexOf('.'));
        }
    }

    private static final HostileCorpus.Outcome A = HostileCorpus.Outcome.ALLOWED;
    private static final HostileCorpus.Outcome D = HostileCorpus.Outcome.DENIED;

    private static Case c(String action, PermissionKind standard, PermissionKind strict, HostileCorpus.Outcome granted) {
        return new Case(action, standard, D, strict, D, granted, null);
    }

    static final List<Case> CASES = List.of(
            c("B1.methodInvoke", PROPERTY, REFLECTION, A),
            c("B1.constructorNewInstance", FILE, REFLECTION, A),
            new Case("B2.setAccessibleOtherBundle", REFLECTION, D, REFLECTION, D, A, "x"),
            c("B2.sandboxInternals", REFLECTION, REFLECTION, D),     // the Sandbox's own classes: never, even granted
            c("B3.findStatic", PROPERTY, REFLECTION, A),
            c("B4.methodReferenceToInvoke", PROPERTY, REFLECTION, A),
            c("B5.interfaceAdapter", PROPERTY, REFLECTION, A),
            c("B6.beansStatement", REFLECTION, REFLECTION, A),
            c("B7.dynalinkThroughSystemLoader", REFLECTION, REFLECTION, A),
            c("B8.managementFactory", JVM_GLOBAL, JVM_GLOBAL, A),
            c("B9.theUnsafe", REFLECTION, REFLECTION, D),            // sun.misc: never
            c("B10.reflectionFactory", REFLECTION, REFLECTION, D),   // sun.reflect: never
            c("B11.privateLookupInSandbox", REFLECTION, REFLECTION, D),
            c("C1.lookupDefineClass", CLASS_DEFINITION, CLASS_DEFINITION, A),
            c("C2.hiddenClass", CLASS_DEFINITION, CLASS_DEFINITION, A),
            c("C4.ownClassLoader", CLASS_DEFINITION, CLASS_DEFINITION, A),
            c("C4.urlClassLoaderFactory", CLASS_DEFINITION, CLASS_DEFINITION, A),
            c("C4.systemParentLoader", REFLECTION, REFLECTION, A),   // the parent is checked before the loader is made
            c("C5.moduleFinder", CLASS_DEFINITION, CLASS_DEFINITION, A),
            c("C6.toolProvider", CLASS_DEFINITION, CLASS_DEFINITION, A),
            new Case("C7.xsltSecureByDefault", null, A, null, A, A, "true"),
            c("C7.relaxXslt", CLASS_DEFINITION, CLASS_DEFINITION, A),
            c("C8.deserializeJdkInternal", REFLECTION, REFLECTION, A),
            c("C12.attachThroughSystemLoader", REFLECTION, REFLECTION, A),
            new Case("D3.xmlDecoder", REFLECTION, D, REFLECTION, D, A, "decoded"),
            c("D11.runtimeMXBean", JVM_GLOBAL, JVM_GLOBAL, A),
            c("X.serviceLoaderForeignLoader", REFLECTION, REFLECTION, A),
            c("X.resourceBundleForeignLoader", REFLECTION, REFLECTION, A),
            new Case("X.marshalledObject", REFLECTION, D, REFLECTION, D, A, "marshalled"));

    static final List<HostileCorpus.NotInCorpus> NOT_IN_CORPUS = List.of(
            new HostileCorpus.NotInCorpus("C3", "defining into another bundle needs privateLookupIn on it (B11 row: "
                    + "denied) and is refused even when granted (Definitions: own loader only; unit DefinitionGuardTest)"),
            new HostileCorpus.NotInCorpus("C9", "javax.script is kept out of the class space by the resolver hook; "
                    + "ScriptEngineManager is a CLASS_DEFINITION row (unit DeputyGuardTest)"),
            new HostileCorpus.NotInCorpus("C10", "code-generation libraries in other bundles: out of scope for a guard "
                    + "(deployment rule: never wire them to plugins; their defineClass runs as that bundle)"),
            new HostileCorpus.NotInCorpus("C11", "javax.naming/java.rmi remote class loading: resolver hook and property "
                    + "writes (A18); MarshalledObject.get is the X.marshalledObject row"),
            new HostileCorpus.NotInCorpus("D1", "library bundles doing I/O: a deputy with its own identity (out of scope "
                    + "for caller-side weaving; sink layer planned)"),
            new HostileCorpus.NotInCorpus("D2", "host services: service hooks hide control services (framework layer)"),
            new HostileCorpus.NotInCorpus("D4", "XXE: XSLT factories are hardened (C7); DocumentBuilderFactory is not (gap)"),
            new HostileCorpus.NotInCorpus("D5", "the plugin's deserialisation filter refuses JDK internals (C8 row); "
                    + "gadgets in host bundles are not filtered (gap: jdk.serialFilter)"),
            new HostileCorpus.NotInCorpus("D6", "attribution is by the woven class, never by thread: pool threads change nothing"),
            new HostileCorpus.NotInCorpus("D7", "the guard has no exemption flags; plugin callbacks inside it run checked"),
            new HostileCorpus.NotInCorpus("D8", "plugin-to-plugin deputies: each is checked as itself (documented limit)"),
            new HostileCorpus.NotInCorpus("D9", "finalizer resurrection of host capabilities: host design, not a guard"),
            new HostileCorpus.NotInCorpus("D10", "PKIX/LDAP fetches from JDK code: network sink layer (planned)"),
            new HostileCorpus.NotInCorpus("D12", "Preferences rows (JVM_GLOBAL): unit DeputyGuardTest; a granted run would "
                    + "write under the test user's home"),
            new HostileCorpus.NotInCorpus("H6", "a bootstrap method's Lookup: every find* is guarded whatever Lookup it is "
                    + "(unit HandleGuardTest.aBootstrapMethodsLookupIsGuardedToo)"));

    private ReflectionCorpus() {
    }
}
