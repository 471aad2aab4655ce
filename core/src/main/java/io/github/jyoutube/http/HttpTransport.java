package io.github.jyoutube.http;

import java.io.ByteArrayOutputStream;
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
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

/**
 * The one class that sends bytes over HTTP, through {@link java.net.http.HttpClient}.
 *
 * <p>It adds the user agent, asks for gzip and inflates it, applies the request timeout, and
 * refuses a response body larger than its limit instead of buffering it. Request bodies may be
 * streamed ({@link RequestBody}: a slice of an array, a file region, a stream), and a successful
 * response body may be streamed to an output stream ({@link #download}) instead of being held. It
 * knows nothing of retries, credentials or JSON.
 */
public final class HttpTransport {

  private final HttpClient client;
  private final Supplier<HttpClient> streamingClient;
  private volatile HttpClient streaming;
  private final String userAgent;
  private final Duration requestTimeout;
  private final long maxResponseBytes;

  /**
   * Creates the transport.
   *
   * @param client the JDK client that holds the connection pool
   * @param userAgent the {@code User-Agent} header value
   * @param requestTimeout how long one attempt may take, from sending to the end of the body
   * @param maxResponseBytes the largest body accepted, after inflation
   */
  public HttpTransport(
      HttpClient client, String userAgent, Duration requestTimeout, long maxResponseBytes) {
    this(client, () -> client, userAgent, requestTimeout, maxResponseBytes);
  }

  /**
   * Creates the transport with a second client for streamed request bodies and downloads.
   *
   * <p>This lets {@code client} run its internal tasks on its selector thread ({@code
   * executor(Runnable::run)}), which saves a hand-off between threads on every response (see
   * docs/PERFORMANCE.md): safe for calls whose bodies are in memory, whose subscribers never block.
   * A streamed body reads a file or a caller's stream as it is sent, which must not happen on that
   * thread, so uploads and downloads go through {@code streamingClient}, built on first use.
   *
   * @param client the JDK client for calls whose bodies are in memory
   * @param streamingClient makes the JDK client for streamed bodies and downloads, once, on first
   *     use
   * @param userAgent the {@code User-Agent} header value
   * @param requestTimeout how long one attempt may take, from sending to the end of the body
   * @param maxResponseBytes the largest body accepted, after inflation
   */
  public HttpTransport(
      HttpClient client,
      Supplier<HttpClient> streamingClient,
      String userAgent,
      Duration requestTimeout,
      long maxResponseBytes) {
    this.client = Objects.requireNonNull(client, "client == null");
    this.streamingClient = Objects.requireNonNull(streamingClient, "streamingClient == null");
    this.userAgent = Objects.requireNonNull(userAgent, "userAgent == null");
    this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout == null");
    this.maxResponseBytes = maxResponseBytes;
  }

  /** The client for streamed bodies and downloads, made on first use. */
  private HttpClient streaming() {
    HttpClient made = streaming;
    if (made == null) {
      synchronized (this) {
        made = streaming;
        if (made == null) {
          made = Objects.requireNonNull(streamingClient.get(), "streamingClient gave null");
          streaming = made;
        }
      }
    }
    return made;
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
        (body == null ? client : streaming())
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
    HttpResponse<InputStream> response =
        streaming()
            .send(
                request(call, credential, null, requestTimeout),
                HttpResponse.BodyHandlers.ofInputStream());
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
      byte[] body = readBounded(raw);
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

  private byte[] readBounded(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[16384];
    long total = 0;
    for (int n; (n = in.read(buffer)) >= 0; ) {
      total += n;
      if (total > maxResponseBytes) {
        throw new ResponseTooLargeException(maxResponseBytes);
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
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
    String length = info.headers().firstValue("content-length").orElse(null);
    if (length != null) {
      try {
        if (Long.parseLong(length.trim()) > maxResponseBytes) {
          return new LimitedBytes(maxResponseBytes, true, null);
        }
      } catch (NumberFormatException ignored) {
        // A broken Content-Length is left for the stream to settle.
      }
    }
    return new LimitedBytes(maxResponseBytes, false, deadlineNanos);
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

  /** The response body exceeded the transport's limit. */
  static final class ResponseTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    ResponseTooLargeException(long limit) {
      super("response body larger than " + limit + " bytes; refused");
    }
  }

  /**
   * Ends the bodies that outlive their deadline: one daemon thread for every client, which looks at
   * the open bodies every {@value #TICK_MILLIS} ms while there are any and waits while there are
   * none. A body is watched by adding it to a set: a scheduled timer per body cost a timer thread's
   * wake-up per call (docs/PERFORMANCE.md), for a deadline that is seconds away.
   */
  private static final class Deadlines {
    static final long TICK_MILLIS = 25;
    private static final Set<LimitedBytes> OPEN = ConcurrentHashMap.newKeySet();
    private static final Object LOCK = new Object();
    private static volatile boolean idle;
    private static boolean started; // guarded by LOCK

    static void watch(LimitedBytes body) {
      OPEN.add(body);
      if (idle || !started) {
        synchronized (LOCK) {
          if (!started) {
            Thread thread = new Thread(Deadlines::run, "jyoutube-response-deadline");
            thread.setDaemon(true);
            thread.start();
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
            while (OPEN.isEmpty()) {
              LOCK.wait();
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
   * Collects a body into one array, failing as soon as it passes the limit, or when it is not
   * complete by the deadline (a body that stalls or never ends).
   */
  private static final class LimitedBytes implements HttpResponse.BodySubscriber<byte[]> {
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final List<ByteBuffer> buffers = new ArrayList<>();
    private final long limit;
    private final boolean refuseAtOnce;
    private final Long deadlineNanos;
    private long received;
    private volatile Flow.Subscription subscription;

    LimitedBytes(long limit, boolean refuseAtOnce, Long deadlineNanos) {
      this.limit = limit;
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
      }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer item : items) {
        received += item.remaining();
        buffers.add(item);
      }
      if (received > limit) {
        buffers.clear();
        subscription.cancel();
        result.completeExceptionally(new ResponseTooLargeException(limit));
      }
    }

    @Override
    public void onError(Throwable throwable) {
      buffers.clear();
      result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      if (result.isDone()) {
        return;
      }
      byte[] bytes = new byte[(int) received];
      int offset = 0;
      for (ByteBuffer buffer : buffers) {
        int n = buffer.remaining();
        buffer.get(bytes, offset, n);
        offset += n;
      }
      buffers.clear();
      result.complete(bytes);
    }
  }
}
