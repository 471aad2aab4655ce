package io.github.jyoutube.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.jyoutube.Endpoints;
import io.github.jyoutube.QuotaBucket;
import io.github.jyoutube.Sleeper;
import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.emulator.Exchange.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local emulator of Google's OAuth 2.0 endpoints and of the YouTube Data API v3, on {@code
 * 127.0.0.1}, at Google's paths under one base: point a client at {@code
 * Endpoints.at(emulator.baseUri())}.
 *
 * <pre>{@code
 * try (YouTubeEmulator emulator = YouTubeEmulator.builder().autoApprove(true).start()) {
 *   YouTubeClient cli = YouTubeClient.builder()
 *       .clientId(YouTubeEmulator.CLIENT_ID).clientSecret(YouTubeEmulator.CLIENT_SECRET)
 *       .endpoints(emulator.endpoints()).build();
 *   ...
 * }
 * }</pre>
 *
 * <p>It starts with a seeded dataset (see {@link Account}), keeps state in memory, or with {@link
 * Builder#dataDirectory(Path)} in an H2 database that survives restarts.
 */
public final class YouTubeEmulator implements AutoCloseable {

  /** The seeded OAuth client's ID. */
  public static final String CLIENT_ID = OAuthClientRegistration.SEEDED_CLIENT_ID;

  /** The seeded OAuth client's secret. */
  public static final String CLIENT_SECRET = OAuthClientRegistration.SEEDED_CLIENT_SECRET;

  /** The seeded live broadcast (Alice's), which is also a video of that id. */
  public static final String SEEDED_BROADCAST_ID = "aliceLive01";

  /** The seeded broadcast's live chat. */
  public static final String SEEDED_LIVE_CHAT_ID =
      "Cg0KC2FsaWNlTGl2ZTAxKicKGFVDYWxpY2UwZW11bGF0b3IwY2hhbm5lbBILYWxpY2VMaXZlMDE";

  /** The default daily quota of the shared pool. */
  public static final long DEFAULT_DAILY_QUOTA = 10_000;

  private static final long MAX_JSON_BODY = 16L * 1024 * 1024;

  /** The most requests read at once, each on its own thread; slow clients beyond it wait. */
  private static final int MAX_THREADS = 256;

  static {
    // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's
    // delayed ACK: about 40 ms per response. Read when the first server is created.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final Settings config;
  private HttpServer server;
  private ThreadPoolExecutor executor;
  private Store store;
  private Backend backend;
  private URI baseUri;
  private ChatStreams chatStreams;
  private URI grpcUri;
  private boolean closed;

  private YouTubeEmulator(Settings config) {
    this.config = config;
  }

  /**
   * Starts an emulator with the defaults, on a free port.
   *
   * @return the running emulator
   */
  public static YouTubeEmulator start() {
    return builder().build().start();
  }

  /**
   * A builder; every setting has a default.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Opens the data directory (seeding it the first time) and listens. */
  private YouTubeEmulator listen() {
    store = config.dataDirectory == null ? Store.inMemory() : Store.open(config.dataDirectory);
    try {
      Map<String, OAuthClientRegistration> clients = new LinkedHashMap<>();
      clients.put(OAuthClientRegistration.SEEDED.clientId(), OAuthClientRegistration.SEEDED);
      config.clients.forEach(c -> clients.put(c.clientId(), c));
      Quota quota =
          new Quota(config.clock, config.dailyQuota, config.searchCalls, config.uploadCalls);
      backend =
          new Backend(
              store,
              config.clock,
              config.autoApprove,
              clients,
              config.deviceInterval,
              quota,
              config.push);
      backend.processingTime = config.processingTime;
      backend.transitionTime = config.transitionTime;
      server =
          HttpServer.create(
              new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port), 64);
      AtomicInteger count = new AtomicInteger();
      // The JDK's server reads each request, headers and body, on an executor thread: with a fixed
      // few threads, as many slow clients would hold them all and every other client would wait.
      // Threads grow with the requests being read at once, up to MAX_THREADS; the backend still
      // answers one request at a time.
      executor =
          new ThreadPoolExecutor(
              config.threads,
              Math.max(config.threads, MAX_THREADS),
              30,
              TimeUnit.SECONDS,
              new SynchronousQueue<>(),
              task -> {
                Thread thread = new Thread(task, "jyoutube-emulator-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
              },
              new ThreadPoolExecutor.CallerRunsPolicy());
      server.setExecutor(executor);
      server.createContext("/", this::serve);
      server.start();
      baseUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
      backend.base(baseUri.toString());
      backend.liveChats.pollingInterval(config.chatPollingInterval);
      chatStreams = new ChatStreams(backend);
      grpcUri = URI.create("http://127.0.0.1:" + chatStreams.start(config.grpcPort));
      return this;
    } catch (IOException e) {
      store.close();
      throw new UncheckedIOException("cannot start the emulator on port " + config.port, e);
    } catch (RuntimeException e) {
      if (server != null) {
        server.stop(0);
        executor.shutdownNow();
      }
      store.close();
      throw e;
    }
  }

  private void serve(HttpExchange http) throws IOException {
    Exchange ex = null;
    try {
      String path = http.getRequestURI().getPath();
      boolean upload = path != null && path.contains("upload/youtube/v3/");
      long limit = upload ? config.maxUploadBytes + MAX_JSON_BODY : MAX_JSON_BODY;
      String length = http.getRequestHeaders().getFirst("Content-Length");
      if (length != null && parseLong(length) > limit) {
        refuseTooLarge(http, limit);
        return;
      }
      try {
        // An upload's media goes to disk as it arrives, never whole into memory.
        ex = Exchange.read(http, limit, upload ? store.files() : null);
      } catch (Exchange.BodyTooLargeException e) {
        refuseTooLarge(http, limit);
        return;
      }
      ex.send(backend.handle(ex));
    } catch (Spool.StorageException e) {
      unavailable(http, "The emulator could not store the upload: " + e.getCause().getMessage());
    } catch (OutOfMemoryError e) {
      // Answered all the same: a client must not wait for an answer that never comes.
      unavailable(http, "The emulator ran out of memory.");
    } catch (IOException | RuntimeException e) {
      http.close();
      if (e instanceof IOException io) {
        throw io;
      }
    } finally {
      if (ex != null) {
        ex.discard();
      }
    }
  }

  /** Answers 503 if no answer was sent yet, and closes the connection. */
  private static void unavailable(HttpExchange http, String message) {
    try {
      if (http.getResponseCode() == -1) {
        ApiError error = new ApiError(503, "backendError", "global", message, null, null);
        Exchange.withoutBody(http)
            .send(Reply.json(503, error.body(), true).header("Connection", "close"));
      }
    } catch (IOException | RuntimeException | OutOfMemoryError e) {
      // The connection is closed below.
    } finally {
      http.close();
    }
  }

  /** Answers 413 without reading the body (it may be endless), and closes the connection. */
  private static void refuseTooLarge(HttpExchange http, long limit) throws IOException {
    ApiError error =
        new ApiError(
            413,
            "uploadTooLarge",
            "global",
            "The request body is larger than the emulator accepts (" + limit + " bytes).",
            null,
            null);
    Exchange.withoutBody(http)
        .send(Reply.json(413, error.body(), true).header("Connection", "close"));
  }

  private static long parseLong(String text) {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * The base URL, such as {@code http://127.0.0.1:8080/}: give it to {@link Endpoints#at}.
   *
   * @return the base URL
   */
  public URI baseUri() {
    requireStarted();
    return baseUri;
  }

  /** {@return the port the server listens on} */
  public int port() {
    return baseUri().getPort();
  }

  /**
   * Every endpoint of the emulator, for {@code YouTubeClient.Builder.endpoints}: the HTTP ones
   * under {@link #baseUri()}, and the gRPC one of live chat streaming at {@link #grpcUri()}.
   *
   * @return every endpoint of the emulator
   */
  public Endpoints endpoints() {
    return Endpoints.at(baseUri()).withGrpc(grpcUri());
  }

  /**
   * The gRPC server of live chat streaming ({@code V3DataLiveChatMessageService.StreamList}), plain
   * text on a loopback port of its own, such as {@code http://127.0.0.1:8081}.
   *
   * @return the gRPC server of live chat streaming ({@code
   *     V3DataLiveChatMessageService.StreamList}), plain text on a loopback port of its own, such
   *     as {@code http://127.0.0.1:8081}
   */
  public URI grpcUri() {
    requireStarted();
    return grpcUri;
  }

  /**
   * A live chat of the emulator, to post in it as any viewer and to simulate what only YouTube's
   * users cause (Super Chats, memberships, polls), bans, deletions and the chat's end.
   *
   * @param liveChatId a broadcast's {@code snippet.liveChatId}, such as {@link
   *     #SEEDED_LIVE_CHAT_ID}
   * @return the chat
   * @throws IllegalArgumentException if no broadcast has that chat
   */
  public EmulatedChat chat(String liveChatId) {
    Objects.requireNonNull(liveChatId, "liveChatId == null");
    requireStarted();
    if (backend.liveChats.log(liveChatId) == null) {
      throw new IllegalArgumentException("no broadcast has the live chat " + liveChatId);
    }
    return new EmulatedChat(backend, chatStreams, liveChatId);
  }

  /**
   * An access token for a seeded account, as if it had consented to the seeded client: for tests
   * that do not exercise the consent page. It lasts 3599 seconds.
   *
   * @param account a seeded account, such as {@link Account#ALICE}
   * @param scopes the scopes it grants; {@code youtube} and {@code userinfo.profile} if none
   * @return the bearer token
   */
  public String accessToken(Account account, String... scopes) {
    Objects.requireNonNull(account, "account == null");
    requireStarted();
    LinkedHashSet<String> granted = new LinkedHashSet<>(Arrays.asList(scopes));
    if (granted.isEmpty()) {
      granted.add("https://www.googleapis.com/auth/youtube");
      granted.add(OAuth.PROFILE);
    }
    synchronized (backend) {
      return backend.oauth.issue(CLIENT_ID, account, granted);
    }
  }

  /**
   * A client builder aimed at this emulator and signed in as {@code account} (with {@link
   * #accessToken(Account, String...)}'s default scopes), to set more on before {@code build()}:
   *
   * <pre>{@code
   * YouTubeClient cli = emulator.clientBuilder(Account.ALICE).sleeper(recording).build();
   * }</pre>
   *
   * @param account a seeded account, such as {@link Account#ALICE}
   * @return the builder
   */
  public YouTubeClient.Builder clientBuilder(Account account) {
    return YouTubeClient.builder().endpoints(endpoints()).accessToken(accessToken(account));
  }

  /**
   * A client of this emulator signed in as {@code account}: {@code clientBuilder(account).build()}.
   *
   * @param account a seeded account, such as {@link Account#ALICE}
   * @return the client; close it when done
   */
  public YouTubeClient client(Account account) {
    return clientBuilder(account).build();
  }

  /**
   * Adds a public channel beside the seeded ones, owned by no account, with its uploads playlist
   * ({@code UU} and the rest of its id): for tests and benchmarks that need volume.
   *
   * @param channelId {@code UC} and 22 characters of YouTube's alphabet
   * @param title the channel's title; {@code forUsername} finds it without its spaces
   * @param handle its handle, such as {@code @volume}; {@code forHandle} finds it
   * @throws IllegalArgumentException if an argument is malformed, or the id or handle is taken
   */
  public void addChannel(String channelId, String title, String handle) {
    requireStarted();
    synchronized (backend) {
      store.batch(() -> Volume.channel(store, channelId, title, handle));
    }
  }

  /**
   * Adds public videos to a channel (a seeded one or one from {@link #addChannel}): {@code title
   * #1} to {@code title #count}, the first published at {@code first}, each next one {@code
   * spacing} later. They show in the channel's uploads playlist, in search and in lookups by id.
   *
   * @param channelId the channel
   * @param title the titles' common start, which search finds
   * @param count how many, at most 100,000
   * @param first when the first one was published
   * @param spacing the time between two videos, not negative
   * @return the new videos' ids, in the order published
   * @throws IllegalArgumentException if the channel does not exist or an argument is out of range
   */
  public java.util.List<String> addVideos(
      String channelId, String title, int count, java.time.Instant first, Duration spacing) {
    requireStarted();
    synchronized (backend) {
      java.util.List<java.util.List<String>> ids = new java.util.ArrayList<>();
      store.batch(() -> ids.add(Volume.videos(store, channelId, title, count, first, spacing)));
      return ids.get(0);
    }
  }

  /**
   * Makes an uploaded video's processing end as YouTube ends it for a video it refuses: {@code
   * status.uploadStatus} {@code rejected} with {@code rejectionReason}, processing {@code
   * terminated}. For tests of code that waits for processing.
   *
   * @param videoId the video
   * @param rejectionReason such as {@code duplicate}, {@code copyright}, {@code length}
   * @throws IllegalArgumentException if there is no such video
   */
  public void rejectUpload(String videoId, String rejectionReason) {
    endUpload(videoId, "rejected", "rejectionReason", rejectionReason, "terminated");
  }

  /**
   * Makes an uploaded video's processing fail as YouTube fails a broken file: {@code
   * status.uploadStatus} {@code failed} with {@code failureReason}, processing {@code failed}.
   *
   * @param videoId the video
   * @param failureReason such as {@code codec}, {@code conversion}, {@code invalidFile}
   * @throws IllegalArgumentException if there is no such video
   */
  public void failUpload(String videoId, String failureReason) {
    endUpload(videoId, "failed", "failureReason", failureReason, "failed");
  }

  private void endUpload(
      String videoId, String uploadStatus, String reasonField, String reason, String processing) {
    Objects.requireNonNull(reason, "reason == null");
    requireStarted();
    synchronized (backend) {
      com.fasterxml.jackson.databind.node.ObjectNode stored = store.get(Kinds.VIDEO, videoId);
      if (stored == null) {
        throw new IllegalArgumentException("no such video: " + videoId);
      }
      com.fasterxml.jackson.databind.node.ObjectNode video = stored.deepCopy();
      Jsons.obj(video, "status").put("uploadStatus", uploadStatus).put(reasonField, reason);
      com.fasterxml.jackson.databind.node.ObjectNode details =
          Jsons.obj(video, "processingDetails");
      details.put("processingStatus", processing);
      if (processing.equals("failed")) {
        details.put("processingFailureReason", "transcodeFailed");
      }
      store.batch(() -> store.put(Kinds.VIDEO, video));
    }
  }

  /**
   * The quota units spent today in a bucket.
   *
   * @param bucket the bucket
   * @return the units spent today in {@code bucket}
   */
  public long quotaUsed(QuotaBucket bucket) {
    requireStarted();
    return backend.quota.used(bucket);
  }

  /** Forgets the quota spent today, in every bucket. */
  public void resetQuota() {
    requireStarted();
    backend.quota.reset();
  }

  private void requireStarted() {
    if (server == null) {
      throw new IllegalStateException("the emulator is not started");
    }
  }

  /** Stops the server and closes the data; does nothing the second time. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
      if (chatStreams != null) {
        chatStreams.close();
      }
      backend.hub.close();
      synchronized (backend) {
        store.close();
      }
    }
  }

  @Override
  public String toString() {
    return "YouTubeEmulator["
        + (baseUri == null ? "not started" : baseUri + ", gRPC " + grpcUri)
        + "]";
  }

  /**
   * The settings of an emulator, ready to {@link #start()}: start several emulators from one
   * settings object if you like.
   */
  public static final class Settings {
    private final int port;
    private final boolean autoApprove;
    private final Path dataDirectory;
    private final long dailyQuota;
    private final long searchCalls;
    private final long uploadCalls;
    private final Clock clock;
    private final Duration deviceInterval;
    private final int threads;
    private final long maxUploadBytes;
    private final java.util.List<OAuthClientRegistration> clients;
    private final Hub.Settings push;
    private final int grpcPort;
    private final Duration chatPollingInterval;
    private final Duration processingTime;
    private final Duration transitionTime;

    private Settings(Builder b) {
      this.processingTime = b.processingTime;
      this.transitionTime = b.transitionTime;
      this.port = b.port;
      this.autoApprove = b.autoApprove;
      this.dataDirectory = b.dataDirectory;
      this.dailyQuota = b.dailyQuota;
      this.searchCalls = b.searchCalls;
      this.uploadCalls = b.uploadCalls;
      this.clock = b.clock;
      this.deviceInterval = b.deviceInterval;
      this.threads = b.threads;
      this.maxUploadBytes = b.maxUploadBytes;
      this.clients = java.util.List.copyOf(b.clients);
      this.push = new Hub.Settings(b.pushRetries, b.pushRetryDelay, b.pushSleeper);
      this.grpcPort = b.grpcPort;
      this.chatPollingInterval = b.chatPollingInterval;
    }

    /**
     * Starts an emulator: opens the data directory (seeding it the first time) and listens.
     *
     * @return the running emulator; close it to stop it
     * @throws UncheckedIOException if the port cannot be bound
     * @throws IllegalStateException if the data directory cannot be opened (or is in use)
     */
    public YouTubeEmulator start() {
      return new YouTubeEmulator(this).listen();
    }
  }

  /** Settings of an emulator. */
  public static final class Builder {
    private int port;
    private boolean autoApprove;
    private Path dataDirectory;
    private long dailyQuota = DEFAULT_DAILY_QUOTA;
    private long searchCalls = 100;
    private long uploadCalls = 100;
    private Clock clock = Clock.systemUTC();
    private Duration deviceInterval = Duration.ofSeconds(5);
    private int threads = 8;
    private long maxUploadBytes = 256L * 1024 * 1024;
    private final java.util.List<OAuthClientRegistration> clients = new java.util.ArrayList<>();
    private int pushRetries = Hub.Settings.DEFAULTS.retries();
    private Duration pushRetryDelay = Hub.Settings.DEFAULTS.firstDelay();
    private Sleeper pushSleeper = Hub.Settings.DEFAULTS.sleeper();
    private int grpcPort;
    private Duration chatPollingInterval = Duration.ofSeconds(2);
    private Duration processingTime = Duration.ZERO;
    private Duration transitionTime = Duration.ZERO;

    private Builder() {}

    /**
     * The port on 127.0.0.1 of the gRPC server of live chat streaming; 0 (the default) picks one.
     *
     * @param port the port, or 0
     * @return this builder
     */
    public Builder grpcPort(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("grpcPort must be 0 to 65535: " + port);
      }
      this.grpcPort = port;
      return this;
    }

    /**
     * The {@code pollingIntervalMillis} that {@code liveChatMessages.list} answers (2 s by
     * default): how long a polling client waits between two reads of a chat.
     *
     * @param interval the polling interval, positive
     * @return this builder
     */
    public Builder chatPollingInterval(Duration interval) {
      Objects.requireNonNull(interval, "interval == null");
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("chatPollingInterval must be positive: " + interval);
      }
      this.chatPollingInterval = interval;
      return this;
    }

    /**
     * How long an uploaded video shows as being processed, by the emulator's clock (none by
     * default: processed at once). Meanwhile {@code status.uploadStatus} is {@code uploaded} and
     * its owner sees {@code processingDetails.processingStatus} {@code processing} with {@code
     * processingProgress}; then {@code processed} and {@code succeeded}.
     *
     * @param processingTime how long processing takes, not negative
     * @return this builder
     */
    public Builder processingTime(Duration processingTime) {
      Objects.requireNonNull(processingTime, "processingTime == null");
      if (processingTime.isNegative()) {
        throw new IllegalArgumentException(
            "processingTime must not be negative: " + processingTime);
      }
      this.processingTime = processingTime;
      return this;
    }

    /**
     * How long a broadcast's transition to {@code testing} or {@code live} takes, by the emulator's
     * clock (none by default: the transition is done at once). Meanwhile {@code
     * status.lifeCycleStatus} is {@code testStarting} or {@code liveStarting}, as YouTube shows it
     * while the stream starts; then {@code testing} or {@code live}, with {@code
     * snippet.actualStartTime} the moment it went live.
     *
     * @param transitionTime how long a transition takes, not negative
     * @return this builder
     */
    public Builder broadcastTransitionTime(Duration transitionTime) {
      Objects.requireNonNull(transitionTime, "transitionTime == null");
      if (transitionTime.isNegative()) {
        throw new IllegalArgumentException(
            "broadcastTransitionTime must not be negative: " + transitionTime);
      }
      this.transitionTime = transitionTime;
      return this;
    }

    /**
     * The port on 127.0.0.1; 0 (the default) picks a free one.
     *
     * @param port the port on 127.0.0.1; 0 (the default) picks a free one
     * @return this builder
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0 to 65535: " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Whether the consent page approves at once, with the first account (or the login hint).
     *
     * @param autoApprove whether the consent page approves at once, with the first account (or the
     *     login hint)
     * @return this builder
     */
    public Builder autoApprove(boolean autoApprove) {
      this.autoApprove = autoApprove;
      return this;
    }

    /**
     * Keeps the state in an H2 database in this directory, across restarts.
     *
     * @param dataDirectory the directory of the database
     * @return this builder
     */
    public Builder dataDirectory(Path dataDirectory) {
      this.dataDirectory = dataDirectory;
      return this;
    }

    /**
     * The shared pool's daily units (10,000 by default).
     *
     * @param units the shared pool's daily units (10,000 by default)
     * @return this builder
     */
    public Builder dailyQuota(long units) {
      if (units < 0) {
        throw new IllegalArgumentException("units must be >= 0: " + units);
      }
      this.dailyQuota = units;
      return this;
    }

    /**
     * The daily {@code search.list} calls (100 by default).
     *
     * @param calls the daily {@code search.list} calls (100 by default)
     * @return this builder
     */
    public Builder searchQuota(long calls) {
      this.searchCalls = calls;
      return this;
    }

    /**
     * The daily {@code videos.insert} calls (100 by default).
     *
     * @param calls the daily {@code videos.insert} calls (100 by default)
     * @return this builder
     */
    public Builder uploadQuota(long calls) {
      this.uploadCalls = calls;
      return this;
    }

    /**
     * The clock of token expiry, code expiry and the quota day.
     *
     * @param clock the clock of token expiry, code expiry and the quota day
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * The device flow's polling interval (5 s by default); faster polls get {@code slow_down}.
     *
     * @param interval the device flow's polling interval (5 s by default); faster polls get {@code
     *     slow_down}
     * @return this builder
     */
    public Builder deviceInterval(Duration interval) {
      this.deviceInterval = Objects.requireNonNull(interval, "interval == null");
      return this;
    }

    /**
     * The server's worker threads kept when idle (8 by default); more start, up to 256, while many
     * requests are being read at once, so that slow clients do not hold up the others.
     *
     * @param threads the number of idle worker threads
     * @return this builder
     */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be >= 1: " + threads);
      }
      this.threads = threads;
      return this;
    }

    /**
     * The largest upload accepted (256 MiB by default); an upload is written to disk as it arrives
     * (the data directory, or a temporary directory).
     *
     * @param bytes the largest upload accepted
     * @return this builder
     */
    public Builder maxUploadBytes(long bytes) {
      this.maxUploadBytes = bytes;
      return this;
    }

    /**
     * How many times the push hub retries a failed notification or asynchronous verification (5 by
     * default; 0 for never).
     *
     * @param retries how many times the push hub retries a failed notification or asynchronous
     *     verification (5 by default; 0 for never)
     * @return this builder
     */
    public Builder pushRetries(int retries) {
      if (retries < 0) {
        throw new IllegalArgumentException("retries must be >= 0: " + retries);
      }
      this.pushRetries = retries;
      return this;
    }

    /**
     * The push hub's first wait before a retry (1 s by default), doubled for each further retry, at
     * most a minute.
     *
     * @param delay the push hub's first wait before a retry (1 s by default), doubled for each
     *     further retry, at most a minute
     * @return this builder
     */
    public Builder pushRetryDelay(Duration delay) {
      Objects.requireNonNull(delay, "delay == null");
      if (delay.isNegative()) {
        throw new IllegalArgumentException("delay must not be negative: " + delay);
      }
      this.pushRetryDelay = delay;
      return this;
    }

    /**
     * What waits between the push hub's retries; tests pass one that does not sleep.
     *
     * @param sleeper what waits between the push hub's retries; tests pass one that does not sleep
     * @return this builder
     */
    public Builder pushSleeper(Sleeper sleeper) {
      this.pushSleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /**
     * Registers another OAuth client beside the seeded one.
     *
     * @param client the client to register
     * @return this builder
     */
    public Builder client(OAuthClientRegistration client) {
      clients.add(Objects.requireNonNull(client, "client == null"));
      return this;
    }

    /** {@return the settings, ready to start an emulator} */
    public Settings build() {
      return new Settings(this);
    }

    /**
     * Starts an emulator with these settings: {@code build().start()}.
     *
     * @return the running emulator
     */
    public YouTubeEmulator start() {
      return build().start();
    }
  }
}
