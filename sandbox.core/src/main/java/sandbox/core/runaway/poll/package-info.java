/**
 * The only Sandbox code that woven plugin classes call for runaway containment: {@link sandbox.core.runaway.poll.Poll}
 * and the per-plugin {@link sandbox.core.runaway.poll.Signal} it reads. Exported because woven classes import it
 * dynamically; kept minimal on purpose, the deciding logic lives in the private {@code sandbox.core.runaway}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package sandbox.core.runaway.poll;
