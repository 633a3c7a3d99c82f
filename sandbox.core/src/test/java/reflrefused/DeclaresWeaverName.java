package reflrefused;

/** H10: a plugin class declaring a member with the weaver's prefix (to collide with, or stand in for, the handle). */
public final class DeclaresWeaverName {
    static Object $sandbox$handle;

    private DeclaresWeaverName() {
    }
}
