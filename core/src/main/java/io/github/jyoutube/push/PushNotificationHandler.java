package io.github.jyoutube.push;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subscriber's side of PubSubHubbub, without a web framework: give it each request the callback
 * URL receives, as method, raw query, headers and body, and send back the {@link Response} it
 * returns.
 *
 * <ul>
 *   <li><b>GET</b>, the hub's verification ({@code hub.mode}, {@code hub.topic}, {@code
 *       hub.challenge}, {@code hub.lease_seconds}): answered 200 with the challenge only when the
 *       handler {@linkplain #expect expects} that mode for that topic; 404 otherwise, so that
 *       nobody can subscribe the callback to anything else. A {@code hub.lease_seconds} that is not
 *       0 to ten years in plain digits is a 400; a repeat of a verification already made is
 *       answered and changes nothing.
 *   <li><b>POST</b>, a notification: when the subscription has a secret, the body must carry a
 *       valid {@code X-Hub-Signature} (HMAC-SHA1 as Google's hub sends it; SHA-256, -384 and -512
 *       are accepted too), compared in constant time; an unsigned or badly signed body is refused
 *       with 403 and never parsed. The Atom feed is then read with the JDK's XML parser, DTDs and
 *       external entities disabled ({@link PushFeed#parse}); its entries must be about a channel
 *       whose secret signed it. The events go to the listener, and the answer is 204. A body that
 *       is not such a feed is refused with 400, one larger than the limit with 413.
 * </ul>
 *
 * <p>Whatever arrives, {@link #handle} answers with a status (4xx for malformed requests) and never
 * throws. One handler serves one callback URL, and may follow several channels. It is safe for use
 * from several threads. Tell it what to expect before the hub calls: {@link
 * PushNotifications#subscribe(String, String, SubscribeOptions, PushNotificationHandler)} does, and
 * {@link #expect} does for a subscription made elsewhere (by another process, or before a restart).
 *
 * <pre>{@code
 * PushNotificationHandler handler = new PushNotificationHandler(event -> System.out.println(event));
 * // in any framework's request handler:
 * PushNotificationHandler.Response r =
 *     handler.handle(request.method(), request.rawQuery(), request.headers(), request.bodyBytes());
 * response.status(r.status()).contentType(r.contentType()).send(r.body());
 * }</pre>
 */
public final class PushNotificationHandler {

  /** The largest notification body accepted by default: 1 MiB. */
  public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

  /** The longest {@code hub.challenge} echoed. */
  static final int MAX_CHALLENGE = 1024;

  /**
   * The longest lease a verification may announce: ten years. Google's hub grants ten days at most;
   * a larger {@code hub.lease_seconds} is not a hub's.
   */
  static final long MAX_LEASE_SECONDS = 10L * 365 * 24 * 3600;

  private static final String TEXT = "text/plain; charset=utf-8";
  private static final Pattern LINK =
      Pattern.compile("<([^>]*)>\\s*;[^,]*?\\brel\\s*=\\s*\"?self\"?", Pattern.CASE_INSENSITIVE);

  private final Consumer<? super PushEvent> listener;
  private final Consumer<? super HubSubscription> onVerified;
  private final int maxBodyBytes;
  private final Duration newVideoWindow;
  private final Clock clock;
  private final ConcurrentMap<String, Expectation> expected = new ConcurrentHashMap<>();

  /**
   * What the handler answers: the status, the content type and the body to send back, and the
   * events it delivered to the listener (empty unless it was a notification it accepted).
   *
   * @param status the HTTP status
   * @param contentType the body's media type
   * @param body the body text: the challenge, a short reason, or empty
   * @param events the events of an accepted notification
   */
  public record Response(int status, String contentType, String body, List<PushEvent> events) {

    /**
     * Checks and copies the parts.
     *
     * @param status the value for the {@code status} record component
     * @param contentType the value for the {@code contentType} record component
     * @param body the value for the {@code body} record component
     * @param events the value for the {@code events} record component
     */
    public Response {
      Objects.requireNonNull(contentType, "contentType == null");
      Objects.requireNonNull(body, "body == null");
      events = List.copyOf(events);
    }

    /** {@return the body as UTF-8 bytes} */
    public byte[] bodyBytes() {
      return body.getBytes(StandardCharsets.UTF_8);
    }

    static Response text(int status, String body) {
      return new Response(status, TEXT, body, List.of());
    }
  }

  /**
   * What the handler knows of one channel: what was last asked of the hub, the subscription whose
   * notifications it accepts, the one before it (until the hub verified the new one), and the
   * lease.
   */
  record Expectation(
      HubSubscription requested,
      HubSubscription active,
      HubSubscription previous,
      boolean verified,
      Instant leaseExpiresAt) {}

  /**
   * A handler that gives every event to {@code listener}, with the default limits.
   *
   * @param listener receives each event of each accepted notification, on the thread that called
   *     {@link #handle}; if it throws, the notification is answered 500 and the hub sends it again
   */
  public PushNotificationHandler(Consumer<? super PushEvent> listener) {
    this(builder().listener(listener));
  }

  private PushNotificationHandler(Builder builder) {
    this.listener = builder.listener;
    this.onVerified = builder.onVerified;
    this.maxBodyBytes = builder.maxBodyBytes;
    this.newVideoWindow = builder.newVideoWindow;
    this.clock = builder.clock;
  }

  /**
   * A builder, for the limits and listeners.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  // ---- What to expect --------------------------------------------------------------------------

  /**
   * Expects the hub to verify {@code subscription} (its mode, for its topic) and, for a
   * subscription, accepts the channel's notifications signed with its secret from now on. For an
   * unsubscription, the notifications are accepted until the hub verified it.
   *
   * @param subscription the subscription or unsubscription asked of the hub
   */
  public void expect(HubSubscription subscription) {
    expectInternal(subscription);
  }

  /**
   * Forgets {@code channelId}: its verifications and notifications are refused from now on.
   *
   * @param channelId the channel's ID
   */
  public void forget(String channelId) {
    expected.remove(Objects.requireNonNull(channelId, "channelId == null"));
  }

  /**
   * The subscriptions whose notifications the handler accepts now.
   *
   * @return the subscriptions accepted now
   */
  public List<HubSubscription> subscriptions() {
    List<HubSubscription> active = new ArrayList<>();
    for (Expectation e : expected.values()) {
      if (e.active() != null) {
        active.add(e.active());
      }
    }
    return List.copyOf(active);
  }

  /**
   * Whether the hub verified the last subscription or unsubscription asked for {@code channelId}.
   *
   * @param channelId the channel's ID
   * @return whether the hub verified it
   */
  public boolean verified(String channelId) {
    Expectation e = expected.get(channelId);
    return e != null && e.verified();
  }

  /**
   * When the lease the hub granted for {@code channelId} ends, once the hub verified it: counted
   * from the verification, and never longer than the lease asked for. A verification repeated after
   * that (anyone can send one) is answered but changes nothing; renew with a new subscription.
   *
   * @param channelId the channel's ID
   * @return when the lease ends, once verified
   */
  public Optional<Instant> leaseExpiresAt(String channelId) {
    Expectation e = expected.get(channelId);
    return Optional.ofNullable(e == null ? null : e.leaseExpiresAt());
  }

  /** The largest notification body accepted. */
  int maxBodyBytes() {
    return maxBodyBytes;
  }

  /** Records {@code subscription}; returns what was there before, for {@link #restore}. */
  Expectation expectInternal(HubSubscription subscription) {
    Objects.requireNonNull(subscription, "subscription == null");
    Expectation[] before = new Expectation[1];
    expected.compute(
        subscription.channelId(),
        (id, old) -> {
          before[0] = old;
          if (subscription.mode() == HubSubscription.Mode.SUBSCRIBE) {
            HubSubscription previous = old == null ? null : old.active();
            return new Expectation(subscription, subscription, previous, false, null);
          }
          return new Expectation(
              subscription,
              old == null ? null : old.active(),
              old == null ? null : old.previous(),
              false,
              old == null ? null : old.leaseExpiresAt());
        });
    return before[0];
  }

  /** Puts back what {@link #expectInternal} replaced, after the hub refused. */
  void restore(String topic, Expectation previous) {
    String channelId = PushNotifications.channelIdOf(topic);
    if (channelId == null) {
      return;
    }
    if (previous == null) {
      expected.remove(channelId);
    } else {
      expected.put(channelId, previous);
    }
  }

  // ---- Requests --------------------------------------------------------------------------------

  /**
   * Answers one request to the callback URL.
   *
   * @param method the HTTP method
   * @param rawQuery the query string as received (percent-encoded), or {@code null}
   * @param headers the request headers, names in any case; {@code null} for none
   * @param body the request body, or {@code null} for none
   * @return what to send back
   */
  public Response handle(
      String method, String rawQuery, Map<String, List<String>> headers, byte[] body) {
    Objects.requireNonNull(method, "method == null");
    String verb = method.toUpperCase(Locale.ROOT);
    if (verb.equals("GET")) {
      return verify(parseQuery(rawQuery));
    }
    if (verb.equals("POST")) {
      return notification(headers == null ? Map.of() : headers, body == null ? new byte[0] : body);
    }
    return Response.text(405, "method not allowed");
  }

  private Response verify(Map<String, String> params) {
    HubSubscription.Mode mode = HubSubscription.Mode.of(params.get("hub.mode"));
    String channelId = PushNotifications.channelIdOf(params.get("hub.topic"));
    Expectation expectation = channelId == null ? null : expected.get(channelId);
    if (expectation == null) {
      return Response.text(404, "unknown topic");
    }
    if ("denied".equals(params.get("hub.mode"))) {
      if (expectation.requested().mode() == HubSubscription.Mode.SUBSCRIBE) {
        expected.remove(channelId, expectation);
      }
      return Response.text(200, "");
    }
    if (mode == null || mode != expectation.requested().mode()) {
      return Response.text(404, "unknown topic");
    }
    String challenge = params.get("hub.challenge");
    if (challenge == null || challenge.isEmpty() || challenge.length() > MAX_CHALLENGE) {
      return Response.text(400, "missing or oversized hub.challenge");
    }
    if (mode == HubSubscription.Mode.UNSUBSCRIBE) {
      expected.remove(channelId, expectation);
    } else {
      long seconds;
      Instant lease = null;
      String announced = params.get("hub.lease_seconds");
      if (announced != null) {
        seconds = leaseSeconds(announced);
        if (seconds < 0) {
          return Response.text(400, "bad hub.lease_seconds (0 to " + MAX_LEASE_SECONDS + ")");
        }
        // The hub may grant more than was asked; the subscriber counts on what it asked for.
        Integer asked = expectation.requested().options().leaseSeconds();
        try {
          lease = clock.instant().plusSeconds(asked == null ? seconds : Math.min(seconds, asked));
        } catch (DateTimeException e) {
          return Response.text(400, "bad hub.lease_seconds: the lease ends out of range");
        }
      }
      if (expectation.verified()) {
        // Verified already: the repeat is answered, but neither renews nor stretches the lease
        // (a renewal is a new subscription request, which the handler expects afresh).
        return new Response(200, TEXT, challenge, List.of());
      }
      Instant granted = lease;
      expected.computeIfPresent(
          channelId,
          (id, e) ->
              e.requested() == expectation.requested()
                  ? new Expectation(e.requested(), e.active(), null, true, granted)
                  : e);
    }
    try {
      onVerified.accept(expectation.requested());
    } catch (RuntimeException e) {
      // The application's callback failed; the hub's verification still stands and is answered.
    }
    return new Response(200, TEXT, challenge, List.of());
  }

  /**
   * The seconds of a {@code hub.lease_seconds} value: ASCII digits, surrounding spaces allowed, at
   * most {@link #MAX_LEASE_SECONDS}; -1 for anything else.
   */
  static long leaseSeconds(String value) {
    String digits = value.strip();
    if (digits.isEmpty() || digits.length() > 12) {
      return -1;
    }
    long seconds = 0;
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      seconds = seconds * 10 + (c - '0');
    }
    return seconds <= MAX_LEASE_SECONDS ? seconds : -1;
  }

  private Response notification(Map<String, List<String>> headers, byte[] body) {
    if (body.length > maxBodyBytes) {
      return Response.text(413, "notification larger than " + maxBodyBytes + " bytes");
    }
    Map<String, Expectation> candidates = new LinkedHashMap<>();
    String linked = selfLink(headers);
    if (linked != null) {
      String channelId = PushNotifications.channelIdOf(linked);
      Expectation e = channelId == null ? null : expected.get(channelId);
      if (e != null && e.active() != null) {
        candidates.put(channelId, e);
      }
    } else {
      expected.forEach(
          (id, e) -> {
            if (e.active() != null) {
              candidates.put(id, e);
            }
          });
    }
    if (candidates.isEmpty()) {
      return Response.text(404, "no subscription for this notification");
    }
    String signature = header(headers, "X-Hub-Signature");
    Set<String> trusted = new LinkedHashSet<>();
    boolean secretSet = false;
    for (Map.Entry<String, Expectation> candidate : candidates.entrySet()) {
      for (HubSubscription s : subscriptionsOf(candidate.getValue())) {
        if (s.secret() == null) {
          trusted.add(candidate.getKey());
        } else {
          secretSet = true;
          if (Signatures.valid(signature, s.secret(), body)) {
            trusted.add(candidate.getKey());
          }
        }
      }
    }
    if (trusted.isEmpty()) {
      return Response.text(
          403,
          signature == null && secretSet
              ? "missing X-Hub-Signature"
              : "X-Hub-Signature does not match");
    }
    PushFeed feed;
    try {
      feed = PushFeed.parse(body, newVideoWindow);
    } catch (IllegalArgumentException e) {
      return Response.text(400, "not a YouTube Atom feed");
    }
    String feedChannel = feed.topic() == null ? null : PushNotifications.channelIdOf(feed.topic());
    if (feed.topic() != null && (feedChannel == null || !trusted.contains(feedChannel))) {
      return Response.text(403, "the feed's topic is not a verified subscription");
    }
    String fallback = feedChannel != null ? feedChannel : single(trusted);
    List<PushEvent> events = new ArrayList<>();
    for (PushEvent event : feed.events()) {
      PushEvent located = event.channelId() == null ? withChannel(event, fallback) : event;
      if (located.channelId() == null || !trusted.contains(located.channelId())) {
        return Response.text(403, "an entry is about a channel that did not sign it");
      }
      events.add(located);
    }
    try {
      for (PushEvent event : events) {
        listener.accept(event);
      }
    } catch (RuntimeException e) {
      return new Response(500, TEXT, "the listener failed", events);
    }
    return new Response(204, TEXT, "", events);
  }

  private static List<HubSubscription> subscriptionsOf(Expectation e) {
    List<HubSubscription> list = new ArrayList<>(2);
    list.add(e.active());
    if (e.previous() != null) {
      list.add(e.previous());
    }
    return list;
  }

  private static String single(Set<String> trusted) {
    return trusted.size() == 1 ? trusted.iterator().next() : null;
  }

  private static PushEvent withChannel(PushEvent event, String channelId) {
    if (channelId == null) {
      return event;
    }
    if (event instanceof PushEvent.VideoPublished p) {
      return new PushEvent.VideoPublished(
          p.videoId(),
          channelId,
          p.title(),
          p.link(),
          p.channelTitle(),
          p.published(),
          p.updated());
    }
    if (event instanceof PushEvent.VideoUpdated u) {
      return new PushEvent.VideoUpdated(
          u.videoId(),
          channelId,
          u.title(),
          u.link(),
          u.channelTitle(),
          u.published(),
          u.updated());
    }
    PushEvent.VideoDeleted d = (PushEvent.VideoDeleted) event;
    return new PushEvent.VideoDeleted(d.videoId(), channelId, d.ref(), d.link(), d.deletedAt());
  }

  private static String selfLink(Map<String, List<String>> headers) {
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if (header.getKey() != null
          && header.getKey().equalsIgnoreCase("Link")
          && header.getValue() != null) {
        for (String value : header.getValue()) {
          Matcher m = value == null ? null : LINK.matcher(value);
          if (m != null && m.find()) {
            return m.group(1).strip();
          }
        }
      }
    }
    return null;
  }

  /** The first non-null value of the header {@code name}, in any case. */
  private static String header(Map<String, List<String>> headers, String name) {
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if (header.getKey() != null
          && header.getKey().equalsIgnoreCase(name)
          && header.getValue() != null) {
        for (String value : header.getValue()) {
          if (value != null) {
            return value;
          }
        }
      }
    }
    return null;
  }

  /** The first value of each parameter of a raw query. */
  static Map<String, String> parseQuery(String raw) {
    Map<String, String> params = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      try {
        String name =
            URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value =
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        params.putIfAbsent(name, value);
      } catch (IllegalArgumentException e) {
        // A malformed escape: the parameter is ignored.
      }
    }
    return params;
  }

  /** Settings of a {@link PushNotificationHandler}. */
  public static final class Builder {
    private Consumer<? super PushEvent> listener = event -> {};
    private Consumer<? super HubSubscription> onVerified = subscription -> {};
    private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private Duration newVideoWindow = PushFeed.DEFAULT_NEW_VIDEO_WINDOW;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Receives each event of each accepted notification, on the thread that called {@link #handle};
     * if it throws, the notification is answered 500 and the hub sends it again.
     *
     * @param listener the listener of events
     * @return this builder
     */
    public Builder listener(Consumer<? super PushEvent> listener) {
      this.listener = Objects.requireNonNull(listener, "listener == null");
      return this;
    }

    /**
     * Told of each subscription or unsubscription the hub verified, once, before the answer is
     * sent; if it throws, the verification is answered all the same.
     *
     * @param onVerified the listener of verifications
     * @return this builder
     */
    public Builder onVerified(Consumer<? super HubSubscription> onVerified) {
      this.onVerified = Objects.requireNonNull(onVerified, "onVerified == null");
      return this;
    }

    /**
     * The largest notification body accepted (1 MiB by default); larger ones get 413.
     *
     * @param bytes the largest body, in bytes
     * @return this builder
     */
    public Builder maxBodyBytes(int bytes) {
      if (bytes < 1024) {
        throw new IllegalArgumentException("maxBodyBytes must be at least 1024: " + bytes);
      }
      this.maxBodyBytes = bytes;
      return this;
    }

    /**
     * How long after {@code published} an entry's {@code updated} may be for it to be a {@link
     * PushEvent.VideoPublished} rather than a {@link PushEvent.VideoUpdated} (15 minutes by
     * default).
     *
     * @param window the window
     * @return this builder
     */
    public Builder newVideoWindow(Duration window) {
      Objects.requireNonNull(window, "window == null");
      if (window.isNegative()) {
        throw new IllegalArgumentException("window must not be negative: " + window);
      }
      this.newVideoWindow = window;
      return this;
    }

    /**
     * The clock of lease expiry.
     *
     * @param clock the clock of lease expiry
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** {@return the handler} */
    public PushNotificationHandler build() {
      return new PushNotificationHandler(this);
    }
  }
}
