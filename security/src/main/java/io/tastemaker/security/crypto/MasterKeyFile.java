package io.tastemaker.security.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The server's master key: 32 random bytes kept in a file readable by its owner only, or given
 * in base64 (from an environment variable).
 *
 * <p>On first use {@link #loadOrCreate} writes a new key to a temporary file in the target's
 * directory that is created with permissions 0600, forces it to disk, and publishes it under the
 * final name with a hard link, which fails rather than replaces when the name already exists. So
 * the key file never exists half-written or with wider permissions, and of two servers starting
 * at once, both end up with the one key that was published first. Where hard links are not
 * supported, a non-replacing move is used instead.
 *
 * <p>A file that is not exactly 32 bytes long, or that its group or others may read, write or
 * execute, is refused. On file systems without POSIX permissions (Windows) the permissions can
 * be neither set nor checked; the file is then only as private as its directory.
 */
public final class MasterKeyFile {

    /** The key length, in bytes; that of {@link SecretBox}. */
    public static final int KEY_BYTES = SecretBox.KEY_BYTES;

    private static final Set<PosixFilePermission> OWNER_READ_WRITE =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = EnumSet.of(
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_EXECUTE);
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private MasterKeyFile() {}

    /**
     * Reads the master key from a file, creating the file with a new random key when it does not
     * exist (and its directory, owner-only, when that does not exist either).
     *
     * @param file where the key lives
     * @return the key, {@value #KEY_BYTES} bytes
     * @throws IllegalStateException when the file exists but is not a key file this server may use:
     *                               not a regular file, of the wrong length, or open to group or
     *                               others
     * @throws UncheckedIOException  when the file cannot be read or written
     */
    public static byte[] loadOrCreate(Path file) {
        return loadOrCreate(file, new SecureRandom());
    }

    /**
     * As {@link #loadOrCreate(Path)}, with a chosen source for a new key.
     *
     * @param file   where the key lives
     * @param random where a new key comes from
     * @return the key, {@value #KEY_BYTES} bytes
     */
    public static byte[] loadOrCreate(Path file, SecureRandom random) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(random, "random");
        Path target = file.toAbsolutePath();
        try {
            if (!Files.exists(target)) {
                create(target, random);
            }
            return read(target);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the master key file " + target
                    + ": " + e, e);
        }
    }

    /**
     * Decodes a master key given in standard base64, for example from the environment.
     *
     * @param encoded {@value #KEY_BYTES} bytes in base64 (44 characters); surrounding white space is
     *                ignored
     * @return the key
     * @throws IllegalArgumentException when it is not base64 or not {@value #KEY_BYTES} bytes; the
     *                                  message never repeats the value
     */
    public static byte[] fromBase64(String encoded) {
        Objects.requireNonNull(encoded, "encoded");
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The master key is not valid standard base64. Make one "
                    + "with: openssl rand -base64 " + KEY_BYTES);
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("The master key must be " + KEY_BYTES + " bytes in "
                    + "base64 (44 characters), but decodes to " + key.length + " bytes. Make one with: "
                    + "openssl rand -base64 " + KEY_BYTES);
        }
        return key;
    }

    private static void create(Path target, SecureRandom random) throws IOException {
        Path directory = target.getParent();
        boolean posix = supportsPosix(directory);
        if (!Files.isDirectory(directory)) {
            if (posix) {
                Files.createDirectories(directory,
                        PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
            } else {
                Files.createDirectories(directory);
            }
        }
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE)}
                : new FileAttribute<?>[0];
        Path temporary = Files.createTempFile(
                directory, "." + target.getFileName() + ".", ".tmp", attributes);
        try {
            byte[] key = new byte[KEY_BYTES];
            random.nextBytes(key);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(key);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            publish(temporary, target);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Gives the temporary file the final name unless that name already exists. */
    private static void publish(Path temporary, Path target) throws IOException {
        try {
            Files.createLink(target, temporary);
        } catch (FileAlreadyExistsException e) {
            // Another process published its key first; that key wins and is read next.
        } catch (UnsupportedOperationException | IOException linkNotPossible) {
            try {
                Files.move(temporary, target);
            } catch (FileAlreadyExistsException e) {
                // As above: the key already published wins.
            }
        }
    }

    private static byte[] read(Path file) throws IOException {
        BasicFileAttributes attributes = supportsPosix(file)
                ? Files.readAttributes(file, PosixFileAttributes.class)
                : Files.readAttributes(file, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            throw new IllegalStateException("The master key file " + file + " is not a regular file.");
        }
        if (attributes instanceof PosixFileAttributes posixAttributes) {
            Set<PosixFilePermission> permissions = posixAttributes.permissions();
            if (permissions.stream().anyMatch(GROUP_OR_OTHERS::contains)) {
                throw new IllegalStateException("The master key file " + file + " has permissions "
                        + PosixFilePermissions.toString(permissions) + ", which let its group or others in. "
                        + "It must be readable by its owner only: chmod 600 " + file);
            }
        }
        if (attributes.size() != KEY_BYTES) {
            throw refuseLength(file, attributes.size());
        }
        byte[] key = Files.readAllBytes(file);
        if (key.length != KEY_BYTES) {
            throw refuseLength(file, key.length);
        }
        return key;
    }

    private static IllegalStateException refuseLength(Path file, long length) {
        return new IllegalStateException("The master key file " + file + " is " + length
                + " bytes long, but a master key file holds exactly " + KEY_BYTES + " random bytes. "
                + "Restore the right file; replacing it with a new key makes everything sealed under "
                + "the old one unreadable.");
    }

    private static boolean supportsPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
