package io.github.jyoutube.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Human-readable times: {@code 2026-11-27 14:03 (in 59 min)}. */
final class Times {

  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private Times() {}

  static String describe(Instant at, Clock clock) {
    if (at == null) {
      return "unknown";
    }
    ZoneId zone = clock.getZone();
    return FORMAT.format(at.atZone(zone)) + " (" + relative(at, clock) + ")";
  }

  /** {@code in 59 min}, {@code 3 min ago}. */
  static String relative(Instant at, Clock clock) {
    Duration delta = Duration.between(clock.instant(), at);
    boolean past = delta.isNegative();
    Duration size = delta.abs();
    String amount;
    if (size.toMinutes() < 1) {
      amount = size.toSeconds() + " s";
    } else if (size.toHours() < 1) {
      amount = size.toMinutes() + " min";
    } else if (size.toDays() < 1) {
      amount = size.toHours() + " h " + size.toMinutesPart() + " min";
    } else {
      amount = size.toDays() + " days";
    }
    return past ? amount + " ago" : "in " + amount;
  }
}
