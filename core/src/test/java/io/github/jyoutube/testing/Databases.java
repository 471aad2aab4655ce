package io.github.jyoutube.testing;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.opentest4j.TestAbortedException;

/** Databases for the JDBC stores' tests: H2 in memory, H2 in a file, and PostgreSQL. */
public final class Databases {

  /** Where a test's database lives. */
  public enum Kind {
    /** H2 in this JVM's memory. */
    H2_MEMORY,
    /** H2 in a file, which other JVMs may open too ({@code AUTO_SERVER}). */
    H2_FILE,
    /** A database of its own on a {@link PostgresCluster} this JVM started. */
    POSTGRES
  }

  private static final AtomicInteger NAMES = new AtomicInteger();
  private static PostgresCluster postgres;
  private static String postgresUnavailable;

  private Databases() {}

  /**
   * The JDBC URL of a new, empty database of {@code kind}; the test is skipped when it is a
   * PostgreSQL one and PostgreSQL is not there.
   *
   * @param directory a directory for H2's file
   */
  public static String newDatabase(Kind kind, Path directory) {
    return switch (kind) {
      case H2_MEMORY -> "jdbc:h2:mem:tokens" + NAMES.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
      case H2_FILE ->
          "jdbc:h2:file:"
              + directory.resolve("tokens" + NAMES.incrementAndGet()).toAbsolutePath()
              + ";AUTO_SERVER=TRUE";
      case POSTGRES -> postgres().newDatabase();
    };
  }

  /** One cluster for every test of this JVM, stopped at its exit. */
  private static synchronized PostgresCluster postgres() {
    if (postgresUnavailable != null) {
      return Assumptions.abort(postgresUnavailable);
    }
    if (postgres == null) {
      try {
        postgres = PostgresCluster.start();
      } catch (TestAbortedException e) {
        postgresUnavailable = e.getMessage();
        throw e;
      }
    }
    return postgres;
  }

  /** A data source that opens a connection per request, as the stores expect of a pool. */
  public static DataSource dataSource(String url) {
    return new DataSource() {
      @Override
      public Connection getConnection() throws SQLException {
        return DriverManager.getConnection(url);
      }

      @Override
      public Connection getConnection(String user, String password) throws SQLException {
        return DriverManager.getConnection(url, user, password);
      }

      @Override
      public PrintWriter getLogWriter() {
        return null;
      }

      @Override
      public void setLogWriter(PrintWriter out) {}

      @Override
      public void setLoginTimeout(int seconds) {}

      @Override
      public int getLoginTimeout() {
        return 0;
      }

      @Override
      public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
      }

      @Override
      public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("not a wrapper");
      }

      @Override
      public boolean isWrapperFor(Class<?> type) {
        return false;
      }

      @Override
      public String toString() {
        return url;
      }
    };
  }
}
