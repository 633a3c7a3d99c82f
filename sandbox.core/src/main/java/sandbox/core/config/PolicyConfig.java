package sandbox.core.config;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One operator policy entry: a factory configuration of PID {@value #FACTORY_PID}, one per plugin or per
 * symbolic-name pattern. The defaults shown here are what an absent field means; every present field is validated
 * by {@link PolicyEntry#parse} (the typed view is the Metatype form, the raw map is what is checked, so a bad value
 * can be reported by field name instead of being coerced to a default).
 */
@ObjectClassDefinition(name = "Sandbox plugin policy",
        description = "Isolation level, limits and grants for the plugins whose symbolic name matches. "
                + "The most specific match wins; an invalid entry makes its plugins STRICT with no grants.")
public @interface PolicyConfig {

    /** The factory PID of policy entries. */
    String FACTORY_PID = "sandbox.policy";

    @AttributeDefinition(description = "Bundle symbolic name, or a glob: '*' any run of characters, '?' one character "
            + "(e.g. com.acme.*)")
    String match();

    @AttributeDefinition(description = "MINIMAL, STANDARD, STRICT or MAXIMUM (enforced as STRICT for now)")
    String level() default "STANDARD";

    @AttributeDefinition(description = "Wall-clock budget of one execution, ms")
    long executionTimeMs() default 2000;

    @AttributeDefinition(description = "CPU budget of one execution, ms")
    long cpuTimeMs() default 2000;

    @AttributeDefinition(description = "Bytes one execution may allocate")
    long allocatedBytes() default 64L * 1024 * 1024;

    @AttributeDefinition(description = "Live threads the plugin may own at once")
    int maxThreads() default 8;

    @AttributeDefinition(description = "Plugin call depth budget")
    int maxStackDepth() default 2000;

    @AttributeDefinition(description = "Files the plugin may hold open")
    int maxOpenFiles() default 64;

    @AttributeDefinition(description = "Sockets the plugin may hold open")
    int maxOpenSockets() default 16;

    @AttributeDefinition(description = "Network bandwidth, bytes per second (absent: unlimited)")
    long networkBytesPerSecond() default Long.MAX_VALUE;

    @AttributeDefinition(description = "File bytes written per execution (absent: unlimited)")
    long fileBytesWritten() default Long.MAX_VALUE;

    @AttributeDefinition(description = "Grants in Sandbox-Permissions header syntax; one or more clauses per entry, "
            + "e.g. file;target=\"/srv/data/**\";actions=\"read\"")
    String[] grants() default {};

    @AttributeDefinition(description = "Sample the plugin continuously, not only per execution")
    boolean realTimeMonitoring() default true;

    @AttributeDefinition(description = "Watchdog and monitor interval, ms (1 .. 60000)")
    long checkIntervalMs() default 10;
}
