package io.github.jyoutube;

import io.github.jyoutube.error.QuotaBudgetExceededException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The quota units spent today, per bucket: a view of the client's {@link QuotaLedger}, which keeps
 * them, and the keeper of the client's daily budgets.
 *
 * <p>Every request that may reach the API is counted at its method's cost, <em>before</em> it is
 * sent: each page of a paged call, each retry, and failed requests too, since Google charges
 * invalid requests. Units are given back only for a request that provably never left the machine
 * (the connection was never made). The day turns at midnight Pacific Time, as Google's quota does.
 *
 * <p>With the default ledger (one in memory per client) the meter counts this client's calls, and
 * those of the clients derived from it; with a shared ledger ({@link QuotaLedger#jdbc}) it shows
 * what every process using that ledger spent. The Cloud console shows the project's whole use.
 *
 * <p>When the client has a budget for a bucket ({@link YouTubeClient.Builder#quotaBudget}), a call
 * that would pass it is not sent: it fails with {@link QuotaBudgetExceededException}, or, with
 * {@link YouTubeClient.Builder#parkWhenQuotaBudgetSpent}, waits for the quota day to reset.
 */
public final class QuotaMeter {

  /** How often one call may go back to sleep, should its sleeper wake it before the reset. */
  private static final int MAX_WAITS = 64;

  private final Clock clock;
  private final QuotaLedger ledger;
  private final QuotaBudgets budgets;
  private final Duration maxWait; // null: fail at once
  private final Sleeper sleeper;

  /** The quota day last seen and its bounds, so that most calls skip the time zone rules. */
  private volatile Day current;

  private record Day(LocalDate date, Instant starts, Instant ends) {
    static Day of(LocalDate date) {
      return new Day(
          date,
          date.atStartOfDay(Pacific.ZONE).toInstant(),
          date.plusDays(1).atStartOfDay(Pacific.ZONE).toInstant());
    }

    boolean contains(Instant instant) {
      return !instant.isBefore(starts) && instant.isBefore(ends);
    }
  }

  /**
   * Creates a meter over a ledger of its own in memory, with no budget.
   *
   * @param clock tells when the quota day turns
   */
  public QuotaMeter(Clock clock) {
    this(clock, QuotaLedger.inMemory(), new QuotaBudgets(), null, Sleeper.system());
  }

  /**
   * Creates a meter over {@code ledger}, keeping within {@code budgets}.
   *
   * @param maxWait how long a call over budget may wait for the reset; {@code null}: it fails
   * @param sleeper waits for the reset
   */
  QuotaMeter(
      Clock clock, QuotaLedger ledger, QuotaBudgets budgets, Duration maxWait, Sleeper sleeper) {
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.ledger = Objects.requireNonNull(ledger, "ledger == null");
    this.budgets = Objects.requireNonNull(budgets, "budgets == null");
    this.maxWait = maxWait;
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
  }

  /** Loads the time zone rules, so that a client's first call need not (see YouTubeClient). */
  static void warmUp() {
    LocalDate.now(Pacific.ZONE).plusDays(1).atStartOfDay(Pacific.ZONE).toInstant();
  }

  /**
   * Reserves a request's cost before it is sent, within the project's budget for its bucket and,
   * when it carries a {@code quotaUser}, within that user's. Over budget, the request is refused,
   * or waits for the quota day to reset when the client parks such calls.
   *
   * @param cost the request's cost
   * @param quotaUser the {@code quotaUser} the request carries, or {@code null}
   * @return the reservation, to {@link Reservation#refund() refund} if the request never leaves
   * @throws QuotaBudgetExceededException if a budget refuses and the call may not wait (or waited
   *     and was interrupted, or would wait past its deadline)
   * @throws io.github.jyoutube.error.QuotaLedgerException if the ledger cannot be written
   */
  public Reservation reserve(QuotaCost cost, String quotaUser) {
    Objects.requireNonNull(cost, "cost == null");
    Instant deadline = null;
    for (int waits = 0; ; waits++) {
      Instant now = clock.instant();
      Day day = today(now);
      QuotaLedger.Draw draw =
          new QuotaLedger.Draw(day.date(), cost.bucket(), quotaUser, cost.units());
      if (cost.units() == 0) {
        return new Reservation(ledger, draw);
      }
      QuotaLedger.Outcome outcome =
          ledger.reserve(
              draw, budgets.project(cost.bucket()), budgets.user(quotaUser, cost.bucket()));
      if (outcome.reserved()) {
        return new Reservation(ledger, draw);
      }
      if (maxWait == null) {
        throw refusal(cost, outcome, day, null, null);
      }
      if (cost.units() > outcome.budget()) {
        throw refusal(cost, outcome, day, "the call alone costs more than the budget", null);
      }
      if (deadline == null) {
        deadline = now.plus(maxWait);
      }
      if (day.ends().isAfter(deadline)) {
        throw refusal(
            cost,
            outcome,
            day,
            "the reset is further off than calls may wait (" + maxWait + ")",
            null);
      }
      if (waits >= MAX_WAITS) {
        throw refusal(cost, outcome, day, "woken " + waits + " times before the reset", null);
      }
      try {
        sleeper.sleep(Duration.between(now, day.ends()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw refusal(cost, outcome, day, "interrupted while waiting for the reset", e);
      }
    }
  }

  private static QuotaBudgetExceededException refusal(
      QuotaCost cost, QuotaLedger.Outcome outcome, Day day, String why, Throwable cause) {
    return new QuotaBudgetExceededException(
        cost.bucket(),
        outcome.quotaUser(),
        cost.units(),
        outcome.spent(),
        outcome.budget(),
        day.ends(),
        why,
        cause);
  }

  /**
   * The units spent today from {@code bucket}.
   *
   * @param bucket the bucket
   * @return the units spent today from {@code bucket}
   * @throws io.github.jyoutube.error.QuotaLedgerException if the ledger cannot be read
   */
  public long spentToday(QuotaBucket bucket) {
    Objects.requireNonNull(bucket, "bucket == null");
    return ledger.spent(day(), bucket, null);
  }

  /**
   * The units spent today from {@code bucket} by requests that carried {@code quotaUser}.
   *
   * @param bucket the bucket
   * @param quotaUser the {@code quotaUser}
   * @return the units spent today from {@code bucket} under {@code quotaUser}
   * @throws io.github.jyoutube.error.QuotaLedgerException if the ledger cannot be read
   */
  public long spentToday(QuotaBucket bucket, String quotaUser) {
    Objects.requireNonNull(bucket, "bucket == null");
    Objects.requireNonNull(quotaUser, "quotaUser == null");
    return ledger.spent(day(), bucket, quotaUser);
  }

  /**
   * The units spent today, per bucket.
   *
   * @return the units spent today, per bucket; buckets not drawn on are absent
   * @throws io.github.jyoutube.error.QuotaLedgerException if the ledger cannot be read
   */
  public Map<QuotaBucket, Long> spentToday() {
    return ledger.spent(day());
  }

  /**
   * The project's daily budget in {@code bucket}, as this client was given it.
   *
   * @param bucket the bucket
   * @return the budget, or empty when there is none
   */
  public OptionalLong budget(QuotaBucket bucket) {
    long budget = budgets.project(Objects.requireNonNull(bucket, "bucket == null"));
    return budget == QuotaBudgets.NONE ? OptionalLong.empty() : OptionalLong.of(budget);
  }

  /**
   * The daily budget of {@code quotaUser} in {@code bucket}: its own, else every {@code
   * quotaUser}'s.
   *
   * @param bucket the bucket
   * @param quotaUser the {@code quotaUser}
   * @return the budget, or empty when there is none
   */
  public OptionalLong budget(QuotaBucket bucket, String quotaUser) {
    Objects.requireNonNull(bucket, "bucket == null");
    long budget = budgets.user(Objects.requireNonNull(quotaUser, "quotaUser == null"), bucket);
    return budget == QuotaBudgets.NONE ? OptionalLong.empty() : OptionalLong.of(budget);
  }

  /** {@return the quota day being counted, in Pacific Time} */
  public LocalDate day() {
    return today(clock.instant()).date();
  }

  /** {@return when the quota day resets: the next midnight, Pacific Time} */
  public Instant resetsAt() {
    return today(clock.instant()).ends();
  }

  /** {@return the ledger that keeps the figures} */
  public QuotaLedger ledger() {
    return ledger;
  }

  private Day today(Instant now) {
    Day day = current;
    if (day == null || !day.contains(now)) {
      day = Day.of(LocalDate.ofInstant(now, Pacific.ZONE));
      current = day;
    }
    return day;
  }

  /** YouTube's quota day runs from midnight to midnight Pacific Time. */
  private static final class Pacific {
    static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
  }

  @Override
  public String toString() {
    return "QuotaMeter[" + ledger + ", " + budgets + "]";
  }

  /**
   * Units reserved for one request, on the quota day they were reserved for.
   *
   * @see #reserve(QuotaCost, String)
   */
  public static final class Reservation {

    private static final Reservation NONE = new Reservation(null, null);

    private final QuotaLedger ledger;
    private final QuotaLedger.Draw draw;
    private final AtomicBoolean refunded = new AtomicBoolean();

    private Reservation(QuotaLedger ledger, QuotaLedger.Draw draw) {
      this.ledger = ledger;
      this.draw = draw;
    }

    /** {@return a reservation of nothing, for a request outside the Data API's quota} */
    public static Reservation none() {
      return NONE;
    }

    /**
     * Gives the units back, for a request that never left the machine. Once; later calls do
     * nothing.
     *
     * @throws io.github.jyoutube.error.QuotaLedgerException if the ledger cannot be written
     */
    public void refund() {
      if (draw != null && draw.units() > 0 && refunded.compareAndSet(false, true)) {
        ledger.refund(draw);
      }
    }

    @Override
    public String toString() {
      return draw == null ? "Reservation[none]" : "Reservation[" + draw + "]";
    }
  }
}
