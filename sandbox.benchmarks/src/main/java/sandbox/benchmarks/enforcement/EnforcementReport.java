package sandbox.benchmarks.enforcement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Issue 3 in one run: the cold weaving pass in fresh JVMs ({@link WeavingColdPass}, without and with the core's
 * warm-up), then {@link GuardOverheadBenchmark},
 * {@link SecurityManagerBenchmark} (its {@code on} half only where the SecurityManager can be enabled) and
 * {@link WeavingTimeBenchmark} through JMH, then the table of added costs, ratios and targets.
 *
 * <p>Run: {@code java -jar sandbox.benchmarks/target/benchmarks.jar} is plain JMH; this report is
 * {@code java -cp sandbox.benchmarks/target/benchmarks.jar sandbox.benchmarks.enforcement.EnforcementReport [JMH options]}
 * (JMH options such as {@code -f 1 -i 3} override the annotations).
 */
public final class EnforcementReport {
    private final Map<String, Result<?>> results = new HashMap<>();

    public static void main(String[] args) {
        int status = 0;
        try {
            run(args);
        } catch (Throwable t) {
            t.printStackTrace();
            status = 1;
        }
        System.exit(status);   // a framework thread left behind by a failure must not keep the JVM alive
    }

    private static void run(String[] args) throws Exception {
        boolean sm = SecurityManagerSupport.available();
        System.out.printf(Locale.ROOT, "JDK %s (%s), %d processors%n", Runtime.version(), System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors());
        double[] cold = WeavingColdPass.inFreshJvm(false);
        double[] warmedUp = WeavingColdPass.inFreshJvm(true);
        double[] coldGuardAndRunaway = WeavingColdPass.inFreshJvm(false, WeaveCorpus.Pipeline.GUARD_AND_RUNAWAY);

        ChainedOptionsBuilder options = new OptionsBuilder().parent(new CommandLineOptions(args))
                .include(GuardOverheadBenchmark.class.getName())
                .include(SecurityManagerBenchmark.class.getName())
                .include(WeavingTimeBenchmark.class.getName());
        if (!sm) {
            System.out.println("NOTE: " + SecurityManagerSupport.why() + "; running securityManager=off only");
            options.param("securityManager", "off");
        }
        Collection<RunResult> run = new Runner(options.build()).run();
        EnforcementReport report = new EnforcementReport();
        for (RunResult r : run) {
            String method = r.getParams().getBenchmark();
            String key = method.substring(method.lastIndexOf('.', method.lastIndexOf('.') - 1) + 1);
            String smParam = r.getParams().getParam("securityManager");
            report.results.put(smParam == null ? key : key + "[" + smParam + "]", r.getPrimaryResult());
        }
        report.print(sm, cold, warmedUp, coldGuardAndRunaway);
        System.out.println();
        System.out.println("Interleaved cross-check (one JVM, alternating blocks of 200 calls, 201 rounds; µs/op):");
        System.out.println(InterleavedCheck.HEADER);
        System.out.println(InterleavedCheck.SEPARATOR);
        for (String line : InterleavedCheck.run()) {
            System.out.println(line);
        }
    }

    private void print(boolean sm, double[] cold, double[] warmedUp, double[] coldGuardAndRunaway) {
        System.out.println();
        System.out.println("== Enforcement overhead (issue 3) ==  µs/op, ± 99.9 % CI");
        List<String> lines = new ArrayList<>();
        lines.add("| operation | unguarded (trusted copy) | guarded (woven plugin) | Sandbox added | ratio (target ≤ 1.05) "
                + "| SM off | SM + CPA on | SM added | Sandbox added / SM added (target ≤ 0.10) |");
        lines.add("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        lines.add(row("Files.newInputStream + read 1 KiB + close", "fileReadTrusted", "fileReadPlugin", "fileRead", sm));
        lines.add(row("loopback connect + close", "socketConnectTrusted", "socketConnectPlugin", "socketConnect", sm));
        lines.forEach(System.out::println);
        System.out.println();
        Result<?> woven = results.get("WeavingTimeBenchmark.weaveOneClass");
        Result<?> wovenGuardAndRunaway = results.get("WeavingTimeBenchmark.weaveOneClassGuardAndRunaway");
        Result<?> copy = results.get("WeavingTimeBenchmark.asmCopyOneClass");
        System.out.println("| weaving one class of " + WeaveCorpus.LIBRARY + " | median µs | p90 µs | mean µs |");
        System.out.println("| --- | --- | --- | --- |");
        System.out.printf(Locale.ROOT, "| cold: first weave of each class, hook's pipeline, fresh JVM (%d classes) | %.1f | %.1f | — |%n",
                cold.length, WeaveCorpus.percentile(cold, 50), WeaveCorpus.percentile(cold, 90));
        System.out.printf(Locale.ROOT, "| cold, after the core's background warm-up (WeaverWarmUp), fresh JVM | %.1f | %.1f | — |%n",
                WeaveCorpus.percentile(warmedUp, 50), WeaveCorpus.percentile(warmedUp, 90));
        System.out.printf(Locale.ROOT, "| cold: guard + runaway only (no reflection step; before session 2's fix) | %.1f | %.1f | — |%n",
                WeaveCorpus.percentile(coldGuardAndRunaway, 50), WeaveCorpus.percentile(coldGuardAndRunaway, 90));
        if (woven != null) {
            System.out.printf(Locale.ROOT, "| warm: hook's pipeline (reflection + guard + runaway), JMH sample mode | %.1f | %.1f | %.1f |%n",
                    pct(woven, 50), pct(woven, 90), woven.getScore());
        }
        if (wovenGuardAndRunaway != null) {
            System.out.printf(Locale.ROOT, "| warm: guard + runaway only (no reflection step), JMH sample mode | %.1f | %.1f | %.1f |%n",
                    pct(wovenGuardAndRunaway, 50), pct(wovenGuardAndRunaway, 90), wovenGuardAndRunaway.getScore());
        }
        if (copy != null) {
            System.out.printf(Locale.ROOT, "| warm: plain ASM read + write, no transform (reference) | %.1f | %.1f | %.1f |%n",
                    pct(copy, 50), pct(copy, 90), copy.getScore());
        }
        if (woven != null) {
            System.out.printf(Locale.ROOT, "weaving target (median ≤ 50 µs, warm): %s%n", pct(woven, 50) <= 50 ? "MET" : "NOT MET");
        }
    }

    private String row(String what, String trustedKey, String pluginKey, String smKey, boolean sm) {
        Result<?> t = results.get("GuardOverheadBenchmark." + trustedKey);
        Result<?> p = results.get("GuardOverheadBenchmark." + pluginKey);
        Result<?> off = results.get("SecurityManagerBenchmark." + smKey + "[off]");
        Result<?> on = results.get("SecurityManagerBenchmark." + smKey + "[on]");
        String sandboxAdded = "—";
        String ratio = "—";
        double added = Double.NaN;
        if (t != null && p != null) {
            added = p.getScore() - t.getScore();
            sandboxAdded = diff(p, t);
            double r = p.getScore() / t.getScore();
            ratio = String.format(Locale.ROOT, "%.3f× %s", r, r <= 1.05 ? "MET" : "NOT MET");
        }
        String smAdded = "—";
        String share = sm ? "—" : "skipped: no SecurityManager on this JDK";
        if (off != null && on != null) {
            smAdded = diff(on, off);
            double smCost = on.getScore() - off.getScore();
            if (!Double.isNaN(added)) {
                double s = added / smCost;
                share = String.format(Locale.ROOT, "%.3f %s", s, s <= 0.10 ? "MET" : "NOT MET");
            }
        }
        return "| " + what + " | " + score(t) + " | " + score(p) + " | " + sandboxAdded + " | " + ratio + " | "
                + score(off) + " | " + (sm ? score(on) : "skipped") + " | " + smAdded + " | " + share + " |";
    }

    private static String score(Result<?> r) {
        return r == null ? "—" : String.format(Locale.ROOT, "%.2f ± %.2f", r.getScore(), r.getScoreError());
    }

    private static String diff(Result<?> a, Result<?> b) {
        double err = Math.sqrt(sq(a.getScoreError()) + sq(b.getScoreError()));
        return String.format(Locale.ROOT, "%+.2f ± %.2f", a.getScore() - b.getScore(), err);
    }

    private static double sq(double x) {
        return Double.isNaN(x) ? 0 : x * x;
    }

    private static double pct(Result<?> r, double p) {
        return r.getStatistics().getPercentile(p);
    }
}
