/**
 * What woven plugin code calls: {@link sandbox.core.guard.Guard}, and the exception a denial throws. Exported
 * because woven classes import it dynamically; plugins cannot refer to it in their own bytecode (the weaver refuses
 * such classes). The deciding logic lives in the private {@code sandbox.core.policy}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package sandbox.core.guard;
