package io.github.jyoutube;

import io.github.jyoutube.error.QuotaLedgerException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * {@link QuotaLedger#jdbc(DataSource, String)}: one row per project, quota day, bucket and {@code
 * quotaUser} ({@code ''} for the project's total) in the table {@code jyoutube_quota}.
 *
 * <p>A reservation is a conditional {@code UPDATE … SET spent = spent + units WHERE … AND spent <=
 * budget - units}: the database locks the row, and PostgreSQL and H2 both evaluate the condition
 * again on the row as the transaction before left it, so two processes can never both pass the
 * budget. With a {@code quotaUser}, the project's row and then the user's are updated in one
 * transaction (always in that order, so that two transactions cannot deadlock). A row that does not
 * exist yet is inserted with nothing spent, in a statement of its own; a process that loses the
 * race to insert it gets a unique violation, which is ignored, and both go on to the update.
 */
final class JdbcQuotaLedger implements QuotaLedger {

  static final String TABLE = "jyoutube_quota";

  /** Attempts of one operation: rows inserted on the way, lock time-outs, deadlocks. */
  private static final int MAX_TRIES = 12;

  /** A statement cancelled at its query time-out, in PostgreSQL and in H2. */
  private static final String QUERY_CANCELED = "57014";

  private static final String CREATE =
      "CREATE TABLE IF NOT EXISTS "
          + TABLE
          + " (project VARCHAR(100) NOT NULL, quota_day DATE NOT NULL, bucket VARCHAR(32) NOT NULL,"
          + " quota_user VARCHAR(40) NOT NULL, spent BIGINT NOT NULL,"
          + " PRIMARY KEY (project, quota_day, bucket, quota_user))";
  private static final String KEY =
      " WHERE project = ? AND quota_day = ? AND bucket = ? AND quota_user = ?";
  private static final String RESERVE =
      "UPDATE " + TABLE + " SET spent = spent + ?" + KEY + " AND spent <= ?";
  private static final String REFUND =
      "UPDATE " + TABLE + " SET spent = CASE WHEN spent > ? THEN spent - ? ELSE 0 END" + KEY;
  private static final String READ = "SELECT spent FROM " + TABLE + KEY;
  private static final String INSERT =
      "INSERT INTO "
          + TABLE
          + " (project, quota_day, bucket, quota_user, spent) VALUES (?, ?, ?, ?, 0)";
  private static final String READ_DAY =
      "SELECT bucket, spent FROM "
          + TABLE
          + " WHERE project = ? AND quota_day = ? AND quota_user = ''";

  /**
   * The time one operation has, all its attempts and statements together: a row that a hung process
   * keeps locked would otherwise stall every call that reserves units (PostgreSQL waits for a row
   * lock without end).
   */
  static final Duration OPERATION_TIMEOUT = Duration.ofSeconds(10);

  private final Connections connections;
  private final String project;
  private final Duration timeout;
  private volatile boolean tableReady;

  JdbcQuotaLedger(Connections connections, String project) {
    this(connections, project, OPERATION_TIMEOUT);
  }

  JdbcQuotaLedger(Connections connections, String project, Duration timeout) {
    this.connections = connections;
    this.timeout = Objects.requireNonNull(timeout, "timeout == null");
    Objects.requireNonNull(project, "project == null");
    if (project.isEmpty() || project.length() > 100) {
      throw new IllegalArgumentException(
          "project must be 1 to 100 characters, was " + project.length());
    }
    this.project = project;
  }

  /** One row of the table: the project's total when {@code quotaUser} is {@code null}. */
  private record Row(LocalDate day, QuotaBucket bucket, String quotaUser) {
    String user() {
      return quotaUser == null ? "" : quotaUser;
    }
  }

  /** What one attempt at a reservation found. */
  private record Attempt(Outcome outcome, Row missing) {}

  @Override
  public Outcome reserve(Draw draw, long budget, long userBudget) {
    Objects.requireNonNull(draw, "draw == null");
    Row projectRow = new Row(draw.day(), draw.bucket(), null);
    Row userRow =
        draw.quotaUser() == null ? null : new Row(draw.day(), draw.bucket(), draw.quotaUser());
    return run(
        "reserve",
        work -> {
          Attempt attempt = attempt(work, draw.units(), projectRow, budget, userRow, userBudget);
          if (attempt.missing() != null) {
            insert(work, attempt.missing());
            return null; // try again, now that the row exists
          }
          return attempt.outcome();
        });
  }

  /**
   * Updates the rows, or finds the one that is missing or refuses. {@code null} outcome and missing
   * row: the refusing row had room when read again (units were refunded meanwhile); try again.
   */
  private Attempt attempt(
      Work work, long units, Row projectRow, long budget, Row userRow, long userBudget)
      throws SQLException {
    if (userRow == null) {
      if (update(work, projectRow, units, budget)) {
        return new Attempt(Outcome.granted(), null);
      }
      return refusalOrMissing(work, projectRow, units, budget);
    }
    work.connection.setAutoCommit(false);
    try {
      if (!update(work, projectRow, units, budget)) {
        work.connection.rollback();
        return refusalOrMissing(work, projectRow, units, budget);
      }
      if (!update(work, userRow, units, userBudget)) {
        work.connection.rollback(); // gives the project's units back
        return refusalOrMissing(work, userRow, units, userBudget);
      }
      work.connection.commit();
      return new Attempt(Outcome.granted(), null);
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly(work.connection, e);
      throw e;
    } finally {
      work.connection.setAutoCommit(true);
    }
  }

  private boolean update(Work work, Row row, long units, long budget) throws SQLException {
    try (PreparedStatement update = work.prepare(RESERVE)) {
      update.setLong(1, units);
      bindKey(update, 2, row);
      // budget - units, not spent + units <= budget: no overflow with Long.MAX_VALUE as budget.
      update.setLong(6, budget - units);
      return update.executeUpdate() == 1;
    }
  }

  private Attempt refusalOrMissing(Work work, Row row, long units, long budget)
      throws SQLException {
    Long spent = read(work, row);
    if (spent == null) {
      return new Attempt(null, row);
    }
    if (units <= budget - spent) {
      return new Attempt(null, null); // room again: units were given back since the update
    }
    return new Attempt(Outcome.refused(spent, budget, row.quotaUser()), null);
  }

  private Long read(Work work, Row row) throws SQLException {
    try (PreparedStatement select = work.prepare(READ)) {
      bindKey(select, 1, row);
      try (ResultSet result = select.executeQuery()) {
        return result.next() ? result.getLong(1) : null;
      }
    }
  }

  /** Inserts a row with nothing spent, unless another process just did. */
  private void insert(Work work, Row row) throws SQLException {
    try (PreparedStatement insert = work.prepare(INSERT)) {
      bindKey(insert, 1, row);
      insert.executeUpdate();
    } catch (SQLException e) {
      if (!"23505".equals(e.getSQLState())) { // unique violation: the row is there now
        throw e;
      }
    }
  }

  @Override
  public void refund(Draw draw) {
    Objects.requireNonNull(draw, "draw == null");
    if (draw.units() == 0) {
      return;
    }
    run(
        "refund",
        work -> {
          work.connection.setAutoCommit(false);
          try {
            refund(work, new Row(draw.day(), draw.bucket(), null), draw.units());
            if (draw.quotaUser() != null) {
              refund(work, new Row(draw.day(), draw.bucket(), draw.quotaUser()), draw.units());
            }
            work.connection.commit();
            return Outcome.granted();
          } catch (SQLException | RuntimeException e) {
            rollbackQuietly(work.connection, e);
            throw e;
          } finally {
            work.connection.setAutoCommit(true);
          }
        });
  }

  private void refund(Work work, Row row, long units) throws SQLException {
    try (PreparedStatement update = work.prepare(REFUND)) {
      update.setLong(1, units);
      update.setLong(2, units);
      bindKey(update, 3, row);
      update.executeUpdate();
    }
  }

  @Override
  public long spent(LocalDate day, QuotaBucket bucket, String quotaUser) {
    Row row = new Row(day, bucket, quotaUser);
    long[] spent = new long[1];
    run(
        "read",
        work -> {
          Long units = read(work, row);
          spent[0] = units == null ? 0 : units;
          return Outcome.granted();
        });
    return spent[0];
  }

  @Override
  public Map<QuotaBucket, Long> spent(LocalDate day) {
    Objects.requireNonNull(day, "day == null");
    Map<QuotaBucket, Long> perBucket = new EnumMap<>(QuotaBucket.class);
    run(
        "read",
        work -> {
          perBucket.clear();
          try (PreparedStatement select = work.prepare(READ_DAY)) {
            select.setString(1, project);
            select.setObject(2, day);
            try (ResultSet result = select.executeQuery()) {
              while (result.next()) {
                QuotaBucket bucket = bucket(result.getString(1));
                long units = result.getLong(2);
                if (bucket != null && units > 0) {
                  perBucket.put(bucket, units);
                }
              }
            }
          }
          return Outcome.granted();
        });
    return Map.copyOf(perBucket);
  }

  /** A bucket by name; {@code null} for one a newer version of the library wrote. */
  private static QuotaBucket bucket(String name) {
    for (QuotaBucket bucket : QuotaBucket.values()) {
      if (bucket.name().equals(name)) {
        return bucket;
      }
    }
    return null;
  }

  private void bindKey(PreparedStatement statement, int first, Row row) throws SQLException {
    Objects.requireNonNull(row.day(), "day == null");
    Objects.requireNonNull(row.bucket(), "bucket == null");
    statement.setString(first, project);
    statement.setObject(first + 1, row.day());
    statement.setString(first + 2, row.bucket().name());
    statement.setString(first + 3, row.user());
  }

  /** One step of an operation; {@code null}: do it again. */
  @FunctionalInterface
  private interface Step {
    Outcome run(Work work) throws SQLException;
  }

  /** One attempt's connection, and its statements, each given the time the operation has left. */
  private static final class Work {
    final Connection connection;
    private final long deadline;

    Work(Connection connection, long deadline) {
      this.connection = connection;
      this.deadline = deadline;
    }

    PreparedStatement prepare(String sql) throws SQLException {
      PreparedStatement statement = connection.prepareStatement(sql);
      return timed(statement);
    }

    Statement statement() throws SQLException {
      return timed(connection.createStatement());
    }

    private <S extends Statement> S timed(S statement) throws SQLException {
      try {
        // Whole seconds, rounded up: JDBC has no finer query time-out.
        long left = Math.max(1, (deadline - System.nanoTime() + 999_999_999L) / 1_000_000_000L);
        statement.setQueryTimeout((int) Math.min(left, Integer.MAX_VALUE));
        return statement;
      } catch (SQLException | RuntimeException e) {
        statement.close();
        throw e;
      }
    }
  }

  /**
   * Runs {@code step} until it returns an outcome, on a connection of its own, creating the table
   * first if needed. Deadlocks, serialization failures, lock time-outs and broken connections are
   * tried again (on a new connection), up to {@link #MAX_TRIES} attempts in all and within the
   * ledger's time-out.
   */
  private Outcome run(String operation, Step step) {
    long deadline = System.nanoTime() + timeout.toNanos();
    SQLException last = null;
    for (int tries = 0; tries < MAX_TRIES; tries++) {
      if (tries > 0 && System.nanoTime() - deadline >= 0) {
        throw timedOut(operation, last);
      }
      Connection connection;
      try {
        connection = connections.take();
      } catch (SQLException e) {
        throw failure(operation, e);
      }
      boolean broken = true;
      try {
        Work work = new Work(connection, deadline);
        ensureTable(work);
        Outcome outcome = step.run(work);
        broken = false;
        if (outcome != null) {
          return outcome;
        }
      } catch (SQLException e) {
        if (QUERY_CANCELED.equals(e.getSQLState())) {
          throw timedOut(operation, e);
        }
        if (!transientFailure(e)) {
          throw failure(operation, e);
        }
        last = e;
      } finally {
        connections.give(connection, broken);
      }
    }
    if (last != null) {
      throw failure(operation, last);
    }
    throw new QuotaLedgerException(
        "quota ledger of project "
            + project
            + ": could not "
            + operation
            + " in "
            + MAX_TRIES
            + " attempts (rows kept changing)",
        null);
  }

  private QuotaLedgerException timedOut(String operation, SQLException cause) {
    return new QuotaLedgerException(
        "quota ledger of project "
            + project
            + ": could not "
            + operation
            + " within "
            + (timeout.toMillis() % 1000 == 0
                ? timeout.toSeconds() + " s"
                : timeout.toMillis() + " ms")
            + " (its rows stayed locked, or the database did not answer)",
        cause);
  }

  private void ensureTable(Work work) throws SQLException {
    if (tableReady) {
      return;
    }
    try (Statement statement = work.statement()) {
      statement.execute(CREATE);
    } catch (SQLException e) {
      // Two processes creating the table at once: PostgreSQL may refuse the second with a unique
      // violation in its catalog, though the table is there.
      try (Statement statement = work.statement()) {
        statement.executeQuery("SELECT spent FROM " + TABLE + " WHERE 1 = 0").close();
      } catch (SQLException absent) {
        e.addSuppressed(absent);
        throw e;
      }
    }
    tableReady = true;
  }

  private static boolean transientFailure(SQLException e) {
    String state = e.getSQLState();
    return state != null
        && (state.startsWith("40") // serialization failure, deadlock
            || state.startsWith("08") // connection exception: try a new connection
            || state.equals("HYT00") // H2: lock time-out
            || state.equals("55P03")); // PostgreSQL: lock not available
  }

  private QuotaLedgerException failure(String operation, SQLException e) {
    return new QuotaLedgerException(
        "quota ledger of project "
            + project
            + ": could not "
            + operation
            + ": "
            + e.getMessage()
            + " (SQLState "
            + e.getSQLState()
            + ")",
        e);
  }

  private static void rollbackQuietly(Connection connection, Exception cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  @Override
  public void close() {
    connections.close();
  }

  @Override
  public String toString() {
    return "QuotaLedger.jdbc[project=" + project + ", table=" + TABLE + "]";
  }

  /** Where connections come from, and go back to. */
  abstract static class Connections {

    abstract Connection take() throws SQLException;

    /** Takes back a connection; a broken one (or one in doubt) is closed. */
    abstract void give(Connection connection, boolean broken);

    void close() {}

    /** Each operation opens a connection and closes it: for pooled data sources. */
    static Connections of(DataSource dataSource) {
      return new Connections() {
        @Override
        Connection take() throws SQLException {
          Connection connection = dataSource.getConnection();
          if (!connection.getAutoCommit()) {
            connection.setAutoCommit(true);
          }
          return connection;
        }

        @Override
        void give(Connection connection, boolean broken) {
          closeQuietly(connection);
        }
      };
    }

    /**
     * {@code e} without {@code url} (which may hold a password) in its message, nor a cause that
     * has it: drivers name the URL, as in "No suitable driver found for jdbc:…".
     */
    private static SQLException withheld(SQLException e, String url) {
      String message = String.valueOf(e.getMessage()).replace(url, "<the ledger's JDBC URL>");
      if (message.equals(e.getMessage())) {
        return e;
      }
      return new SQLException(message, e.getSQLState(), e.getErrorCode());
    }

    /** Connections from {@link DriverManager}, up to 16 kept open between operations. */
    static Connections of(String url) {
      return new Connections() {
        private static final int MAX_IDLE = 16;
        private final Deque<Connection> idle = new ArrayDeque<>();
        private boolean closed;

        @Override
        Connection take() throws SQLException {
          synchronized (idle) {
            Connection kept = idle.pollFirst();
            if (kept != null) {
              return kept;
            }
          }
          try {
            return DriverManager.getConnection(url);
          } catch (SQLException e) {
            throw withheld(e, url);
          }
        }

        @Override
        void give(Connection connection, boolean broken) {
          if (!broken) {
            synchronized (idle) {
              if (!closed && idle.size() < MAX_IDLE) {
                idle.addFirst(connection);
                return;
              }
            }
          }
          closeQuietly(connection);
        }

        @Override
        void close() {
          synchronized (idle) {
            closed = true;
            idle.forEach(Connections::closeQuietly);
            idle.clear();
          }
        }
      };
    }

    private static void closeQuietly(Connection connection) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // Nothing to do: the connection is gone either way.
      }
    }
  }
}
