package io.github.jyoutube.http;

import java.time.Duration;
import java.util.Objects;

/** The check of every duration a builder or option takes: present and longer than zero. */
public final class Durations {

  private Durations() {}

  /**
   * Checks a duration given as {@code name}.
   *
   * @param duration the duration
   * @param name its name, for the messages
   * @return {@code duration}
   * @throws NullPointerException if it is {@code null} ("name == null")
   * @throws IllegalArgumentException if it is zero or negative
   */
  public static Duration positive(Duration duration, String name) {
    Objects.requireNonNull(duration, name + " == null");
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + duration);
    }
    return duration;
  }
}
