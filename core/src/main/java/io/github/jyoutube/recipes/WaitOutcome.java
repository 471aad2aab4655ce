package io.github.jyoutube.recipes;

import io.github.jyoutube.error.WaitException;
import java.time.Duration;

/**
 * How a wait ended: the state was {@link Reached reached}, the resource {@link Failed failed} (a
 * state it cannot leave, such as a rejected upload), it is {@link Gone gone}, or the deadline
 * {@link TimedOut passed}. Each says how many polls the wait made, what they cost and how long it
 * took.
 *
 * <pre>{@code
 * WaitOutcome<Video> outcome = cli.waiters().videoProcessed(id).await();
 * if (outcome instanceof WaitOutcome.Failed<Video> failed) {
 *   System.out.println("upload failed: " + failed.state()); // e.g. rejected (duplicate)
 * }
 * Video video = outcome.orThrow();                          // or a WaitException
 * }</pre>
 *
 * @param <T> the resource waited on
 */
public sealed interface WaitOutcome<T>
    permits WaitOutcome.Reached, WaitOutcome.Failed, WaitOutcome.Gone, WaitOutcome.TimedOut {

  /** {@return what was waited for, such as {@code video abc processed}} */
  String waitedFor();

  /** {@return how many times the resource was read} */
  int polls();

  /** {@return the quota units the reads cost} */
  long quotaUnits();

  /** {@return how long the wait took, by the client's clock} */
  Duration waited();

  /**
   * The resource in the state waited for.
   *
   * @return the resource in the state waited for
   * @throws WaitException if the wait ended otherwise
   */
  T orThrow();

  /**
   * The state was reached.
   *
   * @param waitedFor what was waited for
   * @param value the resource as last read
   * @param state its state, such as {@code processed}
   * @param polls the reads
   * @param quotaUnits what they cost
   * @param waited how long it took
   */
  record Reached<T>(
      String waitedFor, T value, String state, int polls, long quotaUnits, Duration waited)
      implements WaitOutcome<T> {
    @Override
    public T orThrow() {
      return value;
    }
  }

  /**
   * The resource reached a state it cannot leave.
   *
   * @param waitedFor what was waited for
   * @param value the resource as last read
   * @param state that state, such as {@code rejected (duplicate)}
   * @param polls the reads
   * @param quotaUnits what they cost
   * @param waited how long it took
   */
  record Failed<T>(
      String waitedFor, T value, String state, int polls, long quotaUnits, Duration waited)
      implements WaitOutcome<T> {
    @Override
    public T orThrow() {
      throw new WaitException(
          waitedFor, WaitException.Outcome.FAILED, state, polls, quotaUnits, waited);
    }
  }

  /**
   * The resource is not there: deleted, or never visible to the caller.
   *
   * @param waitedFor what was waited for
   * @param polls the reads
   * @param quotaUnits what they cost
   * @param waited how long it took
   */
  record Gone<T>(String waitedFor, int polls, long quotaUnits, Duration waited)
      implements WaitOutcome<T> {
    @Override
    public T orThrow() {
      throw new WaitException(
          waitedFor, WaitException.Outcome.GONE, null, polls, quotaUnits, waited);
    }
  }

  /**
   * The deadline passed (or the most polls were made) before the state was reached.
   *
   * @param waitedFor what was waited for
   * @param value the resource as last read
   * @param state its last state, such as {@code uploaded, processing 40%}
   * @param polls the reads
   * @param quotaUnits what they cost
   * @param waited how long it took
   */
  record TimedOut<T>(
      String waitedFor, T value, String state, int polls, long quotaUnits, Duration waited)
      implements WaitOutcome<T> {
    @Override
    public T orThrow() {
      throw new WaitException(
          waitedFor, WaitException.Outcome.TIMED_OUT, state, polls, quotaUnits, waited);
    }
  }
}
