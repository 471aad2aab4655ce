package io.github.jyoutube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jyoutube.QuotaLedger.Draw;
import io.github.jyoutube.QuotaLedger.Outcome;
import io.github.jyoutube.error.QuotaLedgerException;
import io.github.jyoutube.testing.PostgresCluster;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quota ledgers keep budgets exactly: in memory, and in SQL on H2 (in memory and in a file) and
 * on a real PostgreSQL server (skipped, with the reason printed, where PostgreSQL is missing). Each
 * SQL check runs through two ledger instances with connections of their own, as two processes
 * would.
 */
@Timeout(120)
class QuotaLedgerTest {

  private static final LocalDate DAY = LocalDate.parse("2026-11-26");
  private static final long NONE = Long.MAX_VALUE;
  private static final AtomicInteger DATABASES = new AtomicInteger();

  @TempDir Path dir;

  @Test
  void inMemory() throws Exception {
    QuotaLedger ledger = QuotaLedger.inMemory();
    checkAll(() -> ledger, "memory");
  }

  @Test
  void h2InMemory() throws Exception {
    String url = "jdbc:h2:mem:quota" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
    checkAll(() -> QuotaLedger.jdbc(url, "project-1"), "H2 in memory");
    checkProjectsApart(() -> QuotaLedger.jdbc(url, "project-2"), () -> QuotaLedger.jdbc(url, "p"));
  }

  @Test
  void h2InAFile() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("quota").toAbsolutePath();
    checkAll(() -> QuotaLedger.jdbc(url, "project-1"), "H2 file");
    checkTable(url);
  }

  @Test
  void h2ThroughADataSource() throws Exception {
    JdbcDataSource source = new JdbcDataSource();
    source.setURL("jdbc:h2:mem:quota" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
    checkAll(() -> QuotaLedger.jdbc(source, "project-1"), "H2 data source");
  }

  @Test
  void postgresql() throws Exception {
    try (PostgresCluster pg = PostgresCluster.start()) {
      String url = pg.newDatabase();
      checkAll(() -> QuotaLedger.jdbc(url, "project-1"), "PostgreSQL");
      checkProjectsApart(
          () -> QuotaLedger.jdbc(url, "project-2"), () -> QuotaLedger.jdbc(url, "project-3"));
      checkTable(url);
      // A fresh database, 8 processes' first reservations at once: the table and the rows are
      // created by whichever comes first, and nobody fails.
      String fresh = pg.newDatabase();
      checkFirstUseRace(() -> QuotaLedger.jdbc(fresh, "project-1"));
    }
  }

  @Test
  void h2FirstUseRace() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("race").toAbsolutePath();
    checkFirstUseRace(() -> QuotaLedger.jdbc(url, "project-1"));
  }

  @Test
  void aRowAHungProcessKeepsLockedIsATimeOutInPostgresql() throws Exception {
    try (PostgresCluster pg = PostgresCluster.start()) {
      checkLockedRow(pg.newDatabase(), "PostgreSQL");
    }
  }

  @Test
  void aRowAHungProcessKeepsLockedIsATimeOutInH2() throws Exception {
    checkLockedRow("jdbc:h2:file:" + dir.resolve("locked").toAbsolutePath(), "H2");
  }

  /**
   * Another connection updates the project's row and neither commits nor rolls back, as a process
   * stopped mid-transaction would: a reservation fails at the ledger's time-out (PostgreSQL alone
   * would wait for the lock without end), and works again once the lock is gone.
   */
  private static void checkLockedRow(String url, String name) throws Exception {
    Duration timeout = Duration.ofSeconds(2);
    QuotaLedger ledger =
        new JdbcQuotaLedger(JdbcQuotaLedger.Connections.of(url), "project-1", timeout);
    try (ledger) {
      assertThat(ledger.reserve(draw(DAY, 1), 100, NONE).reserved()).isTrue();
      try (Connection hung = DriverManager.getConnection(url)) {
        hung.setAutoCommit(false);
        try (Statement statement = hung.createStatement()) {
          statement.executeUpdate(
              "UPDATE jyoutube_quota SET spent = spent WHERE project = 'project-1'");
        }
        long start = System.nanoTime();
        assertThatThrownBy(() -> ledger.reserve(draw(DAY, 1), 100, NONE))
            .isInstanceOf(QuotaLedgerException.class)
            .hasMessageContaining("could not reserve within 2 s");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        System.out.println(name + ": a reservation on a locked row failed after " + millis + " ms");
        assertThat(millis).isBetween(1_500L, 6_000L);
        hung.rollback();
      }
      assertThat(ledger.reserve(draw(DAY, 1), 100, NONE).reserved()).isTrue();
      assertThat(ledger.spent(DAY, QuotaBucket.DEFAULT, null)).isEqualTo(2);
    }
  }

  @Test
  void anUnreachableDatabaseIsATypedErrorWithoutTheUrl() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    QuotaLedger ledger =
        QuotaLedger.jdbc(
            "jdbc:postgresql://127.0.0.1:" + closed + "/quota?user=app&password=hunter2",
            "project-1");
    assertThatThrownBy(() -> ledger.reserve(new Draw(DAY, QuotaBucket.DEFAULT, null, 1), 10, NONE))
        .isInstanceOf(QuotaLedgerException.class)
        .hasMessageContaining("project-1")
        .hasMessageContaining("could not reserve")
        .hasMessageContaining("SQLState 08")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
    assertThat(ledger.toString()).doesNotContain("hunter2", "127.0.0.1");
  }

  @Test
  void aUrlNoDriverKnowsIsATypedErrorWithoutTheUrlInAnyMessageOrCause() {
    QuotaLedger ledger =
        QuotaLedger.jdbc("jdbc:nosuchdatabase://db.internal/quota?password=hunter2", "project-1");
    assertThatThrownBy(() -> ledger.reserve(new Draw(DAY, QuotaBucket.DEFAULT, null, 1), 10, NONE))
        .isInstanceOf(QuotaLedgerException.class)
        .hasMessageContaining("could not reserve")
        .satisfies(
            e -> {
              java.io.StringWriter trace = new java.io.StringWriter();
              e.printStackTrace(new java.io.PrintWriter(trace));
              assertThat(trace.toString()).doesNotContain("hunter2", "db.internal");
            });
  }

  private void checkAll(Supplier<QuotaLedger> ledgers, String name) throws Exception {
    QuotaLedger one = ledgers.get();
    QuotaLedger other = ledgers.get();
    try {
      checkBudgetsAndRefunds(one, other);
      checkUserBudgets(one, other);
      checkConcurrentReservations(one, other, name);
    } finally {
      one.close();
      other.close();
    }
  }

  /** A budget refuses what would pass it, says how much was spent, and takes refunds back. */
  private static void checkBudgetsAndRefunds(QuotaLedger one, QuotaLedger other) {
    LocalDate day = DAY.plusDays(1);
    assertThat(one.spent(day)).isEmpty();
    assertThat(one.reserve(draw(day, 60), 100, NONE).reserved()).isTrue();
    assertThat(other.reserve(draw(day, 40), 100, NONE).reserved()).isTrue();
    assertThat(one.reserve(draw(day, 1), 100, NONE)).isEqualTo(Outcome.refused(100, 100, null));
    assertThat(other.spent(day, QuotaBucket.DEFAULT, null)).isEqualTo(100);

    other.refund(draw(day, 40));
    assertThat(one.spent(day, QuotaBucket.DEFAULT, null)).isEqualTo(60);
    assertThat(one.reserve(draw(day, 41), 100, NONE)).isEqualTo(Outcome.refused(60, 100, null));
    assertThat(one.reserve(draw(day, 40), 100, NONE).reserved()).isTrue();

    // Another bucket, another day: apart. No budget: anything goes.
    assertThat(one.reserve(new Draw(day, QuotaBucket.SEARCH, null, 3), NONE, NONE).reserved())
        .isTrue();
    assertThat(other.reserve(draw(day.plusDays(1), 100), 100, NONE).reserved()).isTrue();
    assertThat(other.spent(day))
        .isEqualTo(Map.of(QuotaBucket.DEFAULT, 100L, QuotaBucket.SEARCH, 3L));

    // A call larger than the budget never fits, and a budget of 0 refuses everything.
    assertThat(one.reserve(draw(day.plusDays(2), 101), 100, NONE))
        .isEqualTo(Outcome.refused(0, 100, null));
    assertThat(one.reserve(draw(day.plusDays(2), 1), 0, NONE).reserved()).isFalse();

    // Refunds never make spending negative.
    one.refund(draw(day.plusDays(1), 150));
    assertThat(other.spent(day.plusDays(1), QuotaBucket.DEFAULT, null)).isZero();
    assertThat(other.spent(day.plusDays(1))).isEmpty();
  }

  /** A quotaUser's draw counts for the user and the project, and both budgets hold. */
  private static void checkUserBudgets(QuotaLedger one, QuotaLedger other) {
    LocalDate day = DAY.plusDays(10);
    assertThat(one.reserve(userDraw(day, "tenant-a", 30), 100, 50).reserved()).isTrue();
    assertThat(other.reserve(userDraw(day, "tenant-a", 30), 100, 50))
        .isEqualTo(Outcome.refused(30, 50, "tenant-a"));
    // The refused draw left nothing behind in the project's row.
    assertThat(one.spent(day, QuotaBucket.DEFAULT, null)).isEqualTo(30);
    assertThat(other.reserve(userDraw(day, "tenant-b", 50), 100, 50).reserved()).isTrue();
    assertThat(one.reserve(draw(day, 15), 100, NONE).reserved()).isTrue();
    // tenant-c has room of its own, the project has not.
    assertThat(other.reserve(userDraw(day, "tenant-c", 10), 100, 50))
        .isEqualTo(Outcome.refused(95, 100, null));
    assertThat(one.spent(day, QuotaBucket.DEFAULT, "tenant-c")).isZero();
    assertThat(one.spent(day, QuotaBucket.DEFAULT, "tenant-a")).isEqualTo(30);
    assertThat(one.spent(day, QuotaBucket.DEFAULT, "tenant-b")).isEqualTo(50);
    assertThat(one.spent(day)).isEqualTo(Map.of(QuotaBucket.DEFAULT, 95L));

    other.refund(userDraw(day, "tenant-b", 50));
    assertThat(one.spent(day, QuotaBucket.DEFAULT, "tenant-b")).isZero();
    assertThat(one.spent(day, QuotaBucket.DEFAULT, null)).isEqualTo(45);
  }

  /**
   * 16 threads on two ledger instances draw 1 or 50 units at a time, a quarter of them as one
   * tenant: the budgets are never passed, and what the ledger holds is exactly what was granted.
   */
  private static void checkConcurrentReservations(QuotaLedger one, QuotaLedger other, String name)
      throws Exception {
    LocalDate day = DAY.plusDays(20);
    long budget = 2_000;
    long tenantBudget = 300;
    int threads = 16;
    int drawsEach = 150;
    AtomicLong granted = new AtomicLong();
    AtomicLong grantedTenant = new AtomicLong();
    AtomicInteger refused = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long began = System.nanoTime();
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        QuotaLedger ledger = t % 2 == 0 ? one : other;
        String user = t % 4 == 0 ? "tenant" : null;
        SplittableRandom random = new SplittableRandom(t);
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < drawsEach; i++) {
                    long units = random.nextInt(10) == 0 ? 50 : 1;
                    Draw draw = new Draw(day, QuotaBucket.DEFAULT, user, units);
                    if (ledger.reserve(draw, budget, tenantBudget).reserved()) {
                      granted.addAndGet(units);
                      if (user != null) {
                        grantedTenant.addAndGet(units);
                      }
                    } else {
                      refused.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> future : done) {
        future.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    long millis = (System.nanoTime() - began) / 1_000_000;
    long spent = one.spent(day, QuotaBucket.DEFAULT, null);
    long tenantSpent = other.spent(day, QuotaBucket.DEFAULT, "tenant");
    System.out.printf(
        "QuotaLedgerTest %s: %d reservations from %d threads in %d ms: %d units granted of a"
            + " %d budget (tenant %d of %d), %d refused%n",
        name,
        threads * drawsEach,
        threads,
        millis,
        spent,
        budget,
        tenantSpent,
        tenantBudget,
        refused.get());
    assertThat(spent).isEqualTo(granted.get()).isLessThanOrEqualTo(budget);
    assertThat(tenantSpent).isEqualTo(grantedTenant.get()).isLessThanOrEqualTo(tenantBudget);
    assertThat(refused.get()).isPositive();
    // 16 × 150 draws ask for far more than the budget: it is all but spent.
    assertThat(spent).isGreaterThan(budget - 50);
  }

  private static void checkProjectsApart(
      Supplier<QuotaLedger> first, Supplier<QuotaLedger> second) {
    try (QuotaLedger one = first.get();
        QuotaLedger other = second.get()) {
      assertThat(one.reserve(draw(DAY, 10), 10, NONE).reserved()).isTrue();
      assertThat(other.reserve(draw(DAY, 10), 10, NONE).reserved()).isTrue();
      assertThat(one.reserve(draw(DAY, 1), 10, NONE).reserved()).isFalse();
    }
  }

  /** One table, with one row per project, day, bucket and quotaUser. */
  private static void checkTable(String url) throws Exception {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT quota_user, spent FROM jyoutube_quota WHERE project = 'project-1'"
                    + " AND quota_day = DATE '2026-12-06' AND bucket = 'DEFAULT'"
                    + " ORDER BY quota_user")) {
      List<String> found = new ArrayList<>();
      while (rows.next()) {
        found.add("'" + rows.getString(1) + "'=" + rows.getLong(2));
      }
      assertThat(found).containsExactly("''=45", "'tenant-a'=30", "'tenant-b'=0");
    }
  }

  /** Processes that all start on a fresh database at once: nobody fails, nothing is lost. */
  private static void checkFirstUseRace(Supplier<QuotaLedger> ledgers) throws Exception {
    int processes = 8;
    List<QuotaLedger> opened = new ArrayList<>();
    for (int i = 0; i < processes; i++) {
      opened.add(ledgers.get());
    }
    ExecutorService pool = Executors.newFixedThreadPool(processes);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Boolean>> done = new ArrayList<>();
      for (int i = 0; i < processes; i++) {
        QuotaLedger ledger = opened.get(i);
        String user = i % 2 == 0 ? "tenant" : null;
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  return ledger
                      .reserve(new Draw(DAY, QuotaBucket.DEFAULT, user, 5), 1_000, 1_000)
                      .reserved();
                }));
      }
      start.countDown();
      for (Future<Boolean> future : done) {
        assertThat(future.get(60, TimeUnit.SECONDS)).isTrue();
      }
      assertThat(opened.get(0).spent(DAY, QuotaBucket.DEFAULT, null)).isEqualTo(5L * processes);
      assertThat(opened.get(1).spent(DAY, QuotaBucket.DEFAULT, "tenant"))
          .isEqualTo(5L * processes / 2);
    } finally {
      pool.shutdownNow();
      opened.forEach(QuotaLedger::close);
    }
  }

  private static Draw draw(LocalDate day, long units) {
    return new Draw(day, QuotaBucket.DEFAULT, null, units);
  }

  private static Draw userDraw(LocalDate day, String user, long units) {
    return new Draw(day, QuotaBucket.DEFAULT, user, units);
  }
}
