package sandbox.benchmarks.enforcement;

/**
 * Whether this JVM can turn the SecurityManager on at run time. JDK 17: yes unless
 * {@code -Djava.security.manager=disallow}; JDK 18–23: only with {@code -Djava.security.manager=allow}; JDK 24 and
 * later (JEP 486): never, whatever the flags.
 */
final class SecurityManagerSupport {
    private SecurityManagerSupport() {
    }

    static boolean available() {
        int feature = Runtime.version().feature();
        String flag = System.getProperty("java.security.manager");
        if (feature >= 24) {
            return false;
        }
        if (feature <= 17) {
            return !"disallow".equals(flag);
        }
        return flag != null && !flag.equals("disallow");
    }

    /** @return why the comparison cannot run here */
    static String why() {
        return "the SecurityManager cannot be enabled on JDK " + Runtime.version().feature()
                + (Runtime.version().feature() >= 24 ? " (JEP 486 removed it)" : " without -Djava.security.manager=allow")
                + ": SecurityManager comparison skipped";
    }
}
