package io.github.jyoutube.error;

import java.time.Duration;
import java.util.Objects;

/**
 * A wait for a resource to reach a state ended otherwise: the resource reached a state it cannot
 * leave (an upload {@code rejected} or {@code failed}, a broadcast {@code revoked}), it vanished,
 * or the deadline passed first.
 *
 * <p>Carries what was waited for, how it ended, the last state seen, how many polls were made and
 * the quota units they cost.
 */
public final class WaitException extends YouTubeException {

  private static final long serialVersionUID = 1L;

  /** How the wait ended. */
  public enum Outcome {
    /** The resource reached a state it cannot leave, other than the one waited for. */
    FAILED,
    /** The resource no longer exists, or was never visible to the caller. */
    GONE,
    /** The deadline passed before the state was reached. */
    TIMED_OUT
  }

  /** What was waited for. */
  private final String waitedFor;

  /** How the wait ended. */
  private final Outcome outcome;

  /** The last state seen, or {@code null}. */
  private final String lastState;

  /** How many polls were made. */
  private final int polls;

  /** The quota units the polls cost. */
  private final long quotaUnits;

  /** How long the wait lasted. */
  private final Duration waited;

  /**
   * Creates the exception.
   *
   * @param waitedFor what was waited for, such as {@code video abc123 processed}
   * @param outcome how the wait ended
   * @param lastState the last state seen, such as {@code rejected (duplicate)}, or {@code null}
   * @param polls how many times the resource was read
   * @param quotaUnits the quota units those reads cost
   * @param waited how long the wait took
   */
  public WaitException(
      String waitedFor,
      Outcome outcome,
      String lastState,
      int polls,
      long quotaUnits,
      Duration waited) {
    super(
        "waiting for "
            + waitedFor
            + ": "
            + describe(outcome)
            + (lastState == null ? "" : ", last seen " + lastState)
            + " ("
            + polls
            + (polls == 1 ? " poll, " : " polls, ")
            + quotaUnits
            + (quotaUnits == 1 ? " quota unit, " : " quota units, ")
            + waited.toMillis()
            + " ms)",
        null);
    this.waitedFor = Objects.requireNonNull(waitedFor, "waitedFor == null");
    this.outcome = Objects.requireNonNull(outcome, "outcome == null");
    this.lastState = lastState;
    this.polls = polls;
    this.quotaUnits = quotaUnits;
    this.waited = Objects.requireNonNull(waited, "waited == null");
  }

  private static String describe(Outcome outcome) {
    return switch (outcome) {
      case FAILED -> "it reached a state it cannot leave";
      case GONE -> "it no longer exists";
      case TIMED_OUT -> "the deadline passed";
    };
  }

  /** {@return what was waited for} */
  public String waitedFor() {
    return waitedFor;
  }

  /** {@return how the wait ended} */
  public Outcome outcome() {
    return outcome;
  }

  /** {@return the last state seen, or {@code null} if none was} */
  public String lastState() {
    return lastState;
  }

  /** {@return how many times the resource was read} */
  public int polls() {
    return polls;
  }

  /** {@return the quota units the reads cost} */
  public long quotaUnits() {
    return quotaUnits;
  }

  /** {@return how long the wait took} */
  public Duration waited() {
    return waited;
  }
}
