package io.github.jyoutube.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway PostgreSQL server on loopback, for tests: {@code initdb} in a temporary directory,
 * then {@code pg_ctl start} on a free port of 127.0.0.1, trust authentication for the {@code
 * postgres} user, no Unix socket outside that directory. {@link #close()} stops it and deletes the
 * directory; a JVM that exits first stops it from a shutdown hook.
 *
 * <pre>{@code
 * try (PostgresCluster pg = PostgresCluster.start()) {   // skips the test if it cannot
 *   try (Connection c = DriverManager.getConnection(pg.newDatabase())) { ... }
 * }
 * }</pre>
 *
 * <p>The binaries are those of {@code initdb} on the {@code PATH}, else of the newest {@code
 * /usr/lib/postgresql/<version>/bin} (Debian's layout). PostgreSQL refuses to run as root: as root,
 * the server runs as {@code nobody} (through {@code runuser}, or {@code su}), in a directory that
 * user owns. When PostgreSQL is not installed or does not start, the test is skipped (a JUnit
 * assumption) and the reason printed; {@code .ci/run} installs Debian's {@code postgresql}.
 */
public final class PostgresCluster implements AutoCloseable {

  /** The user the server runs as when the tests run as root. */
  private static final String UNPRIVILEGED_USER = "nobody";

  private static final Duration STEP_LIMIT = Duration.ofSeconds(90);
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private final Path binaries;
  private final Path directory;
  private final List<String> runAs;
  private final int port;
  private final Thread stopAtExit;
  private boolean stopped;

  private PostgresCluster(Path binaries, Path directory, List<String> runAs, int port) {
    this.binaries = binaries;
    this.directory = directory;
    this.runAs = runAs;
    this.port = port;
    this.stopAtExit = new Thread(this::stop, "postgres-cluster-stop");
  }

  /**
   * Starts a new cluster, or skips the calling test (with the reason printed) when PostgreSQL is
   * not installed or cannot start here.
   */
  public static PostgresCluster start() {
    try {
      return launch();
    } catch (Unavailable e) {
      String reason = "PostgreSQL unavailable, test skipped: " + e.getMessage();
      System.out.println("PostgresCluster: " + reason);
      return Assumptions.abort(reason);
    }
  }

  /** {@return the port the server listens on, on 127.0.0.1} */
  public int port() {
    return port;
  }

  /** {@return the JDBC URL of the {@code postgres} database, as the {@code postgres} user} */
  public String jdbcUrl() {
    return jdbcUrl("postgres");
  }

  /** {@return the JDBC URL of {@code database}, as the {@code postgres} user} */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
  }

  /**
   * Creates an empty database with a name of its own, so that tests sharing the cluster do not see
   * each other's tables. Needs the PostgreSQL JDBC driver on the class path.
   *
   * @return its JDBC URL
   */
  public String newDatabase() {
    String name = "test_" + DATABASES.incrementAndGet();
    try (Connection connection = DriverManager.getConnection(jdbcUrl());
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
    }
    return jdbcUrl(name);
  }

  /** Stops the server (fast shutdown) and deletes its directory. */
  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(stopAtExit);
    } catch (IllegalStateException exiting) {
      // The JVM is exiting: the hook runs (or ran) anyway.
    }
  }

  @Override
  public String toString() {
    return "PostgresCluster[127.0.0.1:" + port + ", " + binaries + "]";
  }

  private synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    try {
      runCommand(
          asUser(
              runAs,
              binaries.resolve("pg_ctl").toString(),
              "-D",
              directory.resolve("data").toString(),
              "-m",
              "fast",
              "-w",
              "-t",
              "30",
              "stop"));
    } catch (Unavailable e) {
      System.out.println("PostgresCluster: stopping the server failed: " + e.getMessage());
    }
    try {
      deleteRecursively(directory);
    } catch (UncheckedIOException e) {
      System.out.println("PostgresCluster: " + e.getMessage());
    }
  }

  private static PostgresCluster launch() throws Unavailable {
    Path binaries =
        binaries()
            .orElseThrow(
                () ->
                    new Unavailable(
                        "initdb not found on the PATH"
                            + " nor in /usr/lib/postgresql/*/bin (Debian: apt-get install postgresql)"));
    Path directory;
    List<String> runAs;
    try {
      directory =
          Files.createTempDirectory(
              "jyoutube-pg-",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      runAs = List.of();
      if ("root".equals(Files.getOwner(directory).getName())) {
        runAs = unprivileged(directory);
      }
    } catch (IOException e) {
      throw new Unavailable("cannot prepare a directory for the server: " + e);
    }
    try {
      Path data = directory.resolve("data");
      runCommand(
          asUser(
              runAs,
              binaries.resolve("initdb").toString(),
              "-D",
              data.toString(),
              "-U",
              "postgres",
              "--auth=trust",
              "-E",
              "UTF8",
              "--no-locale",
              "--no-sync"));
      Unavailable last = null;
      for (int attempt = 0; attempt < 3; attempt++) {
        int port = freePort();
        PostgresCluster cluster = new PostgresCluster(binaries, directory, runAs, port);
        try {
          runCommand(
              asUser(
                  runAs,
                  binaries.resolve("pg_ctl").toString(),
                  "-D",
                  data.toString(),
                  "-l",
                  directory.resolve("server.log").toString(),
                  "-w",
                  "-t",
                  "60",
                  "-o",
                  // Only loopback TCP; the socket in our own directory (Debian's default directory
                  // may not exist, or not be the user's). Durability is not under test here.
                  "-p "
                      + port
                      + " -c listen_addresses=127.0.0.1 -c unix_socket_directories='"
                      + directory
                      + "' -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
                  "start"));
          Runtime.getRuntime().addShutdownHook(cluster.stopAtExit);
          return cluster;
        } catch (Unavailable e) {
          last = new Unavailable(e.getMessage() + "\nserver.log:\n" + tail(directory));
        }
      }
      throw last;
    } catch (Unavailable | RuntimeException e) {
      deleteRecursively(directory);
      throw e;
    }
  }

  /**
   * Gives {@code directory} to the unprivileged user and returns the command prefix that runs a
   * program as that user.
   */
  private static List<String> unprivileged(Path directory) throws Unavailable, IOException {
    UserPrincipal user;
    try {
      user =
          directory
              .getFileSystem()
              .getUserPrincipalLookupService()
              .lookupPrincipalByName(UNPRIVILEGED_USER);
    } catch (IOException e) {
      throw new Unavailable(
          "running as root, and there is no user '" + UNPRIVILEGED_USER + "' to run the server as");
    }
    Files.setOwner(directory, user);
    for (String runuser : List.of("/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser")) {
      if (Files.isExecutable(Path.of(runuser))) {
        return List.of(runuser, "-u", UNPRIVILEGED_USER, "--");
      }
    }
    if (Files.isExecutable(Path.of("/bin/su"))) {
      return List.of("/bin/su", "-s", "/bin/sh", UNPRIVILEGED_USER, "-c");
    }
    throw new Unavailable(
        "running as root, and neither runuser nor su is there to drop privileges");
  }

  private static List<String> asUser(List<String> runAs, String... command) {
    List<String> full = new ArrayList<>(runAs);
    if (!runAs.isEmpty() && runAs.get(runAs.size() - 1).equals("-c")) {
      // su takes one shell command line: quote each word.
      StringBuilder line = new StringBuilder();
      for (String word : command) {
        line.append(line.length() == 0 ? "" : " ")
            .append('\'')
            .append(word.replace("'", "'\\''"))
            .append('\'');
      }
      full.add(line.toString());
    } else {
      full.addAll(List.of(command));
    }
    return full;
  }

  private static void runCommand(List<String> command) throws Unavailable {
    Path output;
    try {
      output = Files.createTempFile("jyoutube-pg-", ".out");
    } catch (IOException e) {
      throw new Unavailable("cannot run " + command.get(0) + ": " + e);
    }
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .start();
      if (!process.waitFor(STEP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new Unavailable(String.join(" ", command) + " did not finish in " + STEP_LIMIT);
      }
      if (process.exitValue() != 0) {
        throw new Unavailable(
            String.join(" ", command)
                + " exited with "
                + process.exitValue()
                + ": "
                + Files.readString(output, StandardCharsets.UTF_8).strip());
      }
    } catch (IOException e) {
      throw new Unavailable("cannot run " + command.get(0) + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unavailable("interrupted while running " + command.get(0));
    } finally {
      try {
        Files.deleteIfExists(output);
      } catch (IOException ignored) {
        // A temporary file left behind.
      }
    }
  }

  /** The directory of {@code initdb} and {@code pg_ctl} (and {@code postgres}), if any. */
  private static Optional<Path> binaries() {
    String path = System.getenv("PATH");
    if (path != null) {
      for (String entry : path.split(":")) {
        if (entry.isEmpty()) {
          continue;
        }
        Path initdb = Path.of(entry, "initdb");
        if (Files.isExecutable(initdb)) {
          try {
            Path real = initdb.toRealPath().getParent();
            if (Files.isExecutable(real.resolve("pg_ctl"))) {
              return Optional.of(real);
            }
          } catch (IOException broken) {
            // A dangling link: look further.
          }
        }
      }
    }
    Path debian = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(debian)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(debian)) {
      return versions
          .map(version -> version.resolve("bin"))
          .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
          .filter(bin -> Files.isExecutable(bin.resolve("pg_ctl")))
          .max(Comparator.comparingInt(PostgresCluster::majorVersion));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static int majorVersion(Path bin) {
    try {
      return Integer.parseInt(bin.getParent().getFileName().toString().replaceAll("\\..*", ""));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static int freePort() throws Unavailable {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new Unavailable("no free port on loopback: " + e);
    }
  }

  private static String tail(Path directory) {
    try {
      List<String> lines = Files.readAllLines(directory.resolve("server.log"));
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no server.log)";
    }
  }

  private static void deleteRecursively(Path path) {
    try {
      if (Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        try (DirectoryStream<Path> children = Files.newDirectoryStream(path)) {
          for (Path child : children) {
            deleteRecursively(child);
          }
        }
      }
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + path, e);
    }
  }

  /** PostgreSQL is not installed, or could not start: the test is skipped. */
  private static final class Unavailable extends Exception {
    private static final long serialVersionUID = 1L;

    Unavailable(String message) {
      super(message);
    }
  }
}
