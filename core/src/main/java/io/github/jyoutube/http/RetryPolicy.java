package io.github.jyoutube.http;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how long to wait before retrying: exponential backoff with full jitter.
 *
 * <p>The delay before retry {@code n} (from 0) is a random duration between zero and {@code
 * min(maxDelay, baseDelay * 2^n)}. A {@code Retry-After} the server sent replaces it, as long as it
 * is no longer than {@code maxDelay}; a longer one ends the retries.
 *
 * @param maxRetries how many times a request is sent again at most, 0 for never
 * @param baseDelay the first backoff ceiling
 * @param maxDelay the largest delay ever waited
 */
public record RetryPolicy(int maxRetries, Duration baseDelay, Duration maxDelay) {

  /**
   * Checks the bounds.
   *
   * @param maxRetries the value for the {@code maxRetries} record component
   * @param baseDelay the value for the {@code baseDelay} record component
   * @param maxDelay the value for the {@code maxDelay} record component
   */
  public RetryPolicy {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must be >= 0: " + maxRetries);
    }
    Objects.requireNonNull(baseDelay, "baseDelay == null");
    Objects.requireNonNull(maxDelay, "maxDelay == null");
    if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
      throw new IllegalArgumentException("need 0 <= baseDelay <= maxDelay");
    }
  }

  /**
   * Five retries, from 0.5 s up to 32 s.
   *
   * @return the default policy
   */
  public static RetryPolicy defaults() {
    return new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(32));
  }

  /**
   * This policy with another retry count.
   *
   * @param retries the most retries
   * @return a copy with that retry count
   */
  public RetryPolicy withMaxRetries(int retries) {
    return new RetryPolicy(retries, baseDelay, maxDelay);
  }

  /**
   * The backoff before retry {@code retry} (0 for the first), without a server hint.
   *
   * @param retry how many retries came before this one
   * @return a duration in {@code [0, min(maxDelay, baseDelay * 2^retry)]}
   */
  public Duration backoff(int retry) {
    long ceiling = baseDelay.toMillis() << Math.min(retry, 30);
    long capped = Math.min(maxDelay.toMillis(), ceiling < 0 ? Long.MAX_VALUE : ceiling);
    return Duration.ofMillis(ThreadLocalRandom.current().nextLong(capped + 1));
  }
}
