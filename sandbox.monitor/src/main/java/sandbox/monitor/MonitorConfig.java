package sandbox.monitor;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the resource monitor (PID {@value ResourceMonitorImpl#PID}). */
@ObjectClassDefinition(name = "Sandbox resource monitor",
        description = "Per-plugin CPU, allocation, thread and I/O sampling, and WARNING/ERROR thresholds on the plugins' limits")
public @interface MonitorConfig {

    @AttributeDefinition(name = "Sampling interval (ms)", description = "How often every plugin's threads are read, 1..60000 ms")
    long intervalMillis() default 1000;

    @AttributeDefinition(name = "Real-time monitoring",
            description = "Sample periodically; when off, figures are only taken on demand (sandbox:usage, ResourceMonitor.sampleNow)")
    boolean realTime() default true;

    @AttributeDefinition(name = "Warning threshold (%)", description = "A figure at this share of its limit raises WARNING")
    int warningPercent() default 80;

    @AttributeDefinition(name = "Error threshold (%)", description = "A figure over this share of its limit raises ERROR")
    int errorPercent() default 100;

    @AttributeDefinition(name = "System figures interval (s)", description = "How often OSHI process and system figures are refreshed; 0 turns them off")
    int systemIntervalSeconds() default 10;
}
