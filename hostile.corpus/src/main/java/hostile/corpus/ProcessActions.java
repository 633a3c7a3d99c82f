package hostile.corpus;

import java.util.List;
import java.util.Map;

/** A1 process creation, A2 exit and halt, A3 ProcessHandle. Commands are {@code /bin/true}: harmless when allowed. */
final class ProcessActions {
    private ProcessActions() {
    }

    static void register(Map<String, Action> m) {
        m.put("A1.runtimeExec", in -> String.valueOf(Runtime.getRuntime().exec(new String[] {"/bin/true"}).waitFor()));
        m.put("A1.processBuilder", in -> String.valueOf(new ProcessBuilder("/bin/true").start().waitFor()));
        m.put("A1.startPipeline", in -> String.valueOf(
                ProcessBuilder.startPipeline(List.of(new ProcessBuilder("/bin/true"))).size()));
        m.put("A2.systemExit", in -> {
            System.exit(0);
            return "still running";
        });
        m.put("A2.runtimeHalt", in -> {
            Runtime.getRuntime().halt(0);
            return "still running";
        });
        m.put("A2.exitViaMethodReference", in -> {
            java.util.function.IntConsumer exit = System::exit;
            exit.accept(0);
            return "still running";
        });
        m.put("A3.allProcesses", in -> String.valueOf(ProcessHandle.allProcesses().count() > 0));
    }
}
