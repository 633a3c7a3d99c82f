package sandbox.launcher;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The one folder that holds everything a container writes: {@code felix-cache/} (framework storage,
 * cleaned at every start), {@code data/} (plugin data), {@code etc/} (the operator's configuration files:
 * policy) and, unless {@code --deploy} says otherwise, {@code deploy/}. A lock file keeps two containers off the same state folder, because the second
 * one would wipe the first one's framework cache.
 */
final class StateFolder {

    private final Path root;
    private final Path deploy;
    private final boolean seeded;
    @SuppressWarnings("unused") // held, not read: the lock lives as long as the JVM
    private final FileLock lock;

    private StateFolder(Path root, Path deploy, boolean seeded, FileLock lock) {
        this.root = root;
        this.deploy = deploy;
        this.seeded = seeded;
        this.lock = lock;
    }

    /** Creates (if needed) and locks the state folder; fills a new default deploy folder with the examples. */
    static StateFolder prepare(LaunchOptions options, Distribution distribution) throws LaunchException {
        refuseTrustedDeploy(options.deployFolder(), distribution.bundles()); // before anything is created there
        Path root = createFolder("state folder", options.state());
        FileLock lock = lock(root);
        createFolder("framework cache", root.resolve("felix-cache"));
        createFolder("plugin data folder", root.resolve("data"));
        Path deploy = options.deployFolder();
        boolean seeded = false;
        if (options.deploy() == null && !Files.exists(deploy)) {
            createFolder("deploy folder", deploy);
            seeded = copyExamples(distribution.deploy(), deploy) > 0;
        } else {
            createFolder("deploy folder", deploy);
        }
        refuseTrustedDeploy(realPath(deploy), realPath(distribution.bundles())); // again, through symbolic links
        Path etc = root.resolve("etc");
        if (!Files.exists(etc)) {
            createFolder("configuration folder", etc);
            copyExampleConfiguration(distribution.etc(), etc);
        } else {
            createFolder("configuration folder", etc);
        }
        return new StateFolder(root, deploy, seeded, lock);
    }

    Path root() {
        return root;
    }

    Path cache() {
        return root.resolve("felix-cache");
    }

    Path data() {
        return root.resolve("data");
    }

    Path deploy() {
        return deploy;
    }

    /** The operator's configuration files (policy), watched by FileInstall's second watcher. */
    Path etc() {
        return root.resolve("etc");
    }

    /** True when this start created the deploy folder and copied the example plugins into it. */
    boolean seeded() {
        return seeded;
    }

    private static Path createFolder(String what, Path folder) throws LaunchException {
        try {
            Files.createDirectories(folder);
        } catch (FileAlreadyExistsException e) {
            throw new LaunchException("cannot use " + folder + " as " + what + ": a file of that name exists");
        } catch (IOException e) {
            throw new LaunchException("cannot create " + what + " " + folder + ": " + describe(e), e);
        }
        if (!Files.isWritable(folder)) {
            throw new LaunchException(what + " " + folder + " is not writable");
        }
        return folder;
    }

    private static FileLock lock(Path root) throws LaunchException {
        Path lockFile = root.resolve("sandbox.lock");
        try {
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new LaunchException("state folder " + root + " is in use by another Sandbox container;"
                        + " choose another one with --state DIR or " + LaunchOptions.STATE_ENV);
            }
            return lock;
        } catch (OverlappingFileLockException e) {
            throw new LaunchException("state folder " + root + " is already in use by this process", e);
        } catch (IOException e) {
            throw new LaunchException("cannot lock state folder " + root + " (" + lockFile + "): " + describe(e), e);
        }
    }

    private static int copyExamples(Path from, Path to) throws LaunchException {
        int copied = 0;
        for (Path jar : Distribution.jarsIn(from)) {
            try {
                Files.copy(jar, to.resolve(jar.getFileName()));
                copied++;
            } catch (IOException e) {
                throw new LaunchException("cannot copy example plugin " + jar + " to " + to + ": " + describe(e), e);
            }
        }
        return copied;
    }

    /**
     * Copies the distribution's example configuration files (every regular file in its etc/) into a new etc/.
     * The examples are named so that FileInstall ignores them ({@code *.cfg.example}) until the operator
     * renames one: an example that applied itself would change the example plugins' policy unasked.
     */
    private static void copyExampleConfiguration(Path from, Path to) throws LaunchException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        } catch (IOException e) {
            throw new LaunchException("cannot copy the example configuration from " + from + " to " + to + ": "
                    + describe(e), e);
        }
    }

    /** A deploy folder inside bundles/ would make every dropped jar trusted infrastructure. */
    private static void refuseTrustedDeploy(Path deploy, Path bundles) throws LaunchException {
        if (deploy.startsWith(bundles)) {
            throw new LaunchException("deploy folder " + deploy + " lies inside the trusted bundles folder "
                    + bundles + "; plugins must be deployed elsewhere");
        }
    }

    private static Path realPath(Path path) throws LaunchException {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw new LaunchException("cannot resolve " + path + ": " + describe(e), e);
        }
    }

    /** "permission denied", "no such file or directory", ... rather than an exception class name. */
    private static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            return ((FileSystemException) e).getReason().toLowerCase(Locale.ROOT);
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
