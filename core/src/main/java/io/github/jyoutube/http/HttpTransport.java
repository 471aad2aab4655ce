package io.github.jyoutube.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import java.util.zip.GZIPInputStream;

/**
 * The one class that sends bytes over HTTP, through {@link java.net.http.HttpClient}.
 *
 * <p>It adds the user agent, asks for gzip and inflates it, applies the request timeout, and
 * refuses a response body larger than its limit (after inflation, checked while inflating) instead
 * of buffering it. Bodies held in memory grow with the bytes received, within that limit and a
 * budget every client in the JVM shares (half of the heap; see {@link BodyBuffer}), so that large
 * or hostile answers, one or many at once, end in an {@link IOException} naming the limit rather
 * than an {@link OutOfMemoryError}. Request bodies may be streamed ({@link RequestBody}: a slice of
 * an array, a file region, a stream), and a successful response body may be streamed to an output
 * stream ({@link #download}) instead of being held. It knows nothing of retries, credentials or
 * JSON.
 */
public final class HttpTransport {

  private final JdkClients clients;
  private final String userAgent;
  private final Duration requestTimeout;
  private final long maxResponseBytes;

  /**
   * Creates the transport over one JDK client, borrowed for every call (never closed here).
   *
   * @param client the JDK client that holds the connection pool
   * @param userAgent the {@code User-Agent} header value
   * @param requestTimeout how long one attempt may take, from sending to the end of the body
   * @param maxResponseBytes the largest body accepted, after inflation
   */
  public HttpTransport(
      HttpClient client, String userAgent, Duration requestTimeout, long maxResponseBytes) {
    this(JdkClients.borrowed(client), userAgent, requestTimeout, maxResponseBytes);
  }

  /**
   * Creates the transport over a client's JDK clients, which it asks for on every attempt: once
   * they are closed, an attempt fails with an {@link IllegalStateException}, and the transport
   * holds no reference that would keep them alive. Calls whose bodies are in memory go through
   * {@link JdkClients#api()}; streamed bodies and downloads, which must not run on that client's
   * selector thread, through {@link JdkClients#streaming()}.
   *
   * @param clients the JDK clients
   * @param userAgent the {@code User-Agent} header value
   * @param requestTimeout how long one attempt may take, from sending to the end of the body
   * @param maxResponseBytes the largest body accepted, after inflation
   */
  public HttpTransport(
      JdkClients clients, String userAgent, Duration requestTimeout, long maxResponseBytes) {
    this.clients = Objects.requireNonNull(clients, "clients == null");
    this.userAgent = Objects.requireNonNull(userAgent, "userAgent == null");
    this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout == null");
    this.maxResponseBytes = maxResponseBytes;
  }

  /** {@return the largest response body accepted, after inflation} */
  public long maxResponseBytes() {
    return maxResponseBytes;
  }

  /** {@return how long one attempt may take by default} */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /**
   * Sends one attempt and reads the whole response.
   *
   * @param call what to send
   * @param credential the credential header, or {@code null} to send none
   * @return the response
   * @throws IOException if no complete response arrived, or it exceeded the size limit
   * @throws InterruptedException if the thread was interrupted while waiting
   */
  public HttpResult send(HttpCall call, Credential credential)
      throws IOException, InterruptedException {
    return send(call, credential, null, requestTimeout);
  }

  /**
   * Sends one attempt with a streamed body and reads the whole response.
   *
   * @param call what to send; its {@code body} is ignored when {@code body} is given, its {@code
   *     contentType} is the body's
   * @param credential the credential header, or {@code null} to send none
   * @param body the body to stream, or {@code null} to send the call's own
   * @param timeout how long the attempt may take, sending included; {@code null} for no limit
   * @return the response
   * @throws IOException if no complete response arrived, or it exceeded the size limit
   * @throws InterruptedException if the thread was interrupted while waiting
   */
  public HttpResult send(HttpCall call, Credential credential, RequestBody body, Duration timeout)
      throws IOException, InterruptedException {
    // The JDK's timeout stops at the response headers; the body is held to the same deadline here.
    long deadline = timeout == null ? 0 : System.nanoTime() + timeout.toNanos();
    HttpResponse<byte[]> response =
        (body == null ? clients.api() : clients.streaming())
            .send(
                request(call, credential, body, timeout),
                info -> boundedBody(info, timeout == null ? null : deadline));
    Map<String, List<String>> headers = lowerCaseHeaders(response);
    byte[] bytes = response.body();
    if ("gzip".equalsIgnoreCase(first(headers, "content-encoding")) && bytes.length > 0) {
      bytes = Gzip.inflate(bytes, maxResponseBytes);
    }
    return new HttpResult(response.statusCode(), headers, bytes);
  }

  /**
   * Sends one attempt and streams a successful (2xx) body into {@code sink} as it arrives, never
   * holding more than a small buffer of it; gzip is inflated on the way. Any other answer is read
   * whole (within the size limit) and returned with its body, for the error.
   *
   * <p>The headers, and an error answer's whole body, must arrive within the request timeout, as
   * for {@link #send}. A 2xx body may take longer, as long as it flows: it fails when the reader
   * has waited a whole request timeout for fewer than {@value TimedBodyStream#MIN_PROGRESS_BYTES}
   * bytes (it stopped, or trickles). Time spent writing to {@code sink} is not counted.
   *
   * @param call what to send
   * @param credential the credential header, or {@code null} to send none
   * @param sink receives the body of a 2xx answer; not closed
   * @return the answer; the body of a 2xx answer is empty, its bytes having gone to {@code sink}
   * @throws IOException if no complete response arrived; a failure to write to {@code sink} is a
   *     {@link SinkException}
   * @throws InterruptedException if the thread was interrupted while waiting
   */
  public HttpResult download(HttpCall call, Credential credential, OutputStream sink)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + requestTimeout.toNanos();
    HttpResponse<TimedBodyStream> response =
        clients
            .streaming()
            .send(
                request(call, credential, null, requestTimeout),
                info ->
                    info.statusCode() >= 200 && info.statusCode() < 300
                        ? TimedBodyStream.flowing(requestTimeout)
                        : TimedBodyStream.withDeadline(deadline, requestTimeout));
    Map<String, List<String>> headers = lowerCaseHeaders(response);
    int status = response.statusCode();
    boolean gzip = "gzip".equalsIgnoreCase(first(headers, "content-encoding"));
    try (InputStream raw = response.body()) {
      if (status >= 200 && status < 300) {
        InputStream in = gzip ? new GZIPInputStream(raw, 65536) : raw;
        byte[] buffer = new byte[65536];
        for (int n; (n = readSome(in, buffer)) >= 0; ) {
          try {
            sink.write(buffer, 0, n);
          } catch (IOException e) {
            throw new SinkException(e);
          }
        }
        return new HttpResult(status, headers, new byte[0]);
      }
      byte[] body = readBounded(raw, announcedLength(status, response.headers()));
      if (gzip && body.length > 0) {
        body = Gzip.inflate(body, maxResponseBytes);
      }
      return new HttpResult(status, headers, body);
    }
  }

  private static int readSome(InputStream in, byte[] buffer) throws IOException {
    int n = in.read(buffer);
    while (n == 0) {
      n = in.read(buffer);
    }
    return n;
  }

  private byte[] readBounded(InputStream in, long length) throws IOException {
    if (length > maxResponseBytes) {
      throw new ResponseTooLargeException(maxResponseBytes);
    }
    BodyBuffer body = new BodyBuffer(maxResponseBytes, length);
    try {
      byte[] buffer = new byte[16384];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        body.write(buffer, 0, n);
      }
      return body.toArray();
    } finally {
      body.release();
    }
  }

  private HttpRequest request(
      HttpCall call, Credential credential, RequestBody body, Duration timeout) {
    URI uri = call.uri();
    if (credential != null && credential.inQuery()) {
      uri = URI.create(uri + (uri.getRawQuery() == null ? "?" : "&") + credential.queryParameter());
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .header("User-Agent", userAgent)
            .header("Accept-Encoding", "gzip");
    if (timeout != null) {
      request.timeout(timeout);
    }
    if ("http".equals(uri.getScheme())) {
      // Plain http is only allowed on loopback (the emulator, test fakes): skip the h2c upgrade
      // offer, which such servers ignore and which costs a round of negotiation per connection.
      request.version(HttpClient.Version.HTTP_1_1);
    }
    call.headers().forEach(request::header);
    if (credential != null && !credential.inQuery()) {
      request.header(credential.name(), credential.value());
    }
    if (body != null) {
      if (call.contentType() != null) {
        request.header("Content-Type", call.contentType());
      }
      request.method(call.method(), body.publisher());
    } else if (call.body() != null) {
      if (call.contentType() != null) {
        request.header("Content-Type", call.contentType());
      }
      request.method(call.method(), HttpRequest.BodyPublishers.ofByteArray(call.body()));
    } else if ("GET".equals(call.method())) {
      // Not method("GET", noBody()): a JDK with JDK-8283544 then still sends "Content-Length: 0".
      request.GET();
    } else {
      request.method(call.method(), HttpRequest.BodyPublishers.noBody());
    }
    return request.build();
  }

  private HttpResponse.BodySubscriber<byte[]> boundedBody(
      HttpResponse.ResponseInfo info, Long deadlineNanos) {
    long announced = announcedLength(info.statusCode(), info.headers());
    if (announced > maxResponseBytes) {
      return new LimitedBytes(maxResponseBytes, -1, true, null);
    }
    return new LimitedBytes(maxResponseBytes, announced, false, deadlineNanos);
  }

  /**
   * The body length the headers announce, or -1 when they announce none (or a broken one, left for
   * the stream to settle). A 204 or 304 has no body whatever its Content-Length says.
   */
  private static long announcedLength(int status, java.net.http.HttpHeaders headers) {
    String length = headers.firstValue("content-length").orElse(null);
    if (length == null || status == 204 || status == 304) {
      return -1;
    }
    try {
      long announced = Long.parseLong(length.trim());
      return announced >= 0 ? announced : -1;
    } catch (NumberFormatException broken) {
      return -1;
    }
  }

  private static Map<String, List<String>> lowerCaseHeaders(HttpResponse<?> response) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    response
        .headers()
        .map()
        .forEach(
            (name, values) ->
                headers
                    .computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .addAll(values));
    headers.replaceAll((name, values) -> List.copyOf(values));
    return headers;
  }

  private static String first(Map<String, List<String>> headers, String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** Writing a downloaded body to the caller's sink failed: a local failure, not the network's. */
  public static final class SinkException extends IOException {
    private static final long serialVersionUID = 1L;

    SinkException(IOException cause) {
      super("writing the downloaded body failed: " + cause.getMessage(), cause);
    }
  }

  /**
   * The response body exceeded the transport's limit, or the share of the heap response bodies may
   * use: it would do so again, so the request is not sent again.
   */
  static final class ResponseTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    ResponseTooLargeException(long limit) {
      super("response body larger than " + limit + " bytes (maxResponseBytes); refused");
    }

    ResponseTooLargeException(String message) {
      super(message);
    }
  }

  /**
   * Ends the bodies that outlive their deadline: one daemon thread for every client, which looks at
   * the open bodies every {@value #TICK_MILLIS} ms while there are any, waits while there are none,
   * and ends after {@value #IDLE_EXIT_MILLIS} ms without any (the next body starts another), so
   * that a JVM whose clients are closed or idle keeps no thread of ours. A body is watched by
   * adding it to a set: a scheduled timer per body cost a timer thread's wake-up per call
   * (docs/PERFORMANCE.md), for a deadline that is seconds away.
   */
  private static final class Deadlines {
    static final long TICK_MILLIS = 25;
    static final long IDLE_EXIT_MILLIS = 1000;
    private static final Set<LimitedBytes> OPEN = ConcurrentHashMap.newKeySet();
    private static final Object LOCK = new Object();
    private static volatile boolean idle;
    private static volatile boolean started; // written with LOCK held

    static void watch(LimitedBytes body) {
      OPEN.add(body);
      if (idle || !started) {
        synchronized (LOCK) {
          if (!started) {
            Daemons.thread(Deadlines::run, "jyoutube-response-deadline").start();
            started = true;
          }
          LOCK.notifyAll();
        }
      }
    }

    static void unwatch(LimitedBytes body) {
      OPEN.remove(body);
    }

    private static void run() {
      try {
        while (true) {
          synchronized (LOCK) {
            idle = true;
            long idleSince = System.nanoTime();
            while (OPEN.isEmpty()) {
              long left = IDLE_EXIT_MILLIS - (System.nanoTime() - idleSince) / 1_000_000;
              if (left <= 0) {
                // A body added from now on finds the watcher idle and not started: it starts one.
                started = false;
                return;
              }
              LOCK.wait(left);
            }
            idle = false;
          }
          Thread.sleep(TICK_MILLIS);
          long now = System.nanoTime();
          for (LimitedBytes body : OPEN) {
            if (now - body.deadlineNanos >= 0) {
              body.expire();
            }
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt(); // only at JVM exit: daemons are not interrupted
      }
    }
  }

  /**
   * Collects a body into a {@link BodyBuffer}, failing as soon as it passes the limit or the
   * budget, or when it is not complete by the deadline (a body that stalls or never ends). A body
   * of known length within the limit is collected into one array of that length; otherwise in
   * blocks joined at the end.
   */
  private static final class LimitedBytes implements HttpResponse.BodySubscriber<byte[]> {
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final long limit;
    private final long announced;
    private final boolean refuseAtOnce;
    private final Long deadlineNanos;
    private BodyBuffer body;
    private volatile Flow.Subscription subscription;

    LimitedBytes(long limit, long announced, boolean refuseAtOnce, Long deadlineNanos) {
      this.limit = limit;
      this.announced = announced;
      this.refuseAtOnce = refuseAtOnce;
      this.deadlineNanos = deadlineNanos;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      if (refuseAtOnce) {
        subscription.cancel();
        result.completeExceptionally(new ResponseTooLargeException(limit));
        return;
      }
      try {
        body = new BodyBuffer(limit, announced);
      } catch (IOException e) {
        subscription.cancel();
        result.completeExceptionally(e);
        return;
      }
      if (deadlineNanos != null) {
        Deadlines.watch(this);
        result.whenComplete((bytes, failure) -> Deadlines.unwatch(this));
      }
      subscription.request(Long.MAX_VALUE);
    }

    void expire() {
      if (result.completeExceptionally(
          new HttpTimeoutException("response body not complete within the request timeout"))) {
        subscription.cancel();
        body.release();
      }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (result.isDone()) {
        return;
      }
      try {
        for (ByteBuffer item : items) {
          body.write(item);
        }
      } catch (IOException e) {
        body.release();
        subscription.cancel();
        result.completeExceptionally(e);
      }
    }

    @Override
    public void onError(Throwable throwable) {
      if (body != null) {
        body.release();
      }
      result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      if (result.isDone()) {
        return;
      }
      try {
        result.complete(body.toArray());
      } catch (IOException e) {
        result.completeExceptionally(e);
      } finally {
        body.release();
      }
    }
  }
}
