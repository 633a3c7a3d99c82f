package sandbox.core.runaway.samples;

import java.util.ArrayList;
import java.util.List;

/** Normal code whose results must be the same woven and unwoven. */
public final class Ordinary {
    private static final int[] TABLE = build();

    private Ordinary() {
    }

    private static int[] build() {
        int[] t = new int[64];
        for (int i = 0; i < t.length; i++) {
            t[i] = i * i;
        }
        return t;
    }

    public static long sumLoops(int n) {
        long s = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 10; j++) {
                s += (i ^ j) + TABLE[(i + j) & 63];
            }
        }
        return s;
    }

    public static long fib(int n) {
        return n < 2 ? n : fib(n - 1) + fib(n - 2);
    }

    public static String handlers(int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            try {
                if (i % 3 == 0) {
                    throw new IllegalArgumentException("x" + i);
                }
                if (i % 3 == 1) {
                    throw new AssertionError("e" + i);
                }
                out.append('.');
            } catch (RuntimeException e) {
                out.append('r');
            } catch (Throwable t) {
                out.append('t');
            } finally {
                out.append(',');
            }
        }
        return out.toString();
    }

    public static int switches(int n) {
        int acc = 0;
        for (int i = 0; i < n; i++) {
            switch (i % 5) {
                case 0 -> acc += 1;
                case 1 -> acc *= 2;
                case 2 -> acc -= 3;
                default -> acc ^= i;
            }
            switch (i * 1000) {
                case 0, 1000, 100000 -> acc++;
                default -> { }
            }
        }
        return acc;
    }

    public static List<String> synchronizedAndLambdas(int n) {
        List<String> out = new ArrayList<>();
        Object lock = new Object();
        for (int i = 0; i < n; i++) {
            synchronized (lock) {
                int k = i;
                Runnable r = () -> out.add("v" + k);
                r.run();
            }
        }
        return out;
    }

    public interface Shape {
        int sides();

        default int doubled() {
            int d = 0;
            for (int i = 0; i < 2; i++) {
                d += sides();
            }
            return d;
        }
    }

    public static int interfaces() {
        Shape triangle = () -> 3;
        return triangle.doubled();
    }
}
