package sandbox.core.reflect;

import static org.junit.Assert.assertEquals;

import java.util.List;
import org.junit.Test;
import sandbox.api.IsolationLevel;

/**
 * A method reference is not reflection: javac links it through {@code LambdaMetafactory}, whose guard checks the
 * handle it is given, but a reference to a member that is not sensitive, of a class the plugin links to anyway,
 * is allowed at every level, STRICT ("no reflection at all") included, without any grant.
 */
public class MethodReferenceTest {

    @Test
    public void plainMethodReferencesRunAtEveryLevelWithoutGrants() throws Throwable {
        for (IsolationLevel level : IsolationLevel.values()) {
            WovenPlugin p = new WovenPlugin(level, "");
            assertEquals(level.toString(), 4, p.call("MethodReferences", "length", "four"));
            assertEquals(level.toString(), "a1,b1false", p.call("MethodReferences", "joined", List.of(" a", "b ")));
        }
    }
}
