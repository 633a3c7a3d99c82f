package sandbox.core.runaway;

import static org.junit.Assert.assertArrayEquals;

import java.io.InputStream;
import java.util.List;
import org.junit.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;

/**
 * {@link CodeShapes} reads leafness from raw bytecode before a body streams past; the two-argument
 * {@code RunawayTransform.wrap} learns it from the buffered body. Both must weave every class the same: the runaway
 * samples (loops, recursion, handlers, monitors) and JDK classes with switches of both kinds, {@code wide}, long
 * jumps and many handlers.
 */
public class CodeShapesTest {
    private static final List<String> CLASSES = List.of(
            "sandbox/core/runaway/samples/Runaways", "sandbox/core/runaway/samples/Bombs",
            "sandbox/core/runaway/samples/Ordinary", "sandbox/core/runaway/samples/HostilePlugin",
            "java/util/regex/Pattern", "java/util/Formatter", "java/math/BigDecimal", "java/util/TreeMap",
            "java/lang/Character", "java/util/concurrent/ConcurrentHashMap", "java/io/ObjectInputStream");

    @Test
    public void theClassFileTellsLeavesExactlyAsTheBufferedBodyDoes() throws Exception {
        for (String name : CLASSES) {
            byte[] original = read(name);
            ClassReader reader = new ClassReader(original);
            ClassWriter streamed = new ClassWriter(ClassWriter.COMPUTE_MAXS);
            reader.accept(new RunawayTransform().wrap(streamed, "test.shapes", reader), 0);
            ClassWriter buffered = new ClassWriter(ClassWriter.COMPUTE_MAXS);
            reader.accept(new RunawayTransform().wrap(buffered, "test.shapes"), 0);
            assertArrayEquals(name, buffered.toByteArray(), streamed.toByteArray());
        }
    }

    private static byte[] read(String name) throws Exception {
        try (InputStream in = ClassLoader.getSystemResourceAsStream(name + ".class")) {
            if (in == null) {
                throw new AssertionError("no class file for " + name);
            }
            return in.readAllBytes();
        }
    }
}
