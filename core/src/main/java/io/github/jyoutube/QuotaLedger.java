package io.github.jyoutube;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Where the quota units a project spends are recorded, per quota day (Pacific Time), bucket and
 * {@code quotaUser}: the store behind {@link QuotaMeter}.
 *
 * <p>A client reserves each request's units <em>before</em> sending it, within the daily budgets it
 * was given ({@link YouTubeClient.Builder#quotaBudget}), and gives them back only when the request
 * provably never left the machine. Every client that uses the same ledger draws on the same
 * figures: {@link #inMemory()} serves the clients of one JVM that are given it (each client has one
 * of its own by default); {@link #jdbc(DataSource, String)} serves every JVM that reaches the same
 * database, so that many processes can share one project's 10,000 units a day without going over.
 *
 * <pre>{@code
 * QuotaLedger ledger = QuotaLedger.jdbc(dataSource, "my-cloud-project");
 * YouTubeClient cli = YouTubeClient.builder()
 *     .quotaLedger(ledger)
 *     .quotaBudget(QuotaBucket.DEFAULT, 9_000)   // keep 1,000 units for the console and scripts
 *     .build();
 * }</pre>
 *
 * <p>An implementation must be safe for use from several threads, and {@link #reserve} must be
 * atomic: two reservations that together pass a limit must not both succeed. Its failures are
 * {@link io.github.jyoutube.error.QuotaLedgerException}s.
 */
public interface QuotaLedger extends AutoCloseable {

  /**
   * Adds {@code draw.units()} to the day's spending of the project from {@code draw.bucket()}, and
   * to that of {@code draw.quotaUser()} when there is one, if each stays within its budget: all or
   * nothing, atomically with every other reservation on this ledger.
   *
   * @param draw what to reserve
   * @param budget the most the project may spend from the bucket that day; {@link Long#MAX_VALUE}
   *     for no limit
   * @param userBudget the most {@code draw.quotaUser()} may spend from the bucket that day; {@link
   *     Long#MAX_VALUE} for no limit; ignored when the draw has no {@code quotaUser}
   * @return whether the units were reserved and, if not, which budget refused them
   * @throws io.github.jyoutube.error.QuotaLedgerException if the ledger cannot be read or written
   */
  Outcome reserve(Draw draw, long budget, long userBudget);

  /**
   * Gives back units reserved with {@code draw} (of the day they were reserved for), for a request
   * that never left the machine. Spending never goes below zero.
   *
   * @param draw the draw that was reserved
   * @throws io.github.jyoutube.error.QuotaLedgerException if the ledger cannot be written
   */
  void refund(Draw draw);

  /**
   * The units spent on {@code day} from {@code bucket}: by the whole project, or by one {@code
   * quotaUser}.
   *
   * @param day the quota day, in Pacific Time
   * @param bucket the bucket
   * @param quotaUser the {@code quotaUser} whose spending to read, or {@code null} for the
   *     project's
   * @return the units spent, 0 if none
   * @throws io.github.jyoutube.error.QuotaLedgerException if the ledger cannot be read
   */
  long spent(LocalDate day, QuotaBucket bucket, String quotaUser);

  /**
   * The units the project spent on {@code day}, per bucket.
   *
   * @param day the quota day, in Pacific Time
   * @return the units spent per bucket; buckets nothing was spent from are absent
   * @throws io.github.jyoutube.error.QuotaLedgerException if the ledger cannot be read
   */
  Map<QuotaBucket, Long> spent(LocalDate day);

  /**
   * Releases what the ledger holds open, such as the connections of {@link #jdbc(String, String)}.
   * Clients never close their ledger: it may serve others. Does nothing by default.
   */
  @Override
  default void close() {}

  /**
   * A ledger in this JVM's memory. Clients given the same one share its figures and budgets; a
   * client given none has one of its own. Days before yesterday are forgotten.
   *
   * @return a new, empty ledger
   */
  static QuotaLedger inMemory() {
    return new MemoryQuotaLedger();
  }

  /**
   * A ledger in a SQL database, shared by every process that uses the same database and {@code
   * project}: a table {@code jyoutube_quota}, created if missing, with one row per project, day,
   * bucket and {@code quotaUser}. Each reservation is one conditional {@code UPDATE} ({@code spent
   * = spent + units} where the result stays within the budget), in a transaction with the {@code
   * quotaUser}'s row when there is one; the database's row locks make it atomic across processes.
   * Tested on PostgreSQL and H2; the SQL is standard.
   *
   * <p>Each operation takes a connection from {@code dataSource} and closes it: give a pooled data
   * source, or use {@link #jdbc(String, String)}, which keeps a few connections open. An operation
   * has 10 seconds, its statements' query time-out included: if its rows stay locked (by a process
   * stopped in the middle of a transaction) or the database does not answer, the call fails with a
   * {@link io.github.jyoutube.error.QuotaLedgerException} instead of waiting without end.
   *
   * @param dataSource where connections come from
   * @param project the name the project's rows are kept under, such as its Google Cloud project id
   *     (1 to 100 characters)
   * @return the ledger
   */
  static QuotaLedger jdbc(DataSource dataSource, String project) {
    Objects.requireNonNull(dataSource, "dataSource == null");
    return new JdbcQuotaLedger(JdbcQuotaLedger.Connections.of(dataSource), project);
  }

  /**
   * {@link #jdbc(DataSource, String)} with connections opened by {@link
   * java.sql.DriverManager#getConnection(String)}, of which it keeps up to 16 open between
   * operations. The URL never appears in messages or {@code toString}, since it may hold a
   * password.
   *
   * @param url the JDBC URL, such as {@code jdbc:postgresql://db.internal/app?user=app}
   * @param project the name the project's rows are kept under (1 to 100 characters)
   * @return the ledger
   */
  static QuotaLedger jdbc(String url, String project) {
    Objects.requireNonNull(url, "url == null");
    return new JdbcQuotaLedger(JdbcQuotaLedger.Connections.of(url), project);
  }

  /**
   * Units drawn from a bucket on a quota day, by the project and possibly one {@code quotaUser}.
   *
   * @param day the quota day, in Pacific Time
   * @param bucket the bucket
   * @param quotaUser the {@code quotaUser} the request carries (1 to 40 characters), or {@code
   *     null}
   * @param units the units, at least 0
   */
  record Draw(LocalDate day, QuotaBucket bucket, String quotaUser, long units) {

    /**
     * Checks the parts.
     *
     * @param day the quota day, in Pacific Time
     * @param bucket the bucket
     * @param quotaUser the {@code quotaUser}, or {@code null}
     * @param units the units, at least 0
     */
    public Draw {
      Objects.requireNonNull(day, "day == null");
      Objects.requireNonNull(bucket, "bucket == null");
      if (quotaUser != null) {
        RequestOptions.checkQuotaUser(quotaUser);
      }
      if (units < 0) {
        throw new IllegalArgumentException("units must be >= 0: " + units);
      }
    }
  }

  /**
   * What became of a reservation.
   *
   * @param reserved whether the units were reserved
   * @param spent when refused, the units already spent under the budget that refused
   * @param budget when refused, that budget
   * @param quotaUser when refused by a {@code quotaUser}'s budget, that {@code quotaUser}; {@code
   *     null} otherwise
   */
  record Outcome(boolean reserved, long spent, long budget, String quotaUser) {

    private static final Outcome RESERVED = new Outcome(true, 0, 0, null);

    /** {@return the outcome of a reservation that succeeded} */
    public static Outcome granted() {
      return RESERVED;
    }

    /**
     * The outcome of a reservation that a budget refused.
     *
     * @param spent the units already spent under that budget
     * @param budget the budget
     * @param quotaUser the {@code quotaUser} whose budget it is, or {@code null} for the project's
     * @return the outcome
     */
    public static Outcome refused(long spent, long budget, String quotaUser) {
      return new Outcome(false, spent, budget, quotaUser);
    }
  }
}
