package io.github.jyoutube;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** {@link QuotaLedger#inMemory()}: the figures of the latest two quota days, under one lock. */
final class MemoryQuotaLedger implements QuotaLedger {

  /** One row: a day, a bucket, and a quotaUser or {@code null} for the project's total. */
  private record Key(LocalDate day, QuotaBucket bucket, String quotaUser) {}

  private final Map<Key, Long> spent = new HashMap<>();
  private LocalDate latest; // the latest day drawn on; older days but the one before are dropped

  @Override
  public synchronized Outcome reserve(Draw draw, long budget, long userBudget) {
    Objects.requireNonNull(draw, "draw == null");
    Key project = new Key(draw.day(), draw.bucket(), null);
    long projectSpent = spent.getOrDefault(project, 0L);
    if (draw.units() > budget - projectSpent) {
      return Outcome.refused(projectSpent, budget, null);
    }
    Key user =
        draw.quotaUser() == null ? null : new Key(draw.day(), draw.bucket(), draw.quotaUser());
    if (user != null) {
      long userSpent = spent.getOrDefault(user, 0L);
      if (draw.units() > userBudget - userSpent) {
        return Outcome.refused(userSpent, userBudget, draw.quotaUser());
      }
      spent.put(user, userSpent + draw.units());
    }
    spent.put(project, projectSpent + draw.units());
    forgetOldDays(draw.day());
    return Outcome.granted();
  }

  @Override
  public synchronized void refund(Draw draw) {
    Objects.requireNonNull(draw, "draw == null");
    spent.computeIfPresent(
        new Key(draw.day(), draw.bucket(), null),
        (key, units) -> Math.max(0, units - draw.units()));
    if (draw.quotaUser() != null) {
      spent.computeIfPresent(
          new Key(draw.day(), draw.bucket(), draw.quotaUser()),
          (key, units) -> Math.max(0, units - draw.units()));
    }
  }

  @Override
  public synchronized long spent(LocalDate day, QuotaBucket bucket, String quotaUser) {
    return spent.getOrDefault(new Key(day, bucket, quotaUser), 0L);
  }

  @Override
  public synchronized Map<QuotaBucket, Long> spent(LocalDate day) {
    Map<QuotaBucket, Long> perBucket = new EnumMap<>(QuotaBucket.class);
    spent.forEach(
        (key, units) -> {
          if (key.day().equals(day) && key.quotaUser() == null && units > 0) {
            perBucket.put(key.bucket(), units);
          }
        });
    return Map.copyOf(perBucket);
  }

  /** Keeps the map bounded: only the latest day and the one before it stay. */
  private void forgetOldDays(LocalDate day) {
    if (latest == null || day.isAfter(latest)) {
      latest = day;
      LocalDate oldest = day.minusDays(1);
      spent.keySet().removeIf(key -> key.day().isBefore(oldest));
    }
  }

  @Override
  public synchronized String toString() {
    return "QuotaLedger.inMemory[" + (latest == null ? "" : latest + " " + spent(latest)) + "]";
  }
}
