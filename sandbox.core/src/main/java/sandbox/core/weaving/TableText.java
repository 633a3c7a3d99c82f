package sandbox.core.weaving;

import java.util.List;
import java.util.Locale;

/** The sensitive-API table as text: a console table for {@code sandbox:apis}, a Markdown table for the docs. */
public final class TableText {
    private TableText() {
    }

    static String format(List<SensitiveApi> rows, String filter) {
        String f = filter.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(String.format("%-4s %-10s %-8s %-56s %-22s %s%n",
                "id", "permission", "action", "member", "target", "result"));
        int shown = 0;
        for (int id = 0; id < rows.size(); id++) {
            SensitiveApi r = rows.get(id);
            String member = r.operation() + descriptorText(r);
            String line = String.format("%-4d %-10s %-8s %-56s %-22s %s%n", id, r.permission().headerName(),
                    r.action(), member, r.target().describe(), r.wrap().name().toLowerCase(Locale.ROOT));
            if (f.isEmpty() || line.toLowerCase(Locale.ROOT).contains(f)) {
                out.append(line);
                shown++;
            }
        }
        return out.append(shown).append(" of ").append(rows.size()).append(" rows\n").toString();
    }

    /** @return the table as Markdown, one row per line, in id order */
    public static String markdown(List<SensitiveApi> rows) {
        StringBuilder out = new StringBuilder("| id | source | permission | action | member | descriptor | target | result |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (int id = 0; id < rows.size(); id++) {
            SensitiveApi r = rows.get(id);
            out.append("| ").append(id).append(" | ").append(r.source()).append(" | ").append(r.permission().headerName())
               .append(" | ").append(r.action()).append(" | `").append(r.operation()).append("` | `")
               .append(r.descriptor()).append("` | ").append(r.target().describe()).append(" | ")
               .append(r.wrap().name().toLowerCase(Locale.ROOT)).append(" |\n");
        }
        return out.toString();
    }

    private static String descriptorText(SensitiveApi r) {
        return r.descriptor().equals(SensitiveApi.ANY) ? "(*)" : r.descriptor().substring(0, r.descriptor().indexOf(')') + 1);
    }
}
