package sandbox.core.weaving;

import static org.junit.Assert.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Test;

/**
 * docs/sensitive-apis.md is the printed table: this test fails when the table and the document differ, so the
 * document cannot rot. Regenerate with {@code mvn -pl sandbox.core test -Dtest=SensitiveApisDocTest -Dsandbox.docs.write=true}.
 */
public class SensitiveApisDocTest {
    private static final String MARK = "<!-- table: generated from SensitiveApiTable by SensitiveApisDocTest -->\n";

    @Test
    public void documentMatchesTable() throws Exception {
        Path doc = Path.of(System.getProperty("user.dir")).resolve("../docs/sensitive-apis.md").normalize();
        String text = Files.readString(doc);
        int at = text.indexOf(MARK);
        if (at < 0) {
            throw new AssertionError(doc + " has no line " + MARK.strip());
        }
        String expected = text.substring(0, at) + MARK + TableText.markdown(SensitiveApiTable.INSTANCE.rows());
        if (Boolean.getBoolean("sandbox.docs.write")) {
            Files.writeString(doc, expected);
            return;
        }
        assertEquals("docs/sensitive-apis.md is out of date; regenerate it (see this test's Javadoc)", expected, text);
    }
}
