package io.github.jyoutube.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fixture starts a server that answers over JDBC, gives databases apart, and stops it. */
class PostgresClusterTest {

  @Test
  @Timeout(120)
  void startsAServerOnLoopbackAndStopsIt() throws Exception {
    long started = System.nanoTime();
    String url;
    try (PostgresCluster pg = PostgresCluster.start()) {
      System.out.printf(
          "PostgresCluster: %s up in %d ms%n", pg, (System.nanoTime() - started) / 1_000_000);
      url = pg.newDatabase();
      try (Connection connection = DriverManager.getConnection(url);
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE t (v INTEGER)");
        statement.execute("INSERT INTO t VALUES (42)");
        try (ResultSet rows = statement.executeQuery("SELECT v, version() FROM t")) {
          assertThat(rows.next()).isTrue();
          assertThat(rows.getInt(1)).isEqualTo(42);
          assertThat(rows.getString(2)).startsWith("PostgreSQL");
        }
      }
      assertThat(pg.newDatabase()).isNotEqualTo(url);
    }
    try (Connection connection = DriverManager.getConnection(url)) {
      throw new AssertionError("the server still answers after close: " + connection);
    } catch (java.sql.SQLException expected) {
      assertThat(expected.getSQLState()).startsWith("08"); // connection exception
    }
  }
}
