package io.github.jyoutube.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.jyoutube.Json;
import io.github.jyoutube.QuotaMeter;
import io.github.jyoutube.Sleeper;
import io.github.jyoutube.error.ApiException;
import io.github.jyoutube.error.DecodeException;
import io.github.jyoutube.error.ErrorBody;
import io.github.jyoutube.error.ErrorDetail;
import io.github.jyoutube.error.OAuthException;
import io.github.jyoutube.error.TransportException;
import io.github.jyoutube.error.YouTubeException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Sends calls with the client's credential, retries what is safe to retry, and turns error answers
 * into the typed exceptions of {@code io.github.jyoutube.error}.
 *
 * <p>Retries happen here and nowhere else: on I/O errors, 429, 500, 502, 503, 504 and the
 * rate-limit reasons, with {@link RetryPolicy backoff} and the server's {@code Retry-After}; never
 * on {@code quotaExceeded} or another 4xx. A request that is not idempotent (a POST) is sent again
 * only when it provably did not reach the server (the connection was never made) or the server
 * refused it unprocessed (429 or a rate-limit reason). A 401 renews the credential once.
 */
public final class HttpExecutor {

  private static final System.Logger LOG = System.getLogger("io.github.jyoutube.http");
  private static final Set<Integer> RETRYABLE_STATUSES = Set.of(429, 500, 502, 503, 504);
  private static final Set<String> RATE_LIMIT_REASONS =
      Set.of("rateLimitExceeded", "userRateLimitExceeded", "userRequestsExceedRateLimit");
  private static final ObjectMapper OAUTH_READER = new ObjectMapper();

  private final HttpTransport transport;
  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final Clock clock;
  private final Authorizer authorizer;
  private final Executor asyncExecutor;
  private final QuotaMeter meter;

  /**
   * Creates the executor.
   *
   * @param transport sends each attempt
   * @param policy how often and how long to back off
   * @param sleeper waits between attempts
   * @param clock reads {@code Retry-After} dates
   * @param authorizer supplies credentials for authenticated calls
   * @param asyncExecutor runs the {@code executeAsync} variants
   * @param meter counts the quota each request spends
   */
  public HttpExecutor(
      HttpTransport transport,
      RetryPolicy policy,
      Sleeper sleeper,
      Clock clock,
      Authorizer authorizer,
      Executor asyncExecutor,
      QuotaMeter meter) {
    this.transport = Objects.requireNonNull(transport, "transport == null");
    this.policy = Objects.requireNonNull(policy, "policy == null");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.authorizer = Objects.requireNonNull(authorizer, "authorizer == null");
    this.asyncExecutor = Objects.requireNonNull(asyncExecutor, "asyncExecutor == null");
    this.meter = Objects.requireNonNull(meter, "meter == null");
  }

  /** The retry policy in force. */
  public RetryPolicy policy() {
    return policy;
  }

  /**
   * Sends {@code call} and decodes a successful JSON answer as {@code type}.
   *
   * @param call what to send
   * @param type the answer's type; {@code Void.class} skips decoding and returns {@code null}
   * @return the decoded answer
   * @throws YouTubeException if the call failed
   */
  public <T> T execute(HttpCall call, Class<T> type) {
    return decode(call, execute(call), type);
  }

  /**
   * Sends {@code call} and returns a successful (2xx or 304) answer as received.
   *
   * @param call what to send
   * @return the answer
   * @throws YouTubeException if the call failed
   */
  public HttpResult execute(HttpCall call) {
    int retries = 0;
    boolean renewed = false;
    while (true) {
      Credential credential = call.authenticated() ? authorizer.header() : null;
      long started = System.nanoTime();
      HttpResult result;
      try {
        result = transport.send(call, credential);
      } catch (IOException e) {
        boolean unsent = neverSent(e);
        if (!unsent) {
          charge(call);
        }
        boolean safe = call.idempotent() || unsent;
        log(call, "failed: " + e, started);
        if (safe && retries < policy.maxRetries()) {
          pause(policy.backoff(retries++));
          continue;
        }
        throw new TransportException(
            call.describe() + " failed" + (safe ? " after " + retries + " retries" : "") + ": " + e,
            e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TransportException(call.describe() + " interrupted", e);
      }
      charge(call);
      int status = result.statusCode();
      log(call, String.valueOf(status), started);
      if ((status >= 200 && status < 300) || status == 304) {
        return result;
      }
      if (status == 401 && credential != null && !renewed) {
        renewed = true;
        if (authorizer.renewAfterRejection(credential)) {
          continue; // a fresh credential; the 401 proved the request was not acted on
        }
      }
      ErrorBody error = ErrorBody.parse(status, result.body(), result.headers());
      boolean rateLimited =
          status == 429
              || error.errors().stream()
                  .map(ErrorDetail::reason)
                  .anyMatch(RATE_LIMIT_REASONS::contains);
      boolean retryable = rateLimited || RETRYABLE_STATUSES.contains(status);
      boolean quota =
          error.errors().stream().map(ErrorDetail::reason).anyMatch("quotaExceeded"::equals);
      if (retryable
          && !quota
          && (call.idempotent() || rateLimited)
          && retries < policy.maxRetries()) {
        Duration delay = delayFor(result, retries);
        if (delay != null) {
          retries++;
          pause(delay);
          continue;
        }
      }
      throw toException(call, error);
    }
  }

  /** {@link #execute(HttpCall, Class)} on the client's executor. */
  public <T> CompletableFuture<T> executeAsync(HttpCall call, Class<T> type) {
    return CompletableFuture.supplyAsync(() -> execute(call, type), asyncExecutor);
  }

  /**
   * Decodes a successful answer.
   *
   * @param call the call that produced it, for messages
   * @param result the answer
   * @param type the type to read; {@code Void.class} returns {@code null}
   * @return the value
   * @throws DecodeException if the body is not JSON of that shape
   */
  public <T> T decode(HttpCall call, HttpResult result, Class<T> type) {
    if (type == Void.class || result.statusCode() == 304) {
      return null;
    }
    if (type == byte[].class) {
      return type.cast(result.body());
    }
    try {
      return Json.parse(result.body(), type);
    } catch (DecodeException e) {
      if (call.dialect() == HttpCall.Dialect.OAUTH) {
        throw DecodeException.withoutBody(type.getSimpleName(), result.statusCode(), e.getCause());
      }
      throw new DecodeException(
          type.getSimpleName(), result.statusCode(), result.bodyText(), e.getCause());
    }
  }

  private void charge(HttpCall call) {
    if (call.quota() != null) {
      meter.record(call.quota());
    }
  }

  private Duration delayFor(HttpResult result, int retries) {
    Duration hinted = retryAfter(result.header("retry-after"));
    if (hinted == null) {
      return policy.backoff(retries);
    }
    // A server that asks for a longer wait than we ever wait is not retried.
    return hinted.compareTo(policy.maxDelay()) <= 0 ? hinted : null;
  }

  private Duration retryAfter(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.trim();
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(text)));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration wait = Duration.between(clock.instant(), at.toInstant());
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (DateTimeParseException notDate) {
        return null;
      }
    }
  }

  private void pause(Duration delay) {
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException("interrupted while waiting to retry", e);
    }
  }

  private static YouTubeException toException(HttpCall call, ErrorBody error) {
    if (call.dialect() == HttpCall.Dialect.OAUTH) {
      JsonNode body = oauthError(error.body());
      if (body != null) {
        JsonNode description = body.get("error_description");
        return new OAuthException(
            body.get("error").asText(),
            description == null || description.isNull() ? null : description.asText(),
            error.statusCode());
      }
    }
    return ApiException.of(error);
  }

  private static JsonNode oauthError(String body) {
    try {
      JsonNode node = OAUTH_READER.readTree(body);
      return node != null && node.path("error").isTextual() ? node : null;
    } catch (IOException notJson) {
      return null;
    }
  }

  /** Whether the request provably never left this machine: the connection was never made. */
  private static boolean neverSent(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof HttpConnectTimeoutException) {
        return true;
      }
    }
    return false;
  }

  private static void log(HttpCall call, String outcome, long startedNanos) {
    if (LOG.isLoggable(Level.DEBUG)) {
      long millis = (System.nanoTime() - startedNanos) / 1_000_000;
      LOG.log(Level.DEBUG, "{0} -> {1} in {2} ms", call.describe(), outcome, millis);
    }
  }
}
