package io.github.jyoutube.media;

import io.github.jyoutube.error.ApiException;
import io.github.jyoutube.error.DecodeException;
import io.github.jyoutube.error.MediaException;
import io.github.jyoutube.error.TransportException;
import io.github.jyoutube.error.YouTubeException;
import io.github.jyoutube.http.ClientContext;
import io.github.jyoutube.http.Constructors;
import io.github.jyoutube.http.HttpCall;
import io.github.jyoutube.http.HttpExecutor;
import io.github.jyoutube.http.HttpResult;
import io.github.jyoutube.http.RequestBody;
import io.github.jyoutube.http.RetryPolicy;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One media upload by Google's resumable protocol, which survives dropped connections, server
 * errors and partly kept chunks.
 *
 * <p>It is a state machine: {@link State#NOT_STARTED}; {@link State#INITIATED} once the session is
 * open (a {@code POST} or {@code PUT} of the metadata with {@code uploadType=resumable} answered
 * with the session URI in {@code Location}); {@link State#IN_PROGRESS} while chunks go out; then
 * {@link State#COMPLETE} with the decoded resource, or {@link State#FAILED}.
 *
 * <p>Each chunk is a {@code PUT} to the session with {@code Content-Range: bytes FIRST-LAST/TOTAL}
 * ({@code *} for a total not yet known). A {@code 308} answer's {@code Range: bytes=0-N} says what
 * the server holds, and the next chunk starts at {@code N+1} even if the server kept less than was
 * sent. After a dropped connection, a timeout, or a 5xx or 429 answer, the upload backs off with
 * the client's retry policy and sleeper, asks the server what it holds ({@code PUT}, empty, {@code
 * Content-Range: bytes *}{@code /TOTAL}) and continues from there. Progress means a byte past the
 * furthest the server ever acknowledged in the session: after {@link RetryPolicy#maxRetries()} + 1
 * failed or fruitless attempts without it the upload ends, with the last error, or with a {@link
 * MediaException} when the server kept answering 308 without going further (a server that takes
 * back bytes it acknowledged cannot keep the upload going). A 404 or 410 means the session expired:
 * the upload starts a new session once if it can read its media again from the start, and fails
 * otherwise. Any other 4xx fails it with its typed {@link ApiException}. Every request carries the
 * client's credential, which a 401 renews.
 *
 * <p>{@link #execute()} runs the upload to its end; after a failure, calling it again resumes the
 * session. {@link io.github.jyoutube.YouTubeClient#resumeUpload} continues, in another process, a
 * session whose URI was saved from {@link #sessionUri()}. Not for concurrent use by several
 * threads, except {@link #state()}, {@link #sessionUri()} and {@link #bytesAcknowledged()}.
 *
 * @param <T> the type of the resource the final answer carries ({@link Void} for none)
 */
public final class ResumableUpload<T> {

  /** Where an upload stands. */
  public enum State {
    /** Nothing sent yet. */
    NOT_STARTED,
    /** The session is open: {@link #sessionUri()} is known, no byte sent. */
    INITIATED,
    /** Bytes are being sent. */
    IN_PROGRESS,
    /** The server holds every byte and answered with the resource. */
    COMPLETE,
    /** The last run ended with an exception; {@link #execute()} resumes. */
    FAILED
  }

  /** The slowest link the default timeout allows for: 64 KiB/s. */
  private static final long SLOWEST_BYTES_PER_SECOND = 64 * 1024;

  private static final Pattern RANGE = Pattern.compile("(?:bytes=)?\\s*0-(\\d+)\\s*");

  static {
    Constructors.handOver(
        ResumableUpload.class, Constructors.UploadStart.class, ResumableUpload::start);
    Constructors.handOver(
        ResumableUpload.class, Constructors.UploadResume.class, ResumableUpload::resume);
  }

  private final HttpExecutor executor;
  private final HttpCall initiation;
  private final MediaContent media;
  private final MediaLimits limits;
  private final UploadOptions options;
  private final boolean chunked;
  private final Class<T> responseType;
  private final URI origin;

  private volatile State state;
  private volatile URI sessionUri;
  private volatile long acknowledged;

  /** The most the server of this session ever said it held: only going past it is progress. */
  private long furthest;

  private MediaSource source;
  private boolean askStatus;
  private T result;

  private ResumableUpload(
      HttpExecutor executor,
      HttpCall initiation,
      URI sessionUri,
      URI origin,
      MediaContent media,
      MediaLimits limits,
      UploadOptions options,
      Class<T> responseType) {
    this.executor = executor;
    this.initiation = initiation;
    this.sessionUri = sessionUri;
    this.origin = origin;
    this.media = Objects.requireNonNull(media, "media == null");
    this.limits = limits;
    this.options = Objects.requireNonNull(options, "options == null");
    this.responseType = Objects.requireNonNull(responseType, "responseType == null");
    if (limits != null) {
      limits.check(media);
    }
    this.chunked = options.chunksFor(media);
    if (!chunked && media.length() < 0) {
      throw new IllegalArgumentException(
          "media of unknown length is uploaded in chunks: give its length, or keep chunking on");
    }
    this.state = sessionUri == null ? State.NOT_STARTED : State.INITIATED;
    this.askStatus = sessionUri != null;
  }

  /**
   * An upload that opens its session with {@code initiation} when it starts. The media is checked
   * against {@code limits} now, before any request.
   *
   * @param context the client's executor and base URLs
   * @param initiation the session-opening call: the method's HTTP method, its upload URL with
   *     {@code uploadType=resumable} and its parameters, the metadata as its JSON body (or none),
   *     and its quota cost; the upload adds {@code X-Upload-Content-Type} and {@code
   *     X-Upload-Content-Length}
   * @param media the bytes
   * @param limits what the method accepts, or {@code null} for no check
   * @param options chunking, progress, timeouts
   * @param responseType the resource of the final answer; {@code Void.class} for none
   * @param <T> the type of the answer to the last request
   * @return the upload, not started
   * @throws IllegalArgumentException if the media's type or size is not accepted
   */
  static <T> ResumableUpload<T> start(
      ClientContext context,
      HttpCall initiation,
      MediaContent media,
      MediaLimits limits,
      UploadOptions options,
      Class<T> responseType) {
    Objects.requireNonNull(context, "context == null");
    Objects.requireNonNull(initiation, "initiation == null");
    return new ResumableUpload<>(
        context.executor(),
        initiation,
        null,
        initiation.uri(),
        media,
        limits,
        options,
        responseType);
  }

  /**
   * An upload that continues the session at {@code sessionUri}, begun by another client or process:
   * {@link #execute()} first asks the server what it holds, then sends the rest of {@code media} (a
   * stream is skipped forward to that point). It cannot start a new session: if this one expired,
   * it fails with the typed 404 or 410.
   *
   * @param context the client's executor and base URLs
   * @param sessionUri the session URI, from {@link #sessionUri()} of the upload that began it; an
   *     {@code https} URL, or {@code http} on the host of the client's upload endpoint
   * @param media the same bytes as the upload that began it
   * @param options chunking, progress, timeouts
   * @param responseType the resource of the final answer
   * @param <T> the type of the answer to the last request
   * @return the upload, {@link State#INITIATED}
   */
  static <T> ResumableUpload<T> resume(
      ClientContext context,
      URI sessionUri,
      MediaContent media,
      UploadOptions options,
      Class<T> responseType) {
    Objects.requireNonNull(context, "context == null");
    Objects.requireNonNull(sessionUri, "sessionUri == null");
    URI checked = checkSession(sessionUri, context.upload());
    return new ResumableUpload<>(
        context.executor(), null, checked, context.upload(), media, null, options, responseType);
  }

  /** {@return where the upload stands} */
  public State state() {
    return state;
  }

  /**
   * The session URI, once the session is open. Save it to resume the upload elsewhere.
   *
   * @return the session URI, once the session is open
   */
  public Optional<URI> sessionUri() {
    return Optional.ofNullable(sessionUri);
  }

  /** {@return the bytes the server acknowledged so far} */
  public long bytesAcknowledged() {
    return acknowledged;
  }

  /** {@return the media being uploaded} */
  public MediaContent media() {
    return media;
  }

  /**
   * Opens the session if it is not open yet, without sending media: the way to learn the session
   * URI before the bytes go.
   *
   * @return the session URI
   * @throws YouTubeException if the server refused
   */
  public synchronized URI initiate() {
    if (sessionUri == null) {
      try {
        open();
      } catch (RuntimeException | Error e) {
        state = State.FAILED;
        throw e;
      }
    }
    return sessionUri;
  }

  /**
   * Runs the upload to its end: opens the session if needed, sends every byte the server does not
   * hold, and decodes the final answer. Once complete, returns the same resource again.
   *
   * @return the resource the server answered with ({@code null} for {@code Void})
   * @throws IllegalArgumentException if a stream of unknown length turns out larger than the method
   *     accepts
   * @throws ApiException for an error answer that is not retried, or a retried one that persisted
   * @throws TransportException if the connection kept failing
   * @throws MediaException if the media could not be read, or the server kept answering without
   *     holding a byte past the furthest it had acknowledged
   * @throws DecodeException if an answer could not be read
   */
  public synchronized T execute() {
    if (state == State.COMPLETE) {
      return result;
    }
    try {
      if (source == null) {
        source = media.open(limits);
      }
      if (sessionUri == null) {
        open();
      } else if (state == State.FAILED) {
        askStatus = true;
      }
      return transfer();
    } catch (RuntimeException | Error e) {
      state = State.FAILED;
      throw e;
    }
  }

  /**
   * {@link #execute()} on the client's executor.
   *
   * @return the future answer
   */
  public CompletableFuture<T> executeAsync() {
    return executor.supplyAsync(this::execute);
  }

  /** Opens a session: the metadata goes, the session URI comes back. */
  private void open() {
    HttpCall call = initiation.withHeader("X-Upload-Content-Type", media.type());
    if (media.length() >= 0) {
      call = call.withHeader("X-Upload-Content-Length", String.valueOf(media.length()));
    }
    HttpResult answer = executor.execute(call);
    String location = answer.header("location");
    if (location == null || location.isBlank()) {
      throw new DecodeException(
          "a session URI (no Location header)", answer.statusCode(), answer.bodyText(), null);
    }
    sessionUri = checkSession(call.uri().resolve(location.trim()), origin);
    acknowledged = 0;
    furthest = 0;
    askStatus = false;
    state = State.INITIATED;
  }

  private T transfer() {
    RetryPolicy policy = executor.policy();
    int failures = 0;
    boolean restarted = false;
    long baseBytes = -1;
    long baseNanos = 0;
    while (true) {
      boolean query = askStatus;
      HttpCall call;
      HttpResult answer;
      long sentEnd;
      boolean repeatable = true;
      try {
        if (query) {
          call = put(contentRange(-1, 0, source.total()));
          sentEnd = -1;
          answer = executor.exchange(call, RequestBody.empty(), timeout(0));
        } else {
          MediaSource.Chunk chunk =
              chunked ? source.chunk(acknowledged, options.chunkSize()) : source.rest(acknowledged);
          if (baseBytes < 0) {
            baseBytes = acknowledged;
            baseNanos = System.nanoTime();
          }
          call = put(contentRange(chunk.offset(), chunk.length(), chunk.total()));
          sentEnd = chunk.offset() + chunk.length();
          repeatable = chunk.body().repeatable();
          state = State.IN_PROGRESS;
          answer = executor.exchange(call, chunk.body(), timeout(chunk.length()));
        }
      } catch (IOException e) {
        RuntimeException local = source.takeFailure();
        if (local != null) {
          throw local;
        }
        if (++failures > policy.maxRetries()) {
          throw new TransportException(
              "upload to the session failed after "
                  + (failures - 1)
                  + " retries without progress, "
                  + acknowledged
                  + " bytes acknowledged: "
                  + e,
              e);
        }
        executor.pause(policy.backoff(failures - 1));
        askStatus = true;
        continue;
      }
      int status = answer.statusCode();
      if (status >= 200 && status < 300) { // 200 or 201 with the resource
        T decoded = executor.decode(call, answer, responseType);
        long total = source.total();
        acknowledged = total >= 0 ? total : Math.max(acknowledged, sentEnd);
        result = decoded;
        state = State.COMPLETE;
        report(baseBytes, baseNanos);
        return decoded;
      }
      if (status == 308) {
        long held = held(answer, call);
        long total = source.total();
        if ((total >= 0 && held > total) || (sentEnd >= 0 && held > sentEnd)) {
          throw new DecodeException(
              "the Range of a 308 answer (the server claims bytes that were never sent)",
              status,
              String.valueOf(answer.header("range")),
              null);
        }
        // Progress is a byte past the furthest ever acknowledged: a server that takes back what it
        // held and acknowledges it again has not progressed, and does not renew the budget.
        boolean progressed = held > furthest;
        furthest = Math.max(furthest, held);
        acknowledged = held;
        if (!source.canReadFrom(held)) {
          throw new MediaException(
              "the server holds "
                  + held
                  + " bytes, and the stream cannot go back to that byte; resume with a file",
              null);
        }
        // Every byte is there but the session is not finished: a status query brings the answer.
        boolean allHeld = total >= 0 && held == total;
        askStatus = allHeld;
        if (progressed) {
          failures = 0;
        } else if (!query || allHeld) {
          // A chunk that brought nothing past the furthest byte (the server kept nothing of it, or
          // took back bytes it had acknowledged), or a server that holds all and will not finish:
          // count it, so that such a server cannot keep the upload going forever.
          if (++failures > policy.maxRetries()) {
            throw new MediaException(
                "upload made no progress past byte "
                    + furthest
                    + " (the most the server acknowledged) in "
                    + failures
                    + " attempts; the server now holds "
                    + held
                    + " bytes. The session is kept: execute() again to resume",
                null);
          }
          if (!query) {
            executor.pause(policy.backoff(failures - 1));
          }
        }
        if (baseBytes >= 0) {
          report(baseBytes, baseNanos);
        }
        continue;
      }
      if (status == 404 || status == 410) {
        if (!restarted && initiation != null && source.canReadFrom(0)) {
          restarted = true;
          failures = 0;
          baseBytes = -1;
          open();
          continue;
        }
        throw executor.failure(call, answer);
      }
      if (status == 401 && !repeatable) {
        // The streamed body was spent; the status query renews the credential, then we go on.
        if (++failures > policy.maxRetries()) {
          throw executor.failure(call, answer);
        }
        askStatus = true;
        continue;
      }
      if (executor.retryable(answer)) {
        if (++failures > policy.maxRetries()) {
          throw executor.failure(call, answer);
        }
        Duration delay = executor.retryDelay(answer, failures - 1);
        if (delay == null) {
          throw executor.failure(call, answer);
        }
        executor.pause(delay);
        askStatus = true;
        continue;
      }
      throw executor.failure(call, answer);
    }
  }

  private void report(long baseBytes, long baseNanos) {
    long sent = baseBytes < 0 ? 0 : acknowledged - baseBytes;
    double seconds = baseBytes < 0 ? 0 : (System.nanoTime() - baseNanos) / 1e9;
    double rate = seconds > 0 ? sent / seconds : 0;
    options.progress().progress(acknowledged, source.total(), rate);
  }

  private HttpCall put(String contentRange) {
    return new HttpCall(
            "PUT", sessionUri, Map.of(), null, media.type(), true, HttpCall.Dialect.API, null)
        .withHeader("Content-Range", contentRange);
  }

  /**
   * The {@code Content-Range} of a chunk, or of a status query when {@code length} is 0 or the
   * offset -1.
   */
  static String contentRange(long offset, long length, long total) {
    String of = total >= 0 ? String.valueOf(total) : "*";
    if (offset < 0 || length == 0) {
      return "bytes */" + of;
    }
    return "bytes " + offset + "-" + (offset + length - 1) + "/" + of;
  }

  /** The bytes a 308 answer says the server holds: {@code N+1} for {@code Range: bytes=0-N}. */
  private static long held(HttpResult answer, HttpCall call) {
    String range = answer.header("range");
    if (range == null || range.isBlank()) {
      return 0;
    }
    Matcher matcher = RANGE.matcher(range.toLowerCase(Locale.ROOT));
    if (!matcher.matches()) {
      throw new DecodeException(
          "the Range header of a 308 answer to " + call.describe(), 308, range, null);
    }
    try {
      return Math.addExact(Long.parseLong(matcher.group(1)), 1);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new DecodeException(
          "the Range header of a 308 answer to " + call.describe(), 308, range, e);
    }
  }

  private Duration timeout(long length) {
    if (options.requestTimeout() != null) {
      return options.requestTimeout();
    }
    if (length < 0) {
      return null;
    }
    return executor.requestTimeout().plusSeconds(length / SLOWEST_BYTES_PER_SECOND);
  }

  /**
   * Checks that a session URI is safe to send the credential to: {@code https}, or plain {@code
   * http} on the same host as {@code origin} (a loopback fake or emulator).
   */
  private static URI checkSession(URI session, URI origin) {
    if (!session.isAbsolute() || session.getHost() == null) {
      throw new IllegalArgumentException("the session URI must be absolute: " + describe(session));
    }
    String scheme = session.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("https")) {
      return session;
    }
    if (scheme.equals("http")
        && "http".equalsIgnoreCase(origin.getScheme())
        && session.getHost().equalsIgnoreCase(origin.getHost())) {
      return session;
    }
    throw new IllegalArgumentException(
        "the session URI must use https (plain http only on the upload endpoint's own host): "
            + describe(session));
  }

  private static String describe(URI uri) {
    String text = uri.toString();
    int query = text.indexOf('?');
    return query < 0 ? text : text.substring(0, query);
  }

  @Override
  public String toString() {
    return "ResumableUpload["
        + state
        + ", "
        + media
        + ", "
        + acknowledged
        + " bytes acknowledged"
        + (sessionUri == null ? "" : ", session " + describe(sessionUri))
        + "]";
  }
}
