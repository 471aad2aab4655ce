package io.github.jyoutube;

import java.util.Objects;

/**
 * What one call of a method costs: units drawn from a bucket.
 *
 * @param bucket the pool the units come from
 * @param units the units one request costs (every page and every failed request costs them again)
 * @param estimated whether Google's documentation gives no figure and this is the documented rule
 *     of thumb (a read about 1, a write about 50)
 */
public record QuotaCost(QuotaBucket bucket, int units, boolean estimated) {

  /**
   * Checks the parts.
   *
   * @param bucket the value for the {@code bucket} record component
   * @param units the value for the {@code units} record component
   * @param estimated the value for the {@code estimated} record component
   */
  public QuotaCost {
    Objects.requireNonNull(bucket, "bucket == null");
    if (units < 0) {
      throw new IllegalArgumentException("units must be >= 0: " + units);
    }
  }
}
