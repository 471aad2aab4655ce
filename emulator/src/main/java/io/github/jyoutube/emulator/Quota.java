package io.github.jyoutube.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jyoutube.QuotaBucket;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;

/**
 * The project's daily quota, per bucket, reset at midnight Pacific Time as Google's is: the shared
 * pool (10,000 units by default), {@code search.list} and {@code videos.insert} (100 calls each)
 * and {@code videos.batchGetStats} (10,000 units).
 *
 * <p>With a data directory the counters are kept in the store, written with the request that spent
 * the units: a restart (or a crash) on the same day goes on from where the emulator was.
 */
final class Quota {

  private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

  /** The id of the counters' record in the store. */
  private static final String ID = "quota";

  private final Clock clock;
  private final Map<QuotaBucket, Long> limits = new EnumMap<>(QuotaBucket.class);
  private final Map<QuotaBucket, Long> used = new EnumMap<>(QuotaBucket.class);
  private LocalDate day;

  /** Where the counters are kept, or {@code null}; written under {@link #lock}. */
  private volatile Store store;

  private volatile Object lock = this;

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

  void charge(QuotaBucket bucket, long units) {
    synchronized (lock) {
      synchronized (this) {
        roll();
        used.merge(bucket, units, Long::sum);
      }
      save();
    }
  }

  synchronized long used(QuotaBucket bucket) {
    roll();
    return used.getOrDefault(bucket, 0L);
  }

  synchronized long limit(QuotaBucket bucket) {
    return limits.get(bucket);
  }

  void reset() {
    synchronized (lock) {
      synchronized (this) {
        used.clear();
      }
      save();
    }
  }

  /**
   * Keeps the counters in {@code store} from now on, if it is persistent, and takes today's from
   * it.
   *
   * @param lock the lock the store is written under (the backend's); taken before this quota's
   */
  void keepIn(Store store, Object lock) {
    synchronized (lock) {
      if (!store.persistent()) {
        return;
      }
      synchronized (this) {
        this.store = store;
        this.lock = lock;
        ObjectNode saved = store.get(Kinds.META, ID);
        if (saved == null || !today().equals(parse(saved.path("day").asText()))) {
          return;
        }
        day = today();
        for (QuotaBucket bucket : QuotaBucket.values()) {
          long units = saved.path("used").path(bucket.name()).asLong(0);
          if (units > 0) {
            used.put(bucket, units);
          }
        }
      }
    }
  }

  private void save() {
    if (store == null) {
      return;
    }
    ObjectNode record = Jsons.object();
    synchronized (this) {
      record.put("id", ID);
      record.put("day", day.toString());
      ObjectNode units = record.putObject("used");
      used.forEach((bucket, n) -> units.put(bucket.name(), n));
    }
    store.put(Kinds.META, record);
  }

  private static LocalDate parse(String day) {
    try {
      return LocalDate.parse(day);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
