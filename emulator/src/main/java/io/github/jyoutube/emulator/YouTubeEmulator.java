package io.github.jyoutube.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.jyoutube.Endpoints;
import io.github.jyoutube.QuotaBucket;
import io.github.jyoutube.Sleeper;
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
      return this;
    } catch (IOException e) {
      store.close();
      throw new UncheckedIOException("cannot start the emulator on port " + config.port, e);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  private void serve(HttpExchange http) throws IOException {
    try {
      String path = http.getRequestURI().getPath();
      boolean upload = path != null && path.contains("upload/youtube/v3/");
      long limit = upload ? config.maxUploadBytes + MAX_JSON_BODY : MAX_JSON_BODY;
      String length = http.getRequestHeaders().getFirst("Content-Length");
      if (length != null && parseLong(length) > limit) {
        refuseTooLarge(http, limit);
        return;
      }
      Exchange ex;
      try {
        ex = Exchange.read(http, limit);
      } catch (Exchange.BodyTooLargeException e) {
        refuseTooLarge(http, limit);
        return;
      }
      ex.send(backend.handle(ex));
    } catch (IOException | RuntimeException e) {
      http.close();
      if (e instanceof IOException io) {
        throw io;
      }
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
   * Every endpoint of the emulator, for {@code YouTubeClient.Builder.endpoints}.
   *
   * @return every endpoint of the emulator
   */
  public Endpoints endpoints() {
    return Endpoints.at(baseUri());
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
      backend.hub.close();
      synchronized (backend) {
        store.close();
      }
    }
  }

  @Override
  public String toString() {
    return "YouTubeEmulator[" + (baseUri == null ? "not started" : baseUri) + "]";
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

    private Settings(Builder b) {
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

    private Builder() {}

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
     * The largest upload accepted (256 MiB by default); all of it is held in memory.
     *
     * @param bytes the largest upload accepted (256 MiB by default); all of it is held in memory
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
