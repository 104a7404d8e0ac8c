package dev.aksh.tunnel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Files that hold credentials: created 0600 (directories 0700) from the start, never widened
 * afterwards, replaced atomically, deleted when done. Where the file system has no POSIX
 * permissions (Windows), they live in the user's own temp directory.
 */
public final class PrivateFiles {
    private static final SecureRandom RANDOM = new SecureRandom();
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");

    private PrivateFiles() {
    }

    /** A new directory only this user can enter: {@code PREFIX<pid>-<random>} under {@code root}. */
    public static Path newDirectory(Path root, String prefix) {
        String name = prefix + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(randomBytes(6));
        try {
            Files.createDirectories(root);
            return posix(root) ? Files.createDirectory(root.resolve(name), attr(DIR)) : Files.createDirectory(root.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a private directory in " + root, e);
        }
    }

    /** Writes {@code bytes} to {@code file} atomically; the file is 0600 from its first byte. */
    public static void write(Path file, byte[] bytes) {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = dir.resolve("." + file.getFileName() + "." + HexFormat.of().formatHex(randomBytes(4)) + ".tmp");
        try {
            if (posix(dir)) {
                Files.createFile(temp, attr(FILE));
            } else {
                Files.createFile(temp);
            }
            Files.write(temp, bytes);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (FileAlreadyExistsException e) {
            throw new UncheckedIOException("unexpected leftover " + temp, e);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // best effort
            }
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Deletes a directory tree; quietly, since it runs on every exit path. */
    public static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort; the sweep at the next start catches what is left
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }

    /**
     * Deletes directories {@code PREFIX<pid>-…} under {@code root} whose process is gone (a crash, a
     * kill -9): credentials never outlive their process by more than one aksh start.
     *
     * @return how many were removed
     */
    public static int sweep(Path root, String prefix) {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        int removed = 0;
        try (Stream<Path> s = Files.list(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String n = p.getFileName().toString();
                if (!n.startsWith(prefix) || !Files.isDirectory(p) || !Files.isWritable(p)) {
                    continue;
                }
                String rest = n.substring(prefix.length());
                int dash = rest.indexOf('-');
                try {
                    long pid = Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
                    if (pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).isEmpty()) {
                        deleteTree(p);
                        removed++;
                    }
                } catch (NumberFormatException ignored) {
                    // not ours
                }
            }
        } catch (IOException ignored) {
            // nothing to sweep
        }
        return removed;
    }

    static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<Set<PosixFilePermission>> attr(Set<PosixFilePermission> perms) {
        return PosixFilePermissions.asFileAttribute(perms);
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
