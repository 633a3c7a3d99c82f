package sandbox.api;

import java.time.Instant;

/**
 * Process and machine figures (from OSHI), for reports and for plugins running in child processes.
 * A figure the platform does not provide is {@code -1}.
 *
 * @param processResidentBytes resident set size of this JVM process
 * @param processCpuLoad this process's CPU use since the previous reading, 0..1 of the whole machine
 * @param processOpenFiles file descriptors this process holds open
 * @param processThreads threads of this process
 * @param systemCpuLoad the machine's CPU use since the previous reading, 0..1
 * @param systemMemoryTotal physical memory of the machine, bytes
 * @param systemMemoryAvailable physical memory available, bytes
 * @param logicalProcessors logical processors of the machine
 * @param sampledAt when the figures were read
 */
public record SystemUsage(long processResidentBytes, double processCpuLoad, long processOpenFiles, int processThreads,
                          double systemCpuLoad, long systemMemoryTotal, long systemMemoryAvailable,
                          int logicalProcessors, Instant sampledAt) {
}
