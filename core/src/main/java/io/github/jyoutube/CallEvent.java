package io.github.jyoutube;

import java.time.Duration;

/**
 * What happens during a call, in order: {@link Started}, then for each attempt {@link Attempt} and
 * {@link Response} (or {@link AttemptFailed}), {@link QuotaCharged} for each request that reached
 * the API, {@link Retry} before each retry, {@link Refresh} when the credential was renewed for it,
 * and always one {@link Finished}. Listeners switch over the records.
 *
 * <p>No event carries a token, a secret, a query string or a body.
 */
public sealed interface CallEvent
    permits CallEvent.Started,
        CallEvent.Attempt,
        CallEvent.Response,
        CallEvent.AttemptFailed,
        CallEvent.Retry,
        CallEvent.Refresh,
        CallEvent.QuotaCharged,
        CallEvent.Finished {

  /** {@return the call the event belongs to} */
  CallInfo call();

  /**
   * The call begins.
   *
   * @param call the call
   */
  record Started(CallInfo call) implements CallEvent {}

  /**
   * An attempt is about to be sent.
   *
   * @param call the call
   * @param attempt the attempt's number, from 1
   */
  record Attempt(CallInfo call, int attempt) implements CallEvent {}

  /**
   * An attempt was answered.
   *
   * @param call the call
   * @param attempt the attempt's number, from 1
   * @param statusCode the HTTP status
   * @param bytes the body's size, after decompression (0 for a download streamed elsewhere)
   * @param latency from sending to the end of the answer
   */
  record Response(CallInfo call, int attempt, int statusCode, long bytes, Duration latency)
      implements CallEvent {}

  /**
   * An attempt got no usable answer: the connection failed, timed out or was reset.
   *
   * @param call the call
   * @param attempt the attempt's number, from 1
   * @param error the failure's type and message
   * @param latency from sending to the failure
   */
  record AttemptFailed(CallInfo call, int attempt, String error, Duration latency)
      implements CallEvent {}

  /**
   * The call is sent again after a wait.
   *
   * @param call the call
   * @param retry the retry's number, from 1
   * @param reason why: the HTTP status, YouTube's reason (such as {@code rateLimitExceeded}), or
   *     the I/O failure's type
   * @param delay how long the client waits first
   */
  record Retry(CallInfo call, int retry, String reason, Duration delay) implements CallEvent {}

  /**
   * The credential was renewed for the call.
   *
   * @param call the call
   * @param reason {@code expiring} (refreshed before it expired) or {@code rejected} (after a 401)
   */
  record Refresh(CallInfo call, String reason) implements CallEvent {}

  /**
   * A request of the call reached the API and was counted against the quota.
   *
   * @param call the call
   * @param bucket the pool the units came from
   * @param units how many
   */
  record QuotaCharged(CallInfo call, QuotaBucket bucket, int units) implements CallEvent {}

  /**
   * The call ended, well or not.
   *
   * @param call the call
   * @param statusCode the last answer's HTTP status, or -1 if none came
   * @param reason YouTube's or OAuth's reason for a failure (such as {@code quotaExceeded}), the
   *     failure's type when it has none, or {@code null} on success
   * @param retries how many times the call was sent again
   * @param quotaUnits the units its requests were counted at, every bucket together
   * @param elapsed from start to end
   * @param failure what the call threw, or {@code null} on success
   */
  record Finished(
      CallInfo call,
      int statusCode,
      String reason,
      int retries,
      long quotaUnits,
      Duration elapsed,
      Throwable failure)
      implements CallEvent {

    /** {@return whether the call succeeded} */
    public boolean succeeded() {
      return failure == null;
    }
  }
}
