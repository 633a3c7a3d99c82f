package sandbox.core.weaving;

import java.util.ArrayList;
import java.util.List;
import sandbox.api.PermissionKind;

/** Terse builder for row sources: one line per JDK member, so a table reads like a table. */
final class Rows {
    private final String source;
    private final List<SensitiveApi> rows = new ArrayList<>();

    Rows(String source) {
        this.source = source;
    }

    /** Adds a row. {@code owner} uses dots or slashes; {@code desc} is a descriptor or {@code *}. */
    Rows add(String owner, String name, String desc, PermissionKind kind, String action, Target target, ResultWrap wrap) {
        rows.add(new SensitiveApi(owner.replace('.', '/'), name, desc, kind, action, target, wrap, source));
        return this;
    }

    Rows add(String owner, String name, String desc, PermissionKind kind, String action, Target target) {
        return add(owner, name, desc, kind, action, target, ResultWrap.NONE);
    }

    /** Every overload of each name: no target (exit, JVM-global setters). */
    Rows all(String owner, PermissionKind kind, String action, String... names) {
        for (String name : names) {
            add(owner, name, SensitiveApi.ANY, kind, action, Target.NONE);
        }
        return this;
    }

    static Target path(int arg) {
        return Target.arg(TargetKind.PATH, arg);
    }

    static Target self(TargetKind kind) {
        return Target.receiver(kind);
    }

    static Target arg(TargetKind kind, int arg) {
        return Target.arg(kind, arg);
    }

    static Target hostPort(int host, int port) {
        return new Target(TargetKind.HOST_PORT, host, port);
    }

    static Target inetPort(int address, int port) {
        return new Target(TargetKind.INET_PORT, address, port);
    }

    List<SensitiveApi> build() {
        return List.copyOf(rows);
    }
}
