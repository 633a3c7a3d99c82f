package sandbox.core.sink;

import sandbox.api.PermissionKind;

/**
 * One question a sink call asks the policy, in the weaving guard's terms: the same kind, action and target string a
 * guarded call of the same effect would ask, so that grants mean the same at both layers.
 *
 * @param kind the permission kind
 * @param action the action within it
 * @param target the canonical-enough target: an absolute path, {@code ip:port}, a command line, a library name
 */
record SinkRequest(PermissionKind kind, String action, String target) {
}
