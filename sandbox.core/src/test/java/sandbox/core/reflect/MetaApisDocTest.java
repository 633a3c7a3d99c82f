package sandbox.core.reflect;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Test;

/**
 * docs/reflection-and-code.md ends with the printed meta-level table: this test fails when they differ. Regenerate
 * with {@code mvn -pl sandbox.core test -Dtest=MetaApisDocTest -Dsandbox.docs.write=true}.
 */
public class MetaApisDocTest {
    private static final String MARK = "<!-- table: generated from MetaApiTable by MetaApisDocTest -->\n";

    @Test
    public void documentMatchesTable() throws Exception {
        Path doc = Path.of(System.getProperty("user.dir")).resolve("../docs/reflection-and-code.md").normalize();
        String text = Files.readString(doc);
        int at = text.indexOf(MARK);
        if (at < 0) {
            throw new AssertionError(doc + " has no line " + MARK.strip());
        }
        String expected = text.substring(0, at) + MARK + MetaApiText.markdown(MetaApiTable.rows());
        if (Boolean.getBoolean("sandbox.docs.write")) {
            Files.writeString(doc, expected);
            return;
        }
        assertEquals("docs/reflection-and-code.md is out of date; regenerate it (see this test's Javadoc)", expected, text);
    }

    @Test
    public void theConsoleTableFiltersRows() {
        String all = MetaApiText.format(MetaApiTable.rows(), "");
        String lookup = MetaApiText.format(MetaApiTable.rows(), "privateLookupIn");
        assertTrue(all, all.endsWith("of " + MetaApiTable.rows().size() + " rows\n"));
        assertTrue(lookup, lookup.contains("LookupGuard.privateLookupIn") && lookup.endsWith("1 of " + MetaApiTable.rows().size() + " rows\n"));
    }
}
