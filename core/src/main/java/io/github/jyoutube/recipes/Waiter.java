package io.github.jyoutube.recipes;

import io.github.jyoutube.QuotaCost;
import io.github.jyoutube.Sleeper;
import io.github.jyoutube.error.TransportException;
import io.github.jyoutube.http.Durations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A wait for a resource to reach a state, as AWS SDK waiters wait: read it, and while it is not
 * there, sleep (5 s at first, then half as long again each time, at most a minute by default) and
 * read it again, until the state is reached, the resource fails or vanishes, or the deadline
 * passes. Each read is one ordinary call through the client (its retries apply); {@link #onPoll}
 * sees each, with what the reads have cost.
 *
 * <p>The wait never reads more often than its deadline and first delay allow ({@code 2 + deadline /
 * first delay} reads at most), so a clock that does not move cannot make it loop.
 *
 * @param <T> the resource
 */
public final class Waiter<T> {

  /** What a read tells. */
  record Check(Kind kind, String state) {
    enum Kind {
      PENDING,
      REACHED,
      FAILED
    }

    static Check pending(String state) {
      return new Check(Kind.PENDING, state);
    }

    static Check reached(String state) {
      return new Check(Kind.REACHED, state);
    }

    static Check failed(String state) {
      return new Check(Kind.FAILED, state);
    }
  }

  private final String waitedFor;
  private final Supplier<T> read;
  private final Function<T, Check> check;
  private final QuotaCost cost;
  private final Clock clock;
  private final Sleeper sleeper;
  private Duration deadline;
  private Duration firstDelay = Duration.ofSeconds(5);
  private Duration maxDelay = Duration.ofMinutes(1);
  private Consumer<WaitPoll<T>> listener = poll -> {};

  Waiter(
      String waitedFor,
      Supplier<T> read,
      Function<T, Check> check,
      QuotaCost cost,
      Duration deadline,
      Clock clock,
      Sleeper sleeper) {
    this.waitedFor = waitedFor;
    this.read = read;
    this.check = check;
    this.cost = cost;
    this.deadline = deadline;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /**
   * How long to wait at most, from the first read.
   *
   * @param deadline how long to wait at most
   * @return how long to wait at most, from the first read
   */
  public Waiter<T> deadline(Duration deadline) {
    this.deadline = Durations.positive(deadline, "deadline");
    return this;
  }

  /**
   * The sleep before the second read, and the longest sleep; each sleep is half as long again as
   * the one before.
   *
   * @param first the first wait between reads
   * @param max the longest wait between reads
   * @return the sleep before the second read, and the longest sleep; each sleep is half as long
   *     again as the one before
   */
  public Waiter<T> backoff(Duration first, Duration max) {
    Durations.positive(first, "first");
    Durations.positive(max, "max");
    if (max.compareTo(first) < 0) {
      throw new IllegalArgumentException("max " + max + " is shorter than first " + first);
    }
    this.firstDelay = first;
    this.maxDelay = max;
    return this;
  }

  /**
   * Called after every read, on the waiting thread.
   *
   * @param listener told of each read
   * @return called after every read, on the waiting thread
   */
  public Waiter<T> onPoll(Consumer<WaitPoll<T>> listener) {
    this.listener = Objects.requireNonNull(listener, "listener == null");
    return this;
  }

  /** {@return what each read costs} */
  public QuotaCost costPerPoll() {
    return cost;
  }

  /**
   * Waits.
   *
   * @return how the wait ended; a failed, vanished or late resource is an outcome, not an exception
   * @throws io.github.jyoutube.error.YouTubeException if a read fails (after the client's retries)
   * @throws TransportException if the thread is interrupted while it sleeps
   */
  public WaitOutcome<T> await() {
    Instant start = clock.instant();
    Instant end = start.plus(deadline);
    long mostPolls = 2 + deadline.toMillis() / Math.max(1, firstDelay.toMillis());
    Duration delay = firstDelay;
    int polls = 0;
    while (true) {
      T value = read.get();
      polls++;
      long units = (long) polls * cost.units();
      Duration elapsed = Duration.between(start, clock.instant());
      if (value == null) {
        listener.accept(new WaitPoll<>(polls, null, "not found", units, elapsed, Duration.ZERO));
        return new WaitOutcome.Gone<>(waitedFor, polls, units, elapsed);
      }
      Check seen = check.apply(value);
      if (seen.kind() == Check.Kind.REACHED) {
        listener.accept(new WaitPoll<>(polls, value, seen.state(), units, elapsed, Duration.ZERO));
        return new WaitOutcome.Reached<>(waitedFor, value, seen.state(), polls, units, elapsed);
      }
      if (seen.kind() == Check.Kind.FAILED) {
        listener.accept(new WaitPoll<>(polls, value, seen.state(), units, elapsed, Duration.ZERO));
        return new WaitOutcome.Failed<>(waitedFor, value, seen.state(), polls, units, elapsed);
      }
      Duration left = Duration.between(clock.instant(), end);
      if (left.isNegative() || left.isZero() || polls >= mostPolls) {
        listener.accept(new WaitPoll<>(polls, value, seen.state(), units, elapsed, Duration.ZERO));
        return new WaitOutcome.TimedOut<>(waitedFor, value, seen.state(), polls, units, elapsed);
      }
      Duration sleep = delay.compareTo(left) < 0 ? delay : left;
      listener.accept(new WaitPoll<>(polls, value, seen.state(), units, elapsed, sleep));
      try {
        sleeper.sleep(sleep);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TransportException("interrupted while waiting for " + waitedFor, e);
      }
      Duration longer = delay.plus(delay.dividedBy(2));
      delay = longer.compareTo(maxDelay) < 0 ? longer : maxDelay;
    }
  }

  /**
   * Waits, and returns the resource in the state waited for.
   *
   * @return the resource in the state waited for
   * @throws io.github.jyoutube.error.WaitException if it failed, vanished or the deadline passed
   */
  public T awaitOrThrow() {
    return await().orThrow();
  }

  @Override
  public String toString() {
    return "Waiter[" + waitedFor + ", deadline " + deadline + "]";
  }
}
