package io.github.jyoutube.error;

import io.github.jyoutube.QuotaBucket;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A call was not sent because it would have spent more than a daily quota budget the client was
 * given ({@code YouTubeClient.Builder.quotaBudget}, or a {@code quotaUser}'s budget): nothing left
 * the machine and nothing was counted. Carries the bucket, the units already spent under that
 * budget, the budget, the units the call needed, and when the quota day resets (midnight Pacific
 * Time), when the budget is whole again.
 *
 * <p>A client that parks such calls ({@code YouTubeClient.Builder.parkWhenQuotaBudgetSpent}) throws
 * it only when the reset is further off than it may wait, when the call alone costs more than the
 * budget, or when the waiting thread is interrupted (the interrupt is kept).
 */
public final class QuotaBudgetExceededException extends YouTubeException {

  private static final long serialVersionUID = 1L;

  /** The bucket the call draws on. */
  private final QuotaBucket bucket;

  /** The {@code quotaUser} whose budget refused the call, or {@code null} for the project's. */
  private final String quotaUser;

  /** The units the call needed. */
  private final long units;

  /** The units already spent today under the budget that refused the call. */
  private final long spent;

  /** The budget that refused the call. */
  private final long budget;

  /** When the quota day resets. */
  private final Instant resetsAt;

  /**
   * Creates the exception.
   *
   * @param bucket the bucket the call draws on
   * @param quotaUser the {@code quotaUser} whose budget refused the call, or {@code null} for the
   *     project's budget
   * @param units the units the call needed
   * @param spent the units already spent today under that budget
   * @param budget the budget
   * @param resetsAt when the quota day resets: the next midnight, Pacific Time
   * @param why what else to say, such as how long the call waited; or {@code null}
   * @param cause an {@link InterruptedException} when a wait was interrupted, or {@code null}
   */
  public QuotaBudgetExceededException(
      QuotaBucket bucket,
      String quotaUser,
      long units,
      long spent,
      long budget,
      Instant resetsAt,
      String why,
      Throwable cause) {
    super(message(bucket, quotaUser, units, spent, budget, resetsAt, why), cause);
    this.bucket = bucket;
    this.quotaUser = quotaUser;
    this.units = units;
    this.spent = spent;
    this.budget = budget;
    this.resetsAt = resetsAt;
  }

  private static String message(
      QuotaBucket bucket,
      String quotaUser,
      long units,
      long spent,
      long budget,
      Instant resetsAt,
      String why) {
    Objects.requireNonNull(bucket, "bucket == null");
    Objects.requireNonNull(resetsAt, "resetsAt == null");
    return "quota budget of "
        + (quotaUser == null ? "the project" : "quotaUser '" + quotaUser + "'")
        + " in bucket "
        + bucket
        + " would be exceeded: "
        + spent
        + " of "
        + budget
        + " units spent today, the call needs "
        + units
        + "; not sent. The quota day resets at "
        + resetsAt
        + " (midnight Pacific Time)"
        + (why == null ? "" : "; " + why);
  }

  /** {@return the bucket the call draws on} */
  public QuotaBucket bucket() {
    return bucket;
  }

  /** {@return the {@code quotaUser} whose budget refused the call; empty for the project's} */
  public Optional<String> quotaUser() {
    return Optional.ofNullable(quotaUser);
  }

  /** {@return the units the call needed} */
  public long units() {
    return units;
  }

  /** {@return the units already spent today under the budget that refused the call} */
  public long spent() {
    return spent;
  }

  /** {@return the daily budget that refused the call} */
  public long budget() {
    return budget;
  }

  /**
   * {@return when the quota day resets (the next midnight, Pacific Time) and the budget is whole}
   */
  public Instant resetsAt() {
    return resetsAt;
  }
}
