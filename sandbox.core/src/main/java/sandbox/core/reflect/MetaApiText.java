package sandbox.core.reflect;

import java.util.List;
import java.util.Locale;

/** The meta-level table as text: a console table for {@code sandbox:reflectapis}, Markdown for the docs. */
public final class MetaApiText {
    private MetaApiText() {
    }

    static String format(List<MetaApi> rows, String filter) {
        String f = filter.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(String.format("%-4s %-12s %-60s %s%n", "id", "shape", "member", "guard"));
        int shown = 0;
        for (int id = 0; id < rows.size(); id++) {
            MetaApi r = rows.get(id);
            String line = String.format("%-4d %-12s %-60s %s%n", id, r.shape().name().toLowerCase(Locale.ROOT),
                    r.operation() + (r.isStatic() ? " (static) " : " ") + r.descriptor(), guard(r));
            if (f.isEmpty() || line.toLowerCase(Locale.ROOT).contains(f)) {
                out.append(line);
                shown++;
            }
        }
        return out.append(shown).append(" of ").append(rows.size()).append(" rows\n").toString();
    }

    /** @return the table as Markdown, one row per line, in id order */
    public static String markdown(List<MetaApi> rows) {
        StringBuilder out = new StringBuilder("| id | shape | member | descriptor | guard |\n| --- | --- | --- | --- | --- |\n");
        for (int id = 0; id < rows.size(); id++) {
            MetaApi r = rows.get(id);
            out.append("| ").append(id).append(" | ").append(r.shape().name().toLowerCase(Locale.ROOT)).append(" | `")
               .append(r.operation()).append(r.isStatic() ? "` (static)" : "`").append(" | `").append(r.descriptor())
               .append("` | ").append(guard(r)).append(" |\n");
        }
        return out.toString();
    }

    private static String guard(MetaApi r) {
        return switch (r.shape()) {
            case REPLACE -> r.guardOwner().substring(r.guardOwner().lastIndexOf('/') + 1) + "." + r.guardName();
            case CHECK -> "check " + r.check().name().toLowerCase(Locale.ROOT) + " of "
                    + (r.arg() == -1 ? "the receiver" : r.arg() == MetaApi.IMPLICIT ? "the implicit default" : "argument " + r.arg());
            case DEFINE_BYTES -> "weave the class bytes";
        };
    }
}
