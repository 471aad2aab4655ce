package io.github.jyoutube;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Counts the quota units this client has spent today, per bucket.
 *
 * <p>Every request that reaches the API is counted at its method's cost: each page of a paged call,
 * each retry, and failed requests too, since Google charges invalid requests. A request that
 * provably never left the machine is not counted. The day turns at midnight Pacific Time, as
 * Google's quota does. The meter counts this client's calls only; the console shows the project's
 * whole use.
 */
public final class QuotaMeter {

  private final Clock clock;
  private final Map<QuotaBucket, Long> spent = new EnumMap<>(QuotaBucket.class);
  private LocalDate day; // null until first asked
  private Instant dayStarts; // the quota day's bounds, so that most calls skip the time zone
  private Instant dayEnds;

  /**
   * Creates a meter.
   *
   * @param clock tells when the quota day turns
   */
  public QuotaMeter(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  /** Loads the time zone rules, so that a client's first call need not (see YouTubeClient). */
  static void warmUp() {
    LocalDate.now(Pacific.ZONE).plusDays(1).atStartOfDay(Pacific.ZONE).toInstant();
  }

  /**
   * Adds one request's cost.
   *
   * @param cost the request's cost
   */
  public synchronized void record(QuotaCost cost) {
    Objects.requireNonNull(cost, "cost == null");
    rollOver();
    spent.merge(cost.bucket(), (long) cost.units(), Long::sum);
  }

  /**
   * The units spent today from {@code bucket}.
   *
   * @param bucket the bucket
   * @return the units spent today from {@code bucket}
   */
  public synchronized long spentToday(QuotaBucket bucket) {
    rollOver();
    return spent.getOrDefault(bucket, 0L);
  }

  /** {@return the units spent today, per bucket; buckets not drawn on are absent} */
  public synchronized Map<QuotaBucket, Long> spentToday() {
    rollOver();
    return Map.copyOf(spent);
  }

  /** {@return the quota day being counted, in Pacific Time} */
  public synchronized LocalDate day() {
    rollOver();
    return day;
  }

  private void rollOver() {
    Instant now = clock.instant();
    if (day != null && !now.isBefore(dayStarts) && now.isBefore(dayEnds)) {
      return;
    }
    LocalDate today = LocalDate.ofInstant(now, Pacific.ZONE);
    if (!today.equals(day)) {
      spent.clear();
      day = today;
    }
    dayStarts = today.atStartOfDay(Pacific.ZONE).toInstant();
    dayEnds = today.plusDays(1).atStartOfDay(Pacific.ZONE).toInstant();
  }

  /** YouTube's quota day runs from midnight to midnight Pacific Time. */
  private static final class Pacific {
    static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
  }

  @Override
  public synchronized String toString() {
    rollOver();
    return "QuotaMeter[" + day + " " + spent + "]";
  }
}
