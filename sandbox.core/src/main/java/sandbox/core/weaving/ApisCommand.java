package sandbox.core.weaving;

import org.osgi.service.component.annotations.Component;

/**
 * Gogo command {@code sandbox:apis}: prints the sensitive-API table the weaver uses, optionally only rows whose
 * owner, name or permission contains a filter. Registered as a plain Object with the osgi.command properties.
 */
@Component(service = Object.class, property = {"osgi.command.scope=sandbox", "osgi.command.function=apis"})
public final class ApisCommand {

    /** {@code sandbox:apis}: the whole table. */
    public String apis() {
        return TableText.format(SensitiveApiTable.INSTANCE.rows(), "");
    }

    /** {@code sandbox:apis <filter>}: rows mentioning the filter, e.g. {@code sandbox:apis exit}. */
    public String apis(String filter) {
        return TableText.format(SensitiveApiTable.INSTANCE.rows(), filter);
    }
}
