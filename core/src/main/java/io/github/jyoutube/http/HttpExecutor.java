package io.github.jyoutube.http;

import io.github.jyoutube.CallInfo;
import io.github.jyoutube.CallInterceptor;
import io.github.jyoutube.CallListener;
import io.github.jyoutube.Json;
import io.github.jyoutube.QuotaMeter;
import io.github.jyoutube.RequestOptions;
import io.github.jyoutube.Sleeper;
import io.github.jyoutube.error.ApiException;
import io.github.jyoutube.error.CallRefusedException;
import io.github.jyoutube.error.DecodeException;
import io.github.jyoutube.error.ErrorBody;
import io.github.jyoutube.error.MediaException;
import io.github.jyoutube.error.OAuthException;
import io.github.jyoutube.error.TransportException;
import io.github.jyoutube.error.YouTubeException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Sends calls with the client's credential, retries what is safe to retry, and turns error answers
 * into the typed exceptions of {@code io.github.jyoutube.error}.
 *
 * <p>Retries happen here and nowhere else: on I/O errors (not on an answer over the size limit),
 * 429, 500, 502, 503, 504 and the rate-limit reasons, with {@link RetryPolicy backoff} and the
 * server's {@code Retry-After}; never on {@code quotaExceeded} or another 4xx. A request that is
 * not idempotent (a POST) is sent again only when it provably did not reach the server (the
 * connection was never made) or the server refused it unprocessed (429 or a rate-limit reason). A
 * 401 renews the credential once.
 *
 * <p>Each attempt's quota units are reserved with the {@link QuotaMeter} before it is sent, so that
 * a daily budget refuses a call before anything leaves; they go back only when the request provably
 * never left (the connection was never made).
 *
 * <p>Two variants serve media: {@link #download} streams a body to an output stream under the same
 * rules, and {@link #exchange} sends one attempt with a streamed body and returns any status, for
 * the resumable upload protocol, which reads 308 answers and decides its own retries with {@link
 * #retryable}, {@link #retryDelay} and {@link #pause}.
 */
public final class HttpExecutor {

  private static final System.Logger LOG = System.getLogger("io.github.jyoutube.http");
  private static final Set<Integer> RETRYABLE_STATUSES = Set.of(429, 500, 502, 503, 504);

  /**
   * What decoding a large answer holds, in multiples of its size: the bytes and the objects made
   * from them (a list answer's records and strings take about three times its JSON).
   */
  private static final long DECODE_FACTOR = 4;

  /**
   * Initializes the logging backend the first call consults (tens of milliseconds), so that a
   * client's first call need not: see {@code YouTubeClient}.
   */
  public static void warmUp() {
    LOG.isLoggable(Level.DEBUG);
  }

  private final HttpTransport transport;
  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final Clock clock;
  private final Authorizer authorizer;
  private final Executor asyncExecutor;
  private final QuotaMeter meter;
  private final RequestOptions defaults;
  private final List<CallListener> listeners;
  private final List<CallInterceptor> interceptors;
  private final ClientLifecycle lifecycle;

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
    this(
        transport,
        policy,
        sleeper,
        clock,
        authorizer,
        asyncExecutor,
        meter,
        List.of(),
        List.of(),
        ClientLifecycle.root(() -> {}));
  }

  /**
   * Creates the executor of a client whose calls end when {@code lifecycle} is closed.
   *
   * @param transport sends each attempt
   * @param policy how often and how long to back off
   * @param sleeper waits between attempts
   * @param clock reads {@code Retry-After} dates
   * @param authorizer supplies credentials for authenticated calls
   * @param asyncExecutor runs the {@code executeAsync} variants
   * @param meter counts the quota each request spends
   * @param listeners receive the events of every call
   * @param interceptors decide the options of every Data API call, in order
   * @param lifecycle checked before every call and every attempt
   */
  public HttpExecutor(
      HttpTransport transport,
      RetryPolicy policy,
      Sleeper sleeper,
      Clock clock,
      Authorizer authorizer,
      Executor asyncExecutor,
      QuotaMeter meter,
      List<CallListener> listeners,
      List<CallInterceptor> interceptors,
      ClientLifecycle lifecycle) {
    this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle == null");
    this.listeners = List.copyOf(listeners);
    this.interceptors = List.copyOf(interceptors);
    this.transport = Objects.requireNonNull(transport, "transport == null");
    this.policy = Objects.requireNonNull(policy, "policy == null");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.authorizer = Objects.requireNonNull(authorizer, "authorizer == null");
    this.asyncExecutor = Objects.requireNonNull(asyncExecutor, "asyncExecutor == null");
    this.meter = Objects.requireNonNull(meter, "meter == null");
    this.defaults = RequestOptions.defaults();
  }

  /**
   * A copy of {@code parent} with other credentials, default options or lifecycle: the same
   * transport, meter and all.
   */
  private HttpExecutor(
      HttpExecutor parent,
      Authorizer authorizer,
      RequestOptions defaults,
      ClientLifecycle lifecycle) {
    this.transport = parent.transport;
    this.policy = parent.policy;
    this.sleeper = parent.sleeper;
    this.clock = parent.clock;
    this.authorizer = authorizer;
    this.asyncExecutor = parent.asyncExecutor;
    this.meter = parent.meter;
    this.defaults = defaults;
    this.listeners = parent.listeners;
    this.interceptors = parent.interceptors;
    this.lifecycle = lifecycle;
  }

  /**
   * An executor that sends through this one's transport, with this one's retries, listeners and
   * quota meter, and with {@code authorizer}'s credentials and {@code defaults}, its calls ending
   * when {@code lifecycle} is closed: for a client's account views and {@code withOptions}. It
   * costs no thread and no connection.
   *
   * @param authorizer the credentials of its calls
   * @param defaults the options of its calls, such as {@code defaults().overriddenBy(options)}
   * @param lifecycle the lifecycle of the derived client
   * @return the derived executor
   */
  public HttpExecutor derive(
      Authorizer authorizer, RequestOptions defaults, ClientLifecycle lifecycle) {
    return new HttpExecutor(
        this,
        Objects.requireNonNull(authorizer, "authorizer == null"),
        Objects.requireNonNull(defaults, "defaults == null"),
        Objects.requireNonNull(lifecycle, "lifecycle == null"));
  }

  /** {@return the lifecycle whose closing ends this executor's calls} */
  public ClientLifecycle lifecycle() {
    return lifecycle;
  }

  /** {@return the options every call gets unless it says otherwise} */
  public RequestOptions defaults() {
    return defaults;
  }

  /**
   * The scopes of the credential calls carry now, as the token endpoint granted them, for messages.
   *
   * @return the scopes, full URLs; empty when unknown
   */
  public List<String> grantedScopes() {
    return authorizer.grantedScopes();
  }

  /** {@return the retry policy in force} */
  public RetryPolicy policy() {
    return policy;
  }

  /**
   * Sends {@code call} and decodes a successful JSON answer as {@code type}.
   *
   * @param call what to send
   * @param type the answer's type; {@code Void.class} skips decoding and returns {@code null}
   * @param <T> the answer's type
   * @return the decoded answer
   * @throws YouTubeException if the call failed
   */
  public <T> T execute(HttpCall call, Class<T> type) {
    return execute(call, type, Invocation.none());
  }

  /**
   * {@link #execute(HttpCall, Class)} for {@code invocation}: under its options, over the
   * executor's defaults (their timeout per attempt, retry count and headers; the call's own headers
   * win), and named by its method id to the listeners.
   *
   * @param call what to send
   * @param type the answer's type
   * @param invocation the method and options
   * @param <T> the type of item
   * @return the decoded answer
   */
  public <T> T execute(HttpCall call, Class<T> type, Invocation invocation) {
    lifecycle.ensureOpen();
    Observation observation = Observation.start(listeners, call, invocation.methodId());
    try {
      T value =
          decode(call, send(call, invocation.methodId(), invocation.options(), observation), type);
      observation.finished();
      return value;
    } catch (RuntimeException | Error e) {
      observation.failed(e);
      throw e;
    }
  }

  /**
   * Sends {@code call} and returns a successful (2xx or 304) answer as received.
   *
   * @param call what to send
   * @return the answer
   * @throws YouTubeException if the call failed
   */
  public HttpResult execute(HttpCall call) {
    return execute(call, Invocation.none());
  }

  /**
   * {@link #execute(HttpCall)} for {@code invocation}: under its options and named by its method.
   *
   * @param call what to send
   * @param invocation the method and options
   * @return the answer
   */
  public HttpResult execute(HttpCall call, Invocation invocation) {
    lifecycle.ensureOpen();
    Observation observation = Observation.start(listeners, call, invocation.methodId());
    try {
      HttpResult result = send(call, invocation.methodId(), invocation.options(), observation);
      observation.finished();
      return result;
    } catch (RuntimeException | Error e) {
      observation.failed(e);
      throw e;
    }
  }

  private HttpResult send(
      HttpCall call, String methodId, RequestOptions options, Observation observation) {
    RequestOptions effective = options == null ? defaults : defaults.overriddenBy(options);
    HttpCall sent = call;
    if (!interceptors.isEmpty() && call.dialect() == HttpCall.Dialect.API) {
      // The interceptors see the quotaUser the URL carries (a request's own wins over options').
      String quotaUser = call.quotaUser();
      effective =
          intercept(
              call,
              methodId,
              new RequestOptions(
                  effective.timeout(), effective.maxRetries(), effective.headers(), quotaUser),
              observation);
      if (!Objects.equals(effective.quotaUser(), quotaUser)) {
        sent = sent.withQueryParameter("quotaUser", effective.quotaUser());
      }
    }
    HttpCall request = withHeaders(sent, effective);
    Duration timeout = effective.timeout();
    return run(
        request,
        policy(effective),
        credential ->
            timeout == null
                ? transport.send(request, credential)
                : transport.send(request, credential, null, timeout),
        () -> true,
        observation);
  }

  /**
   * The options the interceptors give {@code call}, each over the one before, starting from {@code
   * options}. An interceptor that throws, or returns {@code null}, refuses the call before anything
   * is sent or reserved.
   */
  private RequestOptions intercept(
      HttpCall call, String methodId, RequestOptions options, Observation observation) {
    if (interceptors.isEmpty() || call.dialect() != HttpCall.Dialect.API) {
      return options;
    }
    CallInfo info = observation.info(call, methodId);
    RequestOptions result = options;
    for (CallInterceptor interceptor : interceptors) {
      try {
        result = interceptor.intercept(info, result);
      } catch (RuntimeException e) {
        throw new CallRefusedException(info.methodId(), e);
      }
      if (result == null) {
        throw new CallRefusedException(
            info.methodId(),
            new IllegalStateException("the interceptor " + interceptor + " returned no options"));
      }
    }
    return result;
  }

  private RetryPolicy policy(RequestOptions effective) {
    return effective.maxRetries() == null ? policy : policy.withMaxRetries(effective.maxRetries());
  }

  /** The call with the options' headers it does not set itself. */
  private static HttpCall withHeaders(HttpCall call, RequestOptions options) {
    if (call.dialect() != HttpCall.Dialect.API || options.headers().isEmpty()) {
      return call;
    }
    HttpCall with = call;
    for (Map.Entry<String, String> header : options.headers().entrySet()) {
      boolean present =
          call.headers().keySet().stream().anyMatch(name -> name.equalsIgnoreCase(header.getKey()));
      if (!present) {
        with = with.withHeader(header.getKey(), header.getValue());
      }
    }
    return with;
  }

  /**
   * Sends {@code call} (a GET) and streams a successful body into {@code sink}, with the same
   * credentials, retries and errors as {@link #execute(HttpCall)}. A failure after the first byte
   * reached {@code sink} is not retried, since the sink cannot take the bytes back.
   *
   * @param call what to send
   * @param sink receives the body; not closed
   * @return the number of bytes written to {@code sink}
   * @throws YouTubeException if the call failed; {@link MediaException} if writing to {@code sink}
   *     failed
   */
  public long download(HttpCall call, OutputStream sink) {
    Objects.requireNonNull(sink, "sink == null");
    lifecycle.ensureOpen();
    CountingOutputStream counting = new CountingOutputStream(sink);
    Observation observation = Observation.start(listeners, call, null);
    try {
      HttpCall sent = withHeaders(call, intercept(call, null, defaults, observation));
      run(
          sent,
          policy(defaults),
          credential -> transport.download(sent, credential, counting),
          () -> counting.count == 0,
          observation);
      observation.finished();
    } catch (RuntimeException | Error e) {
      observation.failed(e);
      throw e;
    }
    return counting.count;
  }

  /**
   * Sends one attempt of {@code call} with a streamed body and returns the answer whatever its
   * status, for protocols that read statuses such as 308 themselves (resumable uploads). The
   * credential is attached, and a 401 renews it and sends again once when the body is repeatable.
   * Nothing else is retried here: the caller decides, with {@link #retryable}, {@link #retryDelay}
   * and {@link #pause}.
   *
   * @param asked the method, URL, headers and content type
   * @param body the body to stream
   * @param timeout how long the attempt may take, sending included; {@code null} for no limit
   * @return the answer, any status
   * @throws IOException if no answer arrived
   * @throws TransportException if the thread was interrupted
   */
  public HttpResult exchange(HttpCall asked, RequestBody body, Duration timeout)
      throws IOException {
    Objects.requireNonNull(body, "body == null");
    lifecycle.ensureOpen();
    Observation observation = Observation.start(listeners, asked, null);
    boolean renewed = false;
    try {
      HttpCall call = withHeaders(asked, intercept(asked, null, defaults, observation));
      while (true) {
        lifecycle.ensureOpen();
        QuotaMeter.Reservation reservation = reserve(call);
        Credential credential = credential(call, observation, reservation);
        long started = System.nanoTime();
        observation.attempt();
        HttpResult result;
        try {
          result = transport.send(call, credential, body, timeout);
        } catch (IOException e) {
          if (!neverSent(e)) {
            charge(call, observation);
          } else {
            reservation.refund();
          }
          log(call, "failed: " + e, started);
          observation.attemptFailed(e, started);
          observation.failed(e);
          throw e;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new TransportException(call.describe() + " interrupted", e);
        }
        log(call, String.valueOf(result.statusCode()), started);
        observation.response(result.statusCode(), result.body().length, started);
        charge(call, observation);
        if (result.statusCode() == 401 && credential != null && !renewed && body.repeatable()) {
          renewed = true;
          if (renew(credential, observation)) {
            continue;
          }
        }
        observation.finished();
        return result;
      }
    } catch (RuntimeException | Error e) {
      observation.failed(e);
      throw e;
    }
  }

  /**
   * Whether an error answer may succeed when sent again: 429, 500, 502, 503, 504 or a rate-limit
   * reason, and not {@code quotaExceeded}.
   *
   * @param result the error answer
   * @return whether sending it again may succeed
   */
  public boolean retryable(HttpResult result) {
    ErrorBody error = ErrorBody.parse(result.statusCode(), result.body(), result.headers());
    return retryable(error);
  }

  /**
   * How long to wait before retry {@code retries} (from 0) after {@code result}: the server's
   * {@code Retry-After}, else the policy's backoff.
   *
   * @param result the error answer
   * @param retries the retries made so far
   * @return the delay, or {@code null} when the server asks for a longer wait than the policy ever
   *     waits (do not retry)
   */
  public Duration retryDelay(HttpResult result, int retries) {
    return delayFor(result, retries);
  }

  /**
   * Waits with the client's sleeper.
   *
   * @param delay how long to wait
   * @throws TransportException if the thread is interrupted
   */
  public void pause(Duration delay) {
    sleep(delay);
  }

  /**
   * The typed exception for an error answer to {@code call}.
   *
   * @param call the call that failed
   * @param result the error answer
   * @return the exception to throw
   */
  public YouTubeException failure(HttpCall call, HttpResult result) {
    return toException(call, ErrorBody.parse(result.statusCode(), result.body(), result.headers()));
  }

  /** {@return the transport's default time limit for one attempt} */
  public Duration requestTimeout() {
    return transport.requestTimeout();
  }

  /** {@return the executor that runs asynchronous calls} */
  public Executor asyncExecutor() {
    return asyncExecutor;
  }

  /** Sends one attempt. */
  @FunctionalInterface
  private interface Attempt {
    HttpResult send(Credential credential) throws IOException, InterruptedException;
  }

  private HttpResult run(
      HttpCall call,
      RetryPolicy policy,
      Attempt attempt,
      BooleanSupplier resendable,
      Observation observation) {
    int retries = 0;
    boolean renewed = false;
    while (true) {
      lifecycle.ensureOpen(); // a retry after close ends here, with the reason
      QuotaMeter.Reservation reservation = reserve(call);
      Credential credential = credential(call, observation, reservation);
      long started = System.nanoTime();
      observation.attempt();
      HttpResult result;
      try {
        result = attempt.send(credential);
      } catch (HttpTransport.SinkException e) {
        charge(call, observation);
        log(call, "failed: " + e, started);
        observation.attemptFailed(e, started);
        throw new MediaException(call.describe() + ": " + e.getMessage(), e.getCause());
      } catch (IOException e) {
        boolean unsent = neverSent(e);
        if (!unsent) {
          charge(call, observation);
        } else {
          reservation.refund();
        }
        boolean safe = (call.idempotent() || unsent) && resendable.getAsBoolean() && !tooLarge(e);
        log(call, "failed: " + e, started);
        observation.attemptFailed(e, started);
        if (safe && retries < policy.maxRetries()) {
          Duration wait = policy.backoff(retries++);
          observation.retry(e.getClass().getSimpleName(), wait);
          sleep(wait);
          continue;
        }
        throw new TransportException(
            call.describe() + " failed" + (safe ? " after " + retries + " retries" : "") + ": " + e,
            e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TransportException(call.describe() + " interrupted", e);
      }
      int status = result.statusCode();
      log(call, String.valueOf(status), started);
      observation.response(status, result.body().length, started);
      charge(call, observation);
      if ((status >= 200 && status < 300) || status == 304) {
        return result;
      }
      if (status == 401 && credential != null && !renewed) {
        renewed = true;
        if (renew(credential, observation)) {
          continue; // a fresh credential; the 401 proved the request was not acted on
        }
      }
      ErrorBody error = ErrorBody.parse(status, result.body(), result.headers());
      if (retryable(error)
          && (call.idempotent() || error.rateLimited())
          && retries < policy.maxRetries()) {
        Duration delay = delayFor(result, retries);
        if (delay != null) {
          retries++;
          String reason = error.errors().isEmpty() ? null : error.errors().get(0).reason();
          observation.retry(reason != null ? reason : String.valueOf(status), delay);
          sleep(delay);
          continue;
        }
      }
      throw toException(call, error);
    }
  }

  /**
   * The credential for the next attempt of {@code call}, noting a refresh it took (the refresh runs
   * on a refresher thread and may be shared with other calls waiting for it).
   */
  private Credential credential(HttpCall call, Observation observation) {
    if (!call.authenticated()) {
      return null;
    }
    if (!observation.active()) {
      return authorizer.header();
    }
    long before = authorizer.refreshes();
    Credential credential = authorizer.header();
    if (authorizer.refreshes() != before) {
      observation.refresh("expiring");
    }
    return credential;
  }

  /** Renews a credential the API rejected, noting the refresh when it took one. */
  private boolean renew(Credential rejected, Observation observation) {
    long before = authorizer.refreshes();
    boolean renewed = authorizer.renewAfterRejection(rejected);
    if (renewed && authorizer.refreshes() != before) {
      observation.refresh("rejected");
    }
    return renewed;
  }

  private static boolean retryable(ErrorBody error) {
    return !error.quotaExceeded()
        && (error.rateLimited() || RETRYABLE_STATUSES.contains(error.statusCode()));
  }

  /**
   * {@link #execute(HttpCall, Class)} on the client's executor.
   *
   * @param <T> the answer's type
   * @param call what to send
   * @param type the answer's type; {@code Void.class} skips decoding
   * @return the future answer
   */
  public <T> CompletableFuture<T> executeAsync(HttpCall call, Class<T> type) {
    return executeAsync(call, type, Invocation.none());
  }

  /**
   * {@link #execute(HttpCall, Class, Invocation)} on the client's executor.
   *
   * @param <T> the type of item
   * @param call the call
   * @param type the type
   * @param invocation the invocation
   * @return {@link #execute(HttpCall, Class, Invocation)} on the client's executor
   */
  public <T> CompletableFuture<T> executeAsync(
      HttpCall call, Class<T> type, Invocation invocation) {
    return supplyAsync(() -> execute(call, type, invocation));
  }

  /**
   * Runs {@code work} on the client's executor, once this client is found open: a call made after
   * {@code close()} throws at once, on the caller's thread, as {@code execute()} does.
   *
   * @param <T> the work's result
   * @param work the call to make
   * @return the future result
   * @throws IllegalStateException if the client is closed
   */
  public <T> CompletableFuture<T> supplyAsync(Supplier<T> work) {
    lifecycle.ensureOpen();
    return CompletableFuture.supplyAsync(work, asyncExecutor);
  }

  /**
   * Decodes a successful answer.
   *
   * @param call the call that produced it, for messages
   * @param result the answer
   * @param type the type to read; {@code Void.class} returns {@code null}
   * @param <T> the type to read
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
    byte[] body = result.body();
    long share = body.length <= BodyBuffer.MAX_BLOCK ? 0 : DECODE_FACTOR * body.length;
    try {
      if (share > 0 && !BodyBuffer.Budget.await(share, transport.requestTimeout().toNanos())) {
        throw new TransportException(
            call.describe()
                + ": no room to decode an answer of "
                + body.length
                + " bytes within the request timeout (response bodies may use half of the heap,"
                + " and other answers hold it)",
            null);
      }
    } catch (IOException tooLarge) {
      throw new TransportException(
          call.describe()
              + ": an answer of "
              + body.length
              + " bytes needs about "
              + share
              + " to decode: "
              + tooLarge.getMessage()
              + "; lower maxResponseBytes or raise the heap",
          tooLarge);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException(call.describe() + " interrupted", e);
    }
    try {
      return Json.parse(body, type);
    } catch (OutOfMemoryError e) {
      // The budget's estimate fell short, or the rest of the program holds the heap: this answer
      // is refused, the program goes on (what was decoded is garbage now).
      throw new TransportException(
          call.describe()
              + ": an answer of "
              + body.length
              + " bytes did not fit in the heap once decoded (maxResponseBytes is "
              + transport.maxResponseBytes()
              + "); refused",
          e);
    } catch (DecodeException e) {
      if (call.dialect() == HttpCall.Dialect.OAUTH) {
        throw DecodeException.withoutBody(type.getSimpleName(), result.statusCode(), e.getCause());
      }
      throw new DecodeException(
          type.getSimpleName(), result.statusCode(), result.bodyText(), e.getCause());
    } finally {
      BodyBuffer.Budget.release(share);
    }
  }

  /**
   * Reserves the units of one attempt before it is sent: a budget that refuses ends the call here,
   * with nothing sent.
   */
  private QuotaMeter.Reservation reserve(HttpCall call) {
    return call.quota() == null
        ? QuotaMeter.Reservation.none()
        : meter.reserve(call.quota(), call.quotaUser());
  }

  /**
   * The credential for an attempt whose units are reserved: taken after the reservation, so that a
   * call the budget refuses refreshes no token, and one that waited for the quota day to reset gets
   * a credential that has not outlived the wait. The units go back if none can be had, since
   * nothing was sent.
   */
  private Credential credential(
      HttpCall call, Observation observation, QuotaMeter.Reservation reservation) {
    try {
      return credential(call, observation);
    } catch (RuntimeException | Error e) {
      reservation.refund();
      throw e;
    }
  }

  /** Tells the listeners that an attempt's units, reserved before it was sent, stay spent. */
  private void charge(HttpCall call, Observation observation) {
    if (call.quota() != null) {
      observation.charged(call.quota());
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

  private void sleep(Duration delay) {
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException("interrupted while waiting to retry", e);
    }
  }

  private static YouTubeException toException(HttpCall call, ErrorBody error) {
    if (call.dialect() == HttpCall.Dialect.OAUTH) {
      Map<?, ?> body = oauthError(error.body());
      if (body != null) {
        Object description = body.get("error_description");
        return new OAuthException(
            (String) body.get("error"),
            description == null ? null : description.toString(),
            error.statusCode());
      }
    }
    return ApiException.of(error);
  }

  /** The OAuth error object ({@code {"error": "invalid_grant", ...}}), or null if it is not one. */
  private static Map<?, ?> oauthError(String body) {
    try {
      return Json.tree(body) instanceof Map<?, ?> map && map.get("error") instanceof String
          ? map
          : null;
    } catch (DecodeException notJson) {
      return null;
    }
  }

  /**
   * Whether the request provably never left this machine: the connection was never made. Only then
   * is a request that is not idempotent sent again.
   *
   * @param e the failure
   * @return whether the request was never sent
   */
  public static boolean neverSent(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof HttpConnectTimeoutException) {
        return true;
      }
    }
    return false;
  }

  /** An answer over the size limit would be over it again: the request is not sent again. */
  private static boolean tooLarge(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof HttpTransport.ResponseTooLargeException) {
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

  /** Counts the bytes written through it. */
  private static final class CountingOutputStream extends FilterOutputStream {
    private long count;

    CountingOutputStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
      count += length;
    }
  }
}
