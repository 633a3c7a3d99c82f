package sandbox.core.weaving;

import java.util.List;

/**
 * Contributes rows to the sensitive-API table. The weaving package has its own sources; other packages (the
 * monitor's metered wrappers, runaway containment) add theirs by registering a source with
 * {@link SensitiveApiTable#add(SensitiveApiSource)} before plugins are woven.
 */
public interface SensitiveApiSource {

    /** @return a short name shown in the printed table, e.g. {@code files} */
    String name();

    /** @return the rows, each for one JDK member or one name with every overload */
    List<SensitiveApi> rows();
}
