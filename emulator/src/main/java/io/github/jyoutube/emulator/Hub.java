package io.github.jyoutube.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jyoutube.Sleeper;
import io.github.jyoutube.emulator.Exchange.Reply;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The PubSubHubbub hub of YouTube's push notifications, at {@code pubsubhubbub/subscribe}, as
 * Google's hub behaves: a form POST subscribes or unsubscribes a callback to a channel's feed
 * ({@code https://www.youtube.com/xml/feeds/videos.xml?channel_id=ID}); the hub verifies the
 * callback with a GET carrying {@code hub.challenge} and expects it echoed, synchronously ({@code
 * hub.verify=sync}: 204, or 409 when the callback does not confirm) or after answering 202. When a
 * public video of the channel is inserted, updated or deleted, it POSTs the Atom notification to
 * every verified subscription, signed with {@code X-Hub-Signature: sha1=HMAC} when the subscriber
 * gave a secret, and retries a failed delivery with exponential backoff, a bounded number of times.
 *
 * <p>A subscription counts from the moment its callback answers the challenge, which the subscriber
 * sees before the hub does: a video changed while a verification is under way is delivered once
 * that verification succeeds (each callback's verifications and notifications run in order, on a
 * queue of its own), so an upload made as soon as the subscriber counts itself verified is never
 * missed.
 *
 * <p>Callbacks must be on a loopback address: the emulator sends nothing off the machine. Verified
 * subscriptions are kept in the store (on disk with a data directory, before the hub answers a
 * synchronous verification); verifications and deliveries still being tried are not.
 */
final class Hub implements AutoCloseable {

  /** Where subscriptions are posted. */
  static final String PATH = "/pubsubhubbub/subscribe";

  static final String TOPIC_PREFIX = "https://www.youtube.com/xml/feeds/videos.xml?channel_id=";

  /** Google's hub: five days unless asked otherwise, ten at most. */
  static final long DEFAULT_LEASE = 432_000;

  static final long MAX_LEASE = 864_000;

  /** How long a notification waits for a synchronous verification under way. */
  private static final Duration VERIFICATION_WAIT = Duration.ofSeconds(15);

  private static final System.Logger LOG = System.getLogger("io.github.jyoutube.emulator.hub");
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx", Locale.ROOT);
  private static final DateTimeFormatter NANOS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSSxxx", Locale.ROOT);

  /**
   * How the hub retries: {@code retries} more attempts after a failed delivery or asynchronous
   * verification, waiting {@code firstDelay}, then twice as long each time (at most a minute), with
   * {@code sleeper}.
   */
  record Settings(int retries, Duration firstDelay, Sleeper sleeper) {
    static final Settings DEFAULTS = new Settings(5, Duration.ofSeconds(1), Sleeper.system());

    Settings {
      if (retries < 0) {
        throw new IllegalArgumentException("retries must be >= 0: " + retries);
      }
      Objects.requireNonNull(firstDelay, "firstDelay == null");
      Objects.requireNonNull(sleeper, "sleeper == null");
    }
  }

  /** A verified subscription. */
  record Subscription(String channelId, URI callback, String secret, Instant expires) {}

  private final Backend backend;
  private final Settings settings;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();

  /** Subscriptions being verified, by {@link #key}: notifications wait for their outcome. */
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();

  private final Map<String, ExecutorService> queues = new ConcurrentHashMap<>();
  private final AtomicInteger threads = new AtomicInteger();
  private volatile boolean closed;

  Hub(Backend backend, Settings settings) {
    this.backend = backend;
    this.settings = settings;
    Instant now = backend.clock.instant();
    for (ObjectNode saved : backend.store.all(Kinds.PUSH_SUBSCRIPTION)) {
      Subscription s =
          new Subscription(
              saved.path("channelId").asText(),
              URI.create(saved.path("callback").asText()),
              saved.hasNonNull("secret") ? saved.path("secret").asText() : null,
              Instant.ofEpochSecond(saved.path("expires").asLong()));
      if (s.expires().isAfter(now)) {
        subscriptions.put(key(s.channelId(), s.callback()), s);
      }
    }
  }

  // ---- Subscriptions --------------------------------------------------------------------------

  /** Answers a request to {@link #PATH}; outside the backend's lock, since it may call back. */
  Reply handle(Exchange ex) {
    if (!ex.method.equals("POST")) {
      return text(405, "Method not allowed. POST a subscription form to this URL.")
          .header("Allow", "POST");
    }
    if (!ex.contentType()
        .toLowerCase(Locale.ROOT)
        .startsWith("application/x-www-form-urlencoded")) {
      return text(400, "Invalid request: the body must be application/x-www-form-urlencoded");
    }
    Map<String, String> form = ex.form();
    String mode = form.get("hub.mode");
    if (!"subscribe".equals(mode) && !"unsubscribe".equals(mode)) {
      return text(400, "Invalid value for hub.mode: " + (mode == null ? "(missing)" : mode));
    }
    URI callback = callback(form.get("hub.callback"));
    if (callback == null) {
      return text(400, "Invalid parameter: hub.callback");
    }
    if (!loopback(callback.getHost())) {
      return text(
          400,
          "Invalid parameter: hub.callback; the jyoutube emulator delivers to loopback callbacks"
              + " only (127.0.0.1, localhost, [::1])");
    }
    String topic = form.get("hub.topic");
    String channelId = channelIdOf(topic);
    if (channelId == null) {
      return text(400, "Invalid parameter: hub.topic");
    }
    synchronized (backend) {
      if (backend.store.get(Kinds.CHANNEL, channelId) == null) {
        return text(400, "Invalid parameter: hub.topic; no channel " + channelId);
      }
    }
    long lease = DEFAULT_LEASE;
    String asked = form.get("hub.lease_seconds");
    if (asked != null && !asked.isEmpty()) {
      try {
        lease = Long.parseLong(asked.trim());
      } catch (NumberFormatException e) {
        lease = -1;
      }
      if (lease <= 0) {
        return text(400, "Invalid value for hub.lease_seconds: " + asked);
      }
      lease = Math.min(lease, MAX_LEASE);
    }
    String secret = form.get("hub.secret");
    if (secret != null && secret.isEmpty()) {
      secret = null;
    }
    if (secret != null && secret.getBytes(StandardCharsets.UTF_8).length >= 200) {
      return text(400, "Invalid parameter: hub.secret must be less than 200 bytes");
    }
    String verify = form.get("hub.verify");
    if (verify != null && !verify.equals("sync") && !verify.equals("async")) {
      return text(400, "Invalid value for hub.verify: " + verify);
    }
    Intent intent = new Intent(mode, channelId, callback, secret, lease);
    Pending verifying = new Pending(intent, new CompletableFuture<>());
    String key = key(channelId, callback);
    if (mode.equals("subscribe")) {
      pending.put(key, verifying);
    }
    if ("sync".equals(verify)) {
      boolean confirmed = false;
      try {
        confirmed = confirm(intent);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        settle(key, verifying, confirmed);
      }
      return confirmed ? Reply.empty(204) : text(409, "Error trying to confirm subscription");
    }
    if (!queue(
        callback,
        () -> {
          boolean confirmed = false;
          try {
            confirmed = retrying("verification of " + callback, () -> confirm(intent));
          } finally {
            settle(key, verifying, confirmed);
          }
        })) {
      settle(key, verifying, false);
    }
    return Reply.empty(202);
  }

  /** What a subscriber asked for, before the callback confirmed it. */
  private record Intent(String mode, String channelId, URI callback, String secret, long lease) {}

  /** A subscription whose verification is under way, and its outcome once settled. */
  private record Pending(Intent intent, CompletableFuture<Boolean> outcome) {}

  private void settle(String key, Pending verifying, boolean confirmed) {
    pending.remove(key, verifying);
    verifying.outcome().complete(confirmed);
  }

  /** Verifies {@code intent} with its callback; on success, records or removes it. */
  private boolean confirm(Intent intent) throws InterruptedException {
    String challenge = HexFormat.of().formatHex(randomBytes(16));
    StringBuilder query =
        new StringBuilder("hub.mode=")
            .append(intent.mode())
            .append("&hub.topic=")
            .append(encode(TOPIC_PREFIX + intent.channelId()))
            .append("&hub.challenge=")
            .append(challenge);
    if (intent.mode().equals("subscribe")) {
      query.append("&hub.lease_seconds=").append(intent.lease());
    }
    String base = intent.callback().toString();
    URI uri = URI.create(base + (intent.callback().getRawQuery() == null ? "?" : "&") + query);
    HttpResponse<String> response;
    try {
      response =
          http.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "verification of {0} failed: {1}", intent.callback(), e);
      return false;
    }
    boolean confirmed = response.statusCode() / 100 == 2 && challenge.equals(response.body());
    if (!confirmed) {
      LOG.log(
          Level.DEBUG,
          "{0} did not confirm the {1}: status {2}",
          intent.callback(),
          intent.mode(),
          response.statusCode());
      return false;
    }
    String key = key(intent.channelId(), intent.callback());
    synchronized (backend) {
      // Kept in the store (committed to disk with a data directory) before the hub answers.
      if (intent.mode().equals("subscribe")) {
        Instant expires = backend.clock.instant().plusSeconds(intent.lease());
        Subscription s =
            new Subscription(intent.channelId(), intent.callback(), intent.secret(), expires);
        backend.store.put(
            Kinds.PUSH_SUBSCRIPTION,
            key,
            Jsons.of(
                "id", key,
                "channelId", s.channelId(),
                "callback", s.callback().toString(),
                "secret", s.secret(),
                "expires", expires.getEpochSecond()));
        subscriptions.put(key, s);
      } else {
        backend.store.remove(Kinds.PUSH_SUBSCRIPTION, key);
        subscriptions.remove(key);
      }
    }
    return true;
  }

  /** The verified subscriptions whose lease has not ended. */
  List<Subscription> subscriptions() {
    Instant now = backend.clock.instant();
    List<Subscription> active = new ArrayList<>();
    for (Subscription s : subscriptions.values()) {
      if (s.expires().isAfter(now)) {
        active.add(s);
      }
    }
    return active;
  }

  // ---- Notifications ---------------------------------------------------------------------------

  /** A video was inserted or updated: notifies its channel's subscribers if it is public. */
  void videoChanged(ObjectNode video) {
    if (!"public".equals(Views.privacy(video))) {
      return;
    }
    String channelId = Jsons.str(video, "snippet.channelId");
    String id = video.path("id").asText();
    Instant now = backend.clock.instant();
    String published = Jsons.str(video, "snippet.publishedAt");
    String entry =
        "<?xml version='1.0' encoding='UTF-8'?>\n"
            + "<feed xmlns:yt=\"http://www.youtube.com/xml/schemas/2015\""
            + " xmlns=\"http://www.w3.org/2005/Atom\">\n"
            + "  <link rel=\"hub\" href=\""
            + xml(hubUrl())
            + "\"/>\n"
            + "  <link rel=\"self\" href=\""
            + xml(TOPIC_PREFIX + channelId)
            + "\"/>\n"
            + "  <title>YouTube video feed</title>\n"
            + "  <updated>"
            + NANOS.format(now.atOffset(ZoneOffset.UTC))
            + "</updated>\n"
            + "  <entry>\n"
            + "    <id>yt:video:"
            + xml(id)
            + "</id>\n"
            + "    <yt:videoId>"
            + xml(id)
            + "</yt:videoId>\n"
            + "    <yt:channelId>"
            + xml(channelId)
            + "</yt:channelId>\n"
            + "    <title>"
            + xml(Jsons.str(video, "snippet.title"))
            + "</title>\n"
            + "    <link rel=\"alternate\" href=\"https://www.youtube.com/watch?v="
            + xml(id)
            + "\"/>\n"
            + "    <author>\n"
            + "     <name>"
            + xml(Jsons.str(video, "snippet.channelTitle"))
            + "</name>\n"
            + "     <uri>https://www.youtube.com/channel/"
            + xml(channelId)
            + "</uri>\n"
            + "    </author>\n"
            + "    <published>"
            + xml(seconds(published, now))
            + "</published>\n"
            + "    <updated>"
            + NANOS.format(now.atOffset(ZoneOffset.UTC))
            + "</updated>\n"
            + "  </entry>\n"
            + "</feed>\n";
    publish(channelId, entry);
  }

  /** A video was deleted: notifies its channel's subscribers if it was public. */
  void videoDeleted(ObjectNode video) {
    if (!"public".equals(Views.privacy(video))) {
      return;
    }
    String channelId = Jsons.str(video, "snippet.channelId");
    String id = video.path("id").asText();
    String entry =
        "<?xml version='1.0' encoding='UTF-8'?>\n"
            + "<feed xmlns:at=\"http://purl.org/atompub/tombstones/1.0\""
            + " xmlns=\"http://www.w3.org/2005/Atom\">\n"
            + "  <at:deleted-entry ref=\"yt:video:"
            + xml(id)
            + "\" when=\""
            + NANOS.format(backend.clock.instant().atOffset(ZoneOffset.UTC))
            + "\">\n"
            + "    <link href=\"https://www.youtube.com/watch?v="
            + xml(id)
            + "\"/>\n"
            + "    <at:by>\n"
            + "     <name>"
            + xml(Jsons.str(video, "snippet.channelTitle"))
            + "</name>\n"
            + "     <uri>https://www.youtube.com/channel/"
            + xml(channelId)
            + "</uri>\n"
            + "    </at:by>\n"
            + "  </at:deleted-entry>\n"
            + "</feed>\n";
    publish(channelId, entry);
  }

  /**
   * Queues {@code feed} for every subscriber of {@code channelId}: the verified ones, and those
   * being verified, whose callback may have answered already; each delivery waits for a
   * verification under way and goes out if the subscription is live then.
   */
  private void publish(String channelId, String feed) {
    if (channelId == null) {
      return;
    }
    byte[] body = feed.getBytes(StandardCharsets.UTF_8);
    Map<String, URI> callbacks = new LinkedHashMap<>();
    for (Subscription s : subscriptions()) {
      if (s.channelId().equals(channelId)) {
        callbacks.put(key(channelId, s.callback()), s.callback());
      }
    }
    for (Pending p : pending.values()) {
      if (p.intent().channelId().equals(channelId)) {
        callbacks.putIfAbsent(key(channelId, p.intent().callback()), p.intent().callback());
      }
    }
    callbacks.forEach(
        (key, callback) -> {
          Pending verifying = pending.get(key);
          queue(callback, () -> deliver(key, verifying, body));
        });
  }

  /** Delivers {@code body} to the subscription {@code key}, once {@code verifying} is settled. */
  private void deliver(String key, Pending verifying, byte[] body) {
    if (verifying != null) {
      try {
        // Settled already when it was verified asynchronously: it ran before, on this queue.
        verifying.outcome().get(VERIFICATION_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (ExecutionException | TimeoutException e) {
        // Not settled in time: deliver to what is verified now.
      }
    }
    Subscription s = subscriptions.get(key);
    if (s == null || !s.expires().isAfter(backend.clock.instant())) {
      return;
    }
    retrying("notification to " + s.callback(), () -> post(s, body));
  }

  private boolean post(Subscription s, byte[] body) throws InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(s.callback())
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/atom+xml")
            .header(
                "Link",
                "<" + hubUrl() + ">; rel=hub, <" + TOPIC_PREFIX + s.channelId() + ">; rel=self")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (s.secret() != null) {
      request.header(
          "X-Hub-Signature", "sha1=" + HexFormat.of().formatHex(hmacSha1(s.secret(), body)));
    }
    try {
      HttpResponse<Void> response =
          http.send(request.build(), HttpResponse.BodyHandlers.discarding());
      return response.statusCode() / 100 == 2;
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "notification to {0} failed: {1}", s.callback(), e);
      return false;
    }
  }

  /** One attempt: {@code true} when it succeeded. */
  @FunctionalInterface
  private interface Attempt {
    boolean run() throws InterruptedException;
  }

  /**
   * Runs {@code attempt}, then up to {@code retries} more times after waiting; {@code true} once
   * one succeeded.
   */
  private boolean retrying(String what, Attempt attempt) {
    try {
      for (int n = 0; !closed; n++) {
        if (attempt.run()) {
          return true;
        }
        if (n >= settings.retries()) {
          LOG.log(Level.INFO, "gave up on the {0} after {1} attempts", what, n + 1);
          return false;
        }
        settings.sleeper().sleep(backoff(n));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }

  /** {@code firstDelay * 2^n}, at most a minute. */
  Duration backoff(int n) {
    long millis = settings.firstDelay().toMillis() << Math.min(n, 20);
    return Duration.ofMillis(Math.min(millis, 60_000));
  }

  /**
   * Runs {@code task} after the earlier tasks of the same callback, in order, on one thread that
   * ends when the callback's queue has been idle for a while; {@code false} if the hub is closed.
   */
  private boolean queue(URI callback, Runnable task) {
    if (closed) {
      return false;
    }
    ExecutorService queue =
        queues.computeIfAbsent(
            callback.toString(),
            c -> {
              ThreadPoolExecutor one =
                  new ThreadPoolExecutor(
                      1,
                      1,
                      30,
                      TimeUnit.SECONDS,
                      new LinkedBlockingQueue<>(),
                      r -> {
                        Thread thread = new Thread(r, "jyoutube-hub-" + threads.incrementAndGet());
                        thread.setDaemon(true);
                        return thread;
                      });
              one.allowCoreThreadTimeOut(true);
              return one;
            });
    try {
      queue.execute(task);
      return true;
    } catch (RejectedExecutionException e) {
      return false; // closed meanwhile
    }
  }

  /** Stops the deliveries. */
  @Override
  public void close() {
    closed = true;
    queues.values().forEach(ExecutorService::shutdownNow);
  }

  // ---- Helpers ---------------------------------------------------------------------------------

  private String hubUrl() {
    return backend.base() + "pubsubhubbub/";
  }

  private static String key(String channelId, URI callback) {
    return channelId + " " + callback;
  }

  private static Reply text(int status, String text) {
    return Reply.of(
        status, "text/plain; charset=utf-8", (text + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * {@code text} escaped for the Atom feed, with every character XML 1.0 cannot hold (C0 controls
   * but tab, LF and CR; U+FFFE, U+FFFF; lone surrogates) replaced by U+FFFD: as written, a title
   * holding one made the feed malformed, refused by every subscriber until the hub gave up.
   */
  static String xml(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder safe = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              boolean allowed =
                  c == 0x9
                      || c == 0xA
                      || c == 0xD
                      || (c >= 0x20 && c <= 0xD7FF)
                      || (c >= 0xE000 && c <= 0xFFFD)
                      || c >= 0x10000;
              safe.appendCodePoint(allowed ? c : 0xFFFD);
            });
    return Html.escape(safe.toString());
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** The channel ID of a topic URL, {@code null} for another URL. */
  static String channelIdOf(String topic) {
    if (topic == null) {
      return null;
    }
    String normal = topic.startsWith("http://") ? "https://" + topic.substring(7) : topic;
    if (!normal.startsWith(TOPIC_PREFIX)) {
      return null;
    }
    String id = URLDecoder.decode(normal.substring(TOPIC_PREFIX.length()), StandardCharsets.UTF_8);
    return id.matches("[A-Za-z0-9_-]{1,64}") ? id : null;
  }

  private static URI callback(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!uri.isAbsolute()
          || uri.getHost() == null
          || uri.getFragment() != null
          || !(scheme.equals("http") || scheme.equals("https"))) {
        return null;
      }
      return uri;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /**
   * Whether {@code host} is {@code localhost} or a literal loopback address; names are not
   * resolved.
   */
  static boolean loopback(String host) {
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (bare.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!bare.matches("[0-9.]+") && !bare.contains(":")) {
      return false;
    }
    try {
      return InetAddress.getByName(bare).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static String seconds(String iso, Instant fallback) {
    Instant instant = fallback;
    if (iso != null) {
      try {
        instant = Instant.parse(iso);
      } catch (DateTimeParseException e) {
        instant = fallback;
      }
    }
    return SECONDS.format(instant.atOffset(ZoneOffset.UTC));
  }

  private byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    random.nextBytes(bytes);
    return bytes;
  }

  private static byte[] hmacSha1(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is not available", e);
    }
  }
}
