package io.github.jyoutube;

import java.time.Duration;

/**
 * Waits between retries. The client uses {@link #system()}; tests pass one that records the delays
 * instead of sleeping.
 */
@FunctionalInterface
public interface Sleeper {

  /**
   * Waits for {@code duration}.
   *
   * @param duration how long to wait, never negative
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;

  /**
   * A sleeper that blocks the calling thread with {@link Thread#sleep(long)}.
   *
   * @return a sleeper that blocks the calling thread
   */
  static Sleeper system() {
    return duration -> Thread.sleep(duration.toMillis());
  }
}
