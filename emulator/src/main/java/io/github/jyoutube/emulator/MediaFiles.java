package io.github.jyoutube.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;

/**
 * Where uploads go on disk: {@code spool/} for request bodies being received and resumable
 * sessions, {@code media/} for stored media too large to keep in memory. With a data directory,
 * both are in it (a move from one to the other is atomic, and what {@code spool/} holds at start is
 * what a crash left behind); otherwise in a temporary directory made on first use and deleted on
 * close.
 *
 * <p>Thread-safe: requests write their bodies here at once, outside the backend's lock.
 */
final class MediaFiles implements AutoCloseable {

  private final Path root;
  private final boolean temporary;
  private Path made;

  private MediaFiles(Path root, boolean temporary) {
    this.root = root;
    this.temporary = temporary;
  }

  /** The directories in {@code data}; what a crash left in {@code spool/} is deleted. */
  static MediaFiles in(Path data) {
    MediaFiles files = new MediaFiles(data, false);
    Path spool = data.resolve("spool");
    if (Files.isDirectory(spool)) {
      deleteTree(spool);
    }
    return files;
  }

  /** A temporary directory, made on first use, deleted on close. */
  static MediaFiles temporary() {
    return new MediaFiles(null, true);
  }

  private synchronized Path root() throws IOException {
    if (made == null) {
      Path top = temporary ? Files.createTempDirectory("jyoutube-emulator-") : root;
      Files.createDirectories(top.resolve("spool"));
      Files.createDirectories(top.resolve("media"));
      made = top;
    }
    return made;
  }

  /** A new, empty, owner-only file in {@code spool/}. */
  Path newSpoolFile() throws IOException {
    return Files.createTempFile(root().resolve("spool"), "upload-", ".part");
  }

  /** The file in {@code media/} of this name (a name that {@link #adopt} gave). */
  Path media(String name) throws IOException {
    return root().resolve("media").resolve(name);
  }

  /**
   * Moves a spooled file into {@code media/} under a new name, atomically where the file system
   * can; returns that name.
   */
  String adopt(Path spooled, String id) throws IOException {
    String name = id.replaceAll("[^A-Za-z0-9_-]", "_") + "-" + Ids.random(16);
    Path target = media(name);
    try {
      Files.move(spooled, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(spooled, target);
    }
    return name;
  }

  /** Deletes the files in {@code media/} that none of {@code kept} names: what a crash left. */
  void keepOnly(Set<String> kept) {
    if (temporary || !Files.isDirectory(root.resolve("media"))) {
      return;
    }
    Path media = root.resolve("media");
    try (DirectoryStream<Path> files = Files.newDirectoryStream(media)) {
      for (Path file : files) {
        if (!kept.contains(file.getFileName().toString())) {
          Files.deleteIfExists(file);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean " + media, e);
    }
  }

  static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // Left for the next start (a data directory) or the system's cleaning (a temporary one).
    }
  }

  /** Deletes the temporary directory; a data directory stays. */
  @Override
  public synchronized void close() {
    if (temporary && made != null) {
      deleteTree(made);
    }
  }

  private static void deleteTree(Path top) {
    try {
      Files.walkFileTree(
          top,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
              deleteQuietly(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) {
              deleteQuietly(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      // As deleteQuietly.
    }
  }
}
