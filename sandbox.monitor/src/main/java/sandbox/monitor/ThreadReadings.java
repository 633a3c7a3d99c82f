package sandbox.monitor;

/** Reads CPU time and allocated bytes of many threads in one call each. */
interface ThreadReadings {

    /**
     * @param ids thread ids
     * @param cpu receives each thread's CPU nanoseconds, -1 if it has ended or cannot be measured
     * @param allocated receives each thread's allocated bytes, -1 likewise
     */
    void read(long[] ids, long[] cpu, long[] allocated);
}
