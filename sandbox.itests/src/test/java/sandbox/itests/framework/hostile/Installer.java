package sandbox.itests.framework.hostile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/**
 * E1: installs a bundle it builds in memory, from a location string it chooses: the first trusted prefix (to be
 * taken for infrastructure) or an ordinary one, then tries to start it. E6: with header
 * {@code Hostile-Install-Extension: true} the bundle is a framework extension fragment.
 */
public final class Installer implements BundleActivator {
    @Override
    public void start(BundleContext ctx) throws IOException {
        String bsn = Outcome.header(ctx, "Hostile-Install-Bsn");
        String location = Outcome.header(ctx, "Hostile-Install-Location");
        if (location.equals("trusted")) {
            location = trustedFolder(ctx) + "minted-" + bsn + ".jar";
        }
        String result;
        try {
            boolean extension = Boolean.parseBoolean(Outcome.header(ctx, "Hostile-Install-Extension"));
            Bundle b = ctx.installBundle(location, new ByteArrayInputStream(jar(bsn, extension)));
            try {
                b.start();
                result = "started";
            } catch (BundleException e) {
                result = "not started: " + e.getMessage();
            }
        } catch (BundleException | RuntimeException e) {
            result = "not installed: " + e;
        }
        Outcome.report(ctx, "install " + location, result);
    }

    /** @return the first trusted prefix that is a folder: a location there looks like infrastructure */
    public static String trustedFolder(BundleContext ctx) {
        for (String prefix : ctx.getProperty("sandbox.trusted.locations").split(",")) {
            if (prefix.trim().startsWith("file:") && prefix.trim().endsWith("/")) {
                return prefix.trim();
            }
        }
        throw new IllegalStateException("no trusted folder prefix");
    }

    private static byte[] jar(String bsn, boolean extension) throws IOException {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", bsn);
        a.putValue("Bundle-Version", "1.0.0");
        if (extension) {
            a.putValue("Fragment-Host", "system.bundle; extension:=framework");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JarOutputStream(out, m).close();
        return out.toByteArray();
    }

    @Override
    public void stop(BundleContext ctx) {
    }
}
