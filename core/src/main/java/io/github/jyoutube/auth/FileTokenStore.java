package io.github.jyoutube.auth;

import io.github.jyoutube.Json;
import io.github.jyoutube.error.DecodeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A token store in a JSON file. Writes go to a temporary file in the same directory, created
 * owner-only, then replace the file in one atomic move: a reader sees the old token or the new one,
 * never a torn file.
 */
final class FileTokenStore implements TokenStore {

  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private final Path file;

  FileTokenStore(Path file) {
    this.file = Objects.requireNonNull(file, "file == null").toAbsolutePath();
  }

  @Override
  public synchronized Optional<AccessToken> load() {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read token file " + file, e);
    }
    try {
      return Optional.of(Json.parse(bytes, AccessToken.class));
    } catch (DecodeException | IllegalArgumentException e) {
      // Never quote the file: it holds secrets.
      throw DecodeException.withoutBody("token file " + file, -1, e.getCause());
    }
  }

  @Override
  public synchronized void save(AccessToken token) {
    Objects.requireNonNull(token, "token == null");
    byte[] bytes = Json.writeBytes(token);
    Path directory = file.getParent();
    Path temporary = null;
    try {
      Files.createDirectories(directory);
      temporary = createOwnerOnly(directory);
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true); // the bytes are on disk before the move makes them the token
      }
      try {
        Files.move(
            temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
      temporary = null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write token file " + file, e);
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
          // Best effort; the original file is untouched.
        }
      }
    }
  }

  @Override
  public synchronized void clear() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete token file " + file, e);
    }
  }

  private Path createOwnerOnly(Path directory) throws IOException {
    String prefix = "." + file.getFileName() + ".";
    if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return Files.createTempFile(
          directory, prefix, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    }
    return Files.createTempFile(directory, prefix, ".tmp");
  }

  @Override
  public String toString() {
    return "TokenStore.file(" + file + ")";
  }
}
