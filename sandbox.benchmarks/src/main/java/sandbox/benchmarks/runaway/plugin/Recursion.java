package sandbox.benchmarks.runaway.plugin;

import sandbox.benchmarks.runaway.Workload;

/** Naive recursive Fibonacci: an entry poll in every call, nothing else. */
public final class Recursion implements Workload {
    @Override
    public long run(int n) {
        return fib(n);
    }

    private static long fib(int n) {
        return n < 2 ? n : fib(n - 1) + fib(n - 2);
    }
}
