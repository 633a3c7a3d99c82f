/**
 * The Sandbox API: the contract between the container, its bundles and the plugins it runs.
 *
 * <p>Plugins implement {@link sandbox.api.Plugin}; the container provides {@link sandbox.api.SandboxService}.
 * Everything else here is a small immutable value type that validates itself on construction.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package sandbox.api;
