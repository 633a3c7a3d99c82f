package sandbox.core.weaving;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The sensitive-API table: rows from every {@link SensitiveApiSource}, each with a stable id. Woven code carries
 * row ids as constants, so the table only grows: a source added later appends rows, nothing is renumbered or
 * removed while classes woven against it live.
 */
public final class SensitiveApiTable {
    /** The table woven code refers to; sources of the weaving package are in it from the start. */
    public static final SensitiveApiTable INSTANCE = new SensitiveApiTable(List.of(new FileApiRows(),
            new NetworkApiRows(), new SystemApiRows(), new GlobalStateRows(), new ThreadApiRows(),
            new sandbox.core.reflect.DefinitionRows(), new TaskApiRows()));

    private final List<SensitiveApi> rows = new CopyOnWriteArrayList<>();
    private final List<String> sources = new CopyOnWriteArrayList<>();
    private final Map<String, List<Integer>> byMember = new ConcurrentHashMap<>();
    private final Set<String> names = ConcurrentHashMap.newKeySet();
    private volatile SensitiveApi[] byId = new SensitiveApi[0];

    /** @param initial the first sources, added in order */
    public SensitiveApiTable(List<? extends SensitiveApiSource> initial) {
        initial.forEach(this::add);
    }

    /**
     * Appends a source's rows. A source is added once; adding the same name again is refused, so a restarted
     * contributor cannot grow the table without bound.
     *
     * @param source the rows' contributor
     */
    public synchronized void add(SensitiveApiSource source) {
        if (sources.contains(source.name())) {
            throw new IllegalArgumentException("sensitive-API source '" + source.name() + "' is already in the table");
        }
        sources.add(source.name());
        List<SensitiveApi> all = new ArrayList<>(rows);
        for (SensitiveApi row : source.rows()) {
            int id = all.size();
            all.add(row);
            byMember.computeIfAbsent(row.owner() + '.' + row.name(), k -> new CopyOnWriteArrayList<>()).add(id);
            names.add(row.name());
        }
        rows.addAll(all.subList(rows.size(), all.size()));
        byId = all.toArray(new SensitiveApi[0]);
    }

    /** @return true when some row has this method name: the cheap test before any hierarchy is resolved */
    public boolean mayMatch(String name) {
        return names.contains(name);
    }

    /**
     * @param owner a JDK class or interface that declares the member
     * @param name method name
     * @param desc descriptor of the call
     * @return ids of the rows covering the member, in table order; empty when it is not sensitive
     */
    public List<Integer> match(String owner, String name, String desc) {
        List<Integer> ids = byMember.get(owner + '.' + name);
        if (ids == null) {
            return List.of();
        }
        List<Integer> result = new ArrayList<>(ids.size());
        SensitiveApi[] table = byId;
        for (int id : ids) {
            if (table[id].covers(desc)) {
                result.add(id);
            }
        }
        return result;
    }

    /** @return the row with this id; the guard's hot path, one array read */
    public SensitiveApi row(int id) {
        return byId[id];
    }

    /** @return every row, in id order */
    public List<SensitiveApi> rows() {
        return List.copyOf(rows);
    }

    /** @return the names of the sources in the table */
    public Set<String> sources() {
        return new HashSet<>(sources);
    }
}
