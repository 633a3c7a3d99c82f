package sandbox.agent;

/**
 * One instrumented JDK method: at its entry it calls {@code SinkGate.check(id, a, b)}.
 *
 * @param id the sink id ({@link sandbox.agent.gate.Sinks})
 * @param owner the class, internal name ({@code java/io/FileInputStream})
 * @param name the method's name
 * @param descriptor the method's descriptor; the same on every JDK the agent accepts
 * @param a which value goes as {@code a}: 0 = {@code this}, n = the n-th parameter (1-based), -1 = {@code null}
 * @param b which value goes as {@code b}, same encoding
 */
public record SinkRow(int id, String owner, String name, String descriptor, int a, int b) {
    /** @return {@code owner.name descriptor}, as a missing sink is named */
    public String member() {
        return owner.replace('/', '.') + "." + name + descriptor;
    }
}
