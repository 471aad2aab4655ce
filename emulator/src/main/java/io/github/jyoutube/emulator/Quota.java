package io.github.jyoutube.emulator;

import io.github.jyoutube.QuotaBucket;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;

/**
 * The project's daily quota, per bucket, reset at midnight Pacific Time as Google's is: the shared
 * pool (10,000 units by default), {@code search.list} and {@code videos.insert} (100 calls each)
 * and {@code videos.batchGetStats} (10,000 units).
 */
final class Quota {

  private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

  private final Clock clock;
  private final Map<QuotaBucket, Long> limits = new EnumMap<>(QuotaBucket.class);
  private final Map<QuotaBucket, Long> used = new EnumMap<>(QuotaBucket.class);
  private LocalDate day;

  Quota(Clock clock, long units, long searchCalls, long uploadCalls) {
    this.clock = clock;
    limits.put(QuotaBucket.DEFAULT, units);
    limits.put(QuotaBucket.SEARCH, searchCalls);
    limits.put(QuotaBucket.VIDEO_UPLOAD, uploadCalls);
    limits.put(QuotaBucket.BATCH_GET_STATS, 10_000L);
    day = today();
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), PACIFIC);
  }

  private void roll() {
    LocalDate now = today();
    if (!now.equals(day)) {
      day = now;
      used.clear();
    }
  }

  /** Whether {@code units} more fit in the bucket today. */
  synchronized boolean fits(QuotaBucket bucket, long units) {
    roll();
    return used(bucket) + units <= limits.get(bucket);
  }

  synchronized void charge(QuotaBucket bucket, long units) {
    roll();
    used.merge(bucket, units, Long::sum);
  }

  synchronized long used(QuotaBucket bucket) {
    roll();
    return used.getOrDefault(bucket, 0L);
  }

  synchronized long limit(QuotaBucket bucket) {
    return limits.get(bucket);
  }

  synchronized void reset() {
    used.clear();
  }
}
