package reflsamples;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Plain method references and lambdas (javac: invokedynamic LambdaMetafactory), none to a sensitive member. */
public final class MethodReferences {
    private MethodReferences() {
    }

    /** A method reference to a public JDK method. */
    public static Object length(String s) {
        Function<String, Integer> f = String::length;
        return f.apply(s);
    }

    /** A bound method reference, a constructor reference and a lambda, through a stream. */
    public static Object joined(List<String> parts) {
        String sep = ",";
        Supplier<StringBuilder> fresh = StringBuilder::new;
        return parts.stream().map(String::trim).map(p -> p + sep.length()).collect(Collectors.joining(sep))
                + fresh.get().append(sep.isEmpty()).toString();
    }
}
