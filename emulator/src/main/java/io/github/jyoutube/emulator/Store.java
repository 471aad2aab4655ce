package io.github.jyoutube.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The emulator's state: resources as JSON trees, by kind and id, in insertion order; and media
 * (uploaded videos, thumbnails, caption tracks), in memory up to {@link Spool#IN_MEMORY} bytes and
 * in files of {@link MediaFiles} beyond. With a data directory, every change is written through to
 * an embedded H2 database, {@code DIR/jyoutube-emulator.mv.db}, with one table of resources keyed
 * by kind and id and one table of media (the bytes, or the name of their file in {@code
 * DIR/media/}).
 *
 * <p>Not thread-safe: the server holds one lock around every request.
 */
final class Store implements AutoCloseable {

  /** Media with its content type: bytes in memory, or a file. */
  record Media(String contentType, byte[] inMemory, Path file, long size) {

    /** Every byte, read from the file if need be: for text media (caption tracks) and tests. */
    byte[] bytes() {
      if (inMemory != null) {
        return inMemory;
      }
      try {
        return Files.readAllBytes(file);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }
  }

  /** The data directories open in this JVM: H2 would share them between two emulators. */
  private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();

  private final Map<String, LinkedHashMap<String, ObjectNode>> resources = new HashMap<>();
  private final Map<String, Media> media = new HashMap<>();
  private final Connection db;
  private final Path directory;
  private final MediaFiles files;
  private long sequence;

  /** How deep in {@link #transaction} the current request is. */
  private int depth;

  /** Media files replaced or deleted in the current transaction: deleted once it is committed. */
  private final List<Path> obsolete = new ArrayList<>();

  private Store(Connection db, Path directory, MediaFiles files) {
    this.db = db;
    this.directory = directory;
    this.files = files;
  }

  static Store inMemory() {
    return new Store(null, null, MediaFiles.temporary());
  }

  /** Where uploads are spooled and large media kept. */
  MediaFiles files() {
    return files;
  }

  /** A store kept in {@code directory}; loads what is there. */
  static Store open(Path directory) {
    Path key = directory.toAbsolutePath().normalize();
    if (!OPEN.add(key)) {
      throw new IllegalStateException(
          "the emulator's data in " + directory + " is in use by another emulator");
    }
    try {
      return open(directory, key);
    } catch (RuntimeException e) {
      OPEN.remove(key);
      throw e;
    }
  }

  private static Store open(Path directory, Path key) {
    try {
      Files.createDirectories(directory);
      String url =
          "jdbc:h2:file:"
              + directory
                  .toAbsolutePath()
                  .resolve("jyoutube-emulator")
                  .toString()
                  .replace('\\', '/')
              + ";DB_CLOSE_ON_EXIT=FALSE"
              // Each commit is written to the file before it returns (H2 would otherwise write
              // up to a second later): an answer comes after its write, which survives kill -9.
              + ";WRITE_DELAY=0";
      Connection db = DriverManager.getConnection(url, "sa", "");
      try (Statement ddl = db.createStatement()) {
        ddl.execute(
            "CREATE TABLE IF NOT EXISTS resources (kind VARCHAR(100) NOT NULL, id VARCHAR(300)"
                + " NOT NULL, seq BIGINT NOT NULL, json CLOB NOT NULL, PRIMARY KEY (kind, id))");
        ddl.execute(
            "CREATE TABLE IF NOT EXISTS media (id VARCHAR(300) PRIMARY KEY, content_type"
                + " VARCHAR(200), bytes BLOB)");
        // Media too large for memory are files in DIR/media/; the row names the file.
        ddl.execute("ALTER TABLE media ADD COLUMN IF NOT EXISTS file VARCHAR(300)");
      }
      Store store = new Store(db, key, MediaFiles.in(key));
      store.load();
      return store;
    } catch (IOException | SQLException e) {
      throw new IllegalStateException("cannot open the emulator's data in " + directory, e);
    }
  }

  boolean persistent() {
    return db != null;
  }

  boolean isEmpty() {
    return resources.isEmpty();
  }

  private void load() throws SQLException {
    try (Statement query = db.createStatement();
        ResultSet rows =
            query.executeQuery("SELECT kind, id, seq, json FROM resources ORDER BY seq")) {
      while (rows.next()) {
        JsonNode node = Jsons.read(rows.getString(4));
        if (node instanceof ObjectNode object) {
          resources
              .computeIfAbsent(rows.getString(1), k -> new LinkedHashMap<>())
              .put(rows.getString(2), object);
        }
        sequence = Math.max(sequence, rows.getLong(3));
      }
    }
    Set<String> kept = new HashSet<>();
    try (Statement query = db.createStatement();
        ResultSet rows = query.executeQuery("SELECT id, content_type, bytes, file FROM media")) {
      while (rows.next()) {
        String file = rows.getString(4);
        if (file == null) {
          byte[] bytes = rows.getBytes(3);
          media.put(
              rows.getString(1),
              new Media(rows.getString(2), bytes == null ? new byte[0] : bytes, null, 0));
        } else {
          Path path = files.media(file);
          if (Files.isRegularFile(path)) {
            media.put(
                rows.getString(1), new Media(rows.getString(2), null, path, Files.size(path)));
            kept.add(file);
          }
        }
      }
    } catch (IOException e) {
      throw new SQLException("cannot read the media files", e);
    }
    // A crash between moving a file in and committing its row leaves it unnamed.
    files.keepOnly(kept);
  }

  // ---- Resources --------------------------------------------------------------------------

  ObjectNode get(String kind, String id) {
    LinkedHashMap<String, ObjectNode> byId = resources.get(kind);
    return byId == null || id == null ? null : byId.get(id);
  }

  /** Every resource of a kind, in insertion order (a copy). */
  List<ObjectNode> all(String kind) {
    LinkedHashMap<String, ObjectNode> byId = resources.get(kind);
    return byId == null ? new ArrayList<>() : new ArrayList<>(byId.values());
  }

  List<ObjectNode> find(String kind, Predicate<ObjectNode> filter) {
    List<ObjectNode> found = new ArrayList<>();
    for (ObjectNode node : all(kind)) {
      if (filter.test(node)) {
        found.add(node);
      }
    }
    return found;
  }

  /** Adds or replaces a resource; its {@code id} is its key. */
  void put(String kind, ObjectNode node) {
    put(kind, node.path("id").asText(), node);
  }

  void put(String kind, String id, ObjectNode node) {
    LinkedHashMap<String, ObjectNode> byId =
        resources.computeIfAbsent(kind, k -> new LinkedHashMap<>());
    boolean existed = byId.containsKey(id);
    byId.put(id, node);
    if (db != null) {
      try (PreparedStatement merge =
          db.prepareStatement(
              existed
                  ? "UPDATE resources SET json = ? WHERE kind = ? AND id = ?"
                  : "INSERT INTO resources (json, kind, id, seq) VALUES (?, ?, ?, ?)")) {
        merge.setString(1, Jsons.text(node));
        merge.setString(2, kind);
        merge.setString(3, id);
        if (!existed) {
          merge.setLong(4, ++sequence);
        }
        merge.executeUpdate();
      } catch (SQLException e) {
        throw new IllegalStateException("cannot save " + kind + " " + id, e);
      }
    }
  }

  boolean remove(String kind, String id) {
    LinkedHashMap<String, ObjectNode> byId = resources.get(kind);
    if (byId == null || byId.remove(id) == null) {
      return false;
    }
    if (db != null) {
      try (PreparedStatement delete =
          db.prepareStatement("DELETE FROM resources WHERE kind = ? AND id = ?")) {
        delete.setString(1, kind);
        delete.setString(2, id);
        delete.executeUpdate();
      } catch (SQLException e) {
        throw new IllegalStateException("cannot delete " + kind + " " + id, e);
      }
    }
    return true;
  }

  // ---- Media ------------------------------------------------------------------------------

  Media media(String id) {
    return media.get(id);
  }

  void putMedia(String id, String contentType, byte[] bytes) {
    putMedia(id, contentType, Spool.of(bytes));
  }

  /**
   * Stores media: a spool in memory stays in memory (and in the database's table), a spooled file
   * is moved into the media directory.
   */
  void putMedia(String id, String contentType, Spool spool) {
    Media stored;
    String fileName = null;
    if (spool.inMemory()) {
      stored = new Media(contentType, spool.bytes(), null, spool.size());
    } else {
      Path spooled = spool.take();
      try {
        fileName = files.adopt(spooled, id);
        stored = new Media(contentType, null, files.media(fileName), spool.size());
      } catch (IOException e) {
        MediaFiles.deleteQuietly(spooled);
        throw new UncheckedIOException("cannot store media " + id, e);
      }
    }
    Media old = media.put(id, stored);
    if (db != null) {
      try (PreparedStatement delete = db.prepareStatement("DELETE FROM media WHERE id = ?");
          PreparedStatement insert =
              db.prepareStatement(
                  "INSERT INTO media (id, content_type, bytes, file) VALUES (?, ?, ?, ?)")) {
        delete.setString(1, id);
        delete.executeUpdate();
        insert.setString(1, id);
        insert.setString(2, contentType);
        if (stored.inMemory() != null) {
          insert.setBytes(3, stored.inMemory());
        } else {
          insert.setNull(3, Types.BLOB);
        }
        insert.setString(4, fileName);
        insert.executeUpdate();
      } catch (SQLException e) {
        throw new IllegalStateException("cannot save media " + id, e);
      }
    }
    obsolete(old);
  }

  void removeMedia(String id) {
    Media old = media.remove(id);
    if (old != null && db != null) {
      try (PreparedStatement delete = db.prepareStatement("DELETE FROM media WHERE id = ?")) {
        delete.setString(1, id);
        delete.executeUpdate();
      } catch (SQLException e) {
        throw new IllegalStateException("cannot delete media " + id, e);
      }
    }
    obsolete(old);
  }

  /** Deletes the file of replaced or deleted media, once the change is committed. */
  private void obsolete(Media old) {
    if (old == null || old.file() == null) {
      return;
    }
    if (depth > 0) {
      obsolete.add(old.file());
    } else {
      MediaFiles.deleteQuietly(old.file());
    }
  }

  /** Text media as a string. */
  static String text(Media media) {
    return new String(media.bytes(), StandardCharsets.UTF_8);
  }

  /** Writes many changes in one transaction. */
  void batch(Runnable changes) {
    transaction(
        () -> {
          changes.run();
          return null;
        });
  }

  /**
   * Runs {@code work} as one transaction, committed (to the file, not only to H2's cache) before
   * this returns: what a request changed is on disk before it is answered. It is committed also
   * when {@code work} fails: the memory already holds its changes, and the file follows the memory,
   * so that a restart sees what the running emulator showed. Nested calls join the outer one.
   *
   * @throws IllegalStateException if the commit fails
   */
  <T> T transaction(Supplier<T> work) {
    if (db == null || depth > 0) {
      depth++;
      try {
        return work.get();
      } finally {
        depth--;
        if (depth == 0) {
          obsolete.forEach(MediaFiles::deleteQuietly);
          obsolete.clear();
        }
      }
    }
    depth++;
    try {
      db.setAutoCommit(false);
    } catch (SQLException e) {
      depth--;
      throw new IllegalStateException("cannot begin a transaction", e);
    }
    boolean failed = true;
    try {
      T result = work.get();
      failed = false;
      return result;
    } finally {
      depth--;
      SQLException problem = null;
      try {
        db.commit();
      } catch (SQLException e) {
        problem = e;
      }
      try {
        db.setAutoCommit(true);
      } catch (SQLException e) {
        problem = problem == null ? e : problem;
      }
      if (problem == null) {
        obsolete.forEach(MediaFiles::deleteQuietly);
      }
      obsolete.clear();
      // After a failure of work, that failure is the one to report.
      if (problem != null && !failed) {
        throw new IllegalStateException("cannot commit the emulator's data", problem);
      }
    }
  }

  @Override
  public void close() {
    files.close();
    if (db != null) {
      try {
        db.close();
      } catch (SQLException e) {
        throw new IllegalStateException("cannot close the emulator's database", e);
      } finally {
        OPEN.remove(directory);
      }
    }
  }
}
