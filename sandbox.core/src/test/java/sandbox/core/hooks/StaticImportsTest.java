package sandbox.core.hooks;

import static org.junit.Assert.assertEquals;

import java.util.Set;
import org.junit.Test;

public class StaticImportsTest {

    @Test
    public void packageNamesAreReadAndParametersSkipped() {
        assertEquals(Set.of("a.b", "c", "d.e", "f"),
                StaticImports.parse("a.b;version=\"[1,2)\",c;d.e;resolution:=optional, f"));
        assertEquals(Set.of("org.osgi.framework", "sandbox.core.guard"),
                StaticImports.parse("org.osgi.framework;version=\"[1.10,2)\",sandbox.core.guard"));
        assertEquals(Set.of(), StaticImports.parse(null));
    }
}
