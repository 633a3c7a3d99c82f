package sandbox.core.reflect;

import org.osgi.service.component.annotations.Component;

/**
 * Gogo command {@code sandbox:reflectapis}: prints the meta-level table (reflection, method handles, class
 * definition) the reflection step of the weaver uses; {@code sandbox:apis} prints the sensitive-API table.
 */
@Component(service = Object.class, property = {"osgi.command.scope=sandbox", "osgi.command.function=reflectapis"})
public final class ReflectApisCommand {

    /** {@code sandbox:reflectapis}: the whole table. */
    public String reflectapis() {
        return MetaApiText.format(MetaApiTable.rows(), "");
    }

    /** {@code sandbox:reflectapis <filter>}: rows mentioning the filter, e.g. {@code sandbox:reflectapis lookup}. */
    public String reflectapis(String filter) {
        return MetaApiText.format(MetaApiTable.rows(), filter);
    }
}
