package sandbox.monitor;

import java.time.Clock;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;
import sandbox.api.SystemUsage;

/**
 * Process and system figures from OSHI. Constructing it is slow (220–340 ms on first use: native library
 * loading, platform detection), so it is only ever built off the start-up path. Only this class touches OSHI,
 * so the monitor bundle still works, without system figures, where OSHI is not installed.
 */
final class OshiProbe {
    private final OperatingSystem os;
    private final CentralProcessor cpu;
    private final GlobalMemory memory;
    private final int pid;
    private final Clock clock;
    private OSProcess previousProcess;
    private long[] previousTicks;

    OshiProbe(Clock clock) {
        SystemInfo info = new SystemInfo();
        this.os = info.getOperatingSystem();
        this.cpu = info.getHardware().getProcessor();
        this.memory = info.getHardware().getMemory();
        this.pid = os.getProcessId();
        this.clock = clock;
        this.previousProcess = os.getProcess(pid);
        this.previousTicks = cpu.getSystemCpuLoadTicks();
    }

    /** @return the figures now; loads are over the time since the previous call */
    synchronized SystemUsage read() {
        OSProcess process = os.getProcess(pid);
        long[] ticks = cpu.getSystemCpuLoadTicks();
        double processLoad = -1;
        long rss = -1;
        long openFiles = -1;
        int threads = -1;
        if (process != null) {
            processLoad = previousProcess == null ? -1
                    : process.getProcessCpuLoadBetweenTicks(previousProcess) / Math.max(1, cpu.getLogicalProcessorCount());
            rss = process.getResidentMemory();
            openFiles = process.getOpenFiles();
            threads = process.getThreadCount();
        }
        double systemLoad = cpu.getSystemCpuLoadBetweenTicks(previousTicks);
        previousProcess = process;
        previousTicks = ticks;
        return new SystemUsage(rss, processLoad, openFiles, threads, systemLoad, memory.getTotal(), memory.getAvailable(),
                cpu.getLogicalProcessorCount(), clock.instant());
    }
}
