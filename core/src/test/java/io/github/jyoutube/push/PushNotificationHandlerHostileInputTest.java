package io.github.jyoutube.push;

import static io.github.jyoutube.push.Feeds.CHANNEL;
import static io.github.jyoutube.push.Feeds.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.jyoutube.testing.MutableClock;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Whatever reaches the callback, {@link PushNotificationHandler#handle} answers with a status: it
 * never throws, and a verification the hub already made cannot be replayed to stretch the lease.
 */
class PushNotificationHandlerHostileInputTest {

  private static final String CALLBACK = "https://example.com/push";
  private static final String SECRET = "a-secret";
  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
  private static final Set<Integer> ANSWERS = Set.of(200, 204, 400, 403, 404, 405, 413);
  private static final String TOPIC = PushNotifications.topic(CHANNEL);
  private static final String JUNK = "%%zz%u%1%ZZ%\u0000\r\n\t&=?#+/;,é😀\uFFFF<>\"'\\";

  private final MutableClock clock = new MutableClock(T0);

  private PushNotificationHandler handler(SubscribeOptions options) {
    PushNotificationHandler handler = PushNotificationHandler.builder().clock(clock).build();
    handler.expect(HubSubscription.subscribe(CHANNEL, CALLBACK, options));
    return handler;
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static String verification(String topic, String lease) {
    return "hub.mode=subscribe&hub.topic="
        + enc(topic)
        + "&hub.challenge=c"
        + (lease == null ? "" : "&hub.lease_seconds=" + enc(lease));
  }

  // ---- The reported cases
  // ------------------------------------------------------------------------

  @Test
  void aBadEscapeInTheTopicIsNotFound() {
    PushNotificationHandler handler = handler(SubscribeOptions.defaults());
    for (String topic :
        List.of(
            PushNotifications.TOPIC_PREFIX + "%zz",
            PushNotifications.TOPIC_PREFIX + "UC%",
            PushNotifications.TOPIC_PREFIX + "%E9",
            PushNotifications.TOPIC_PREFIX + CHANNEL + "%")) {
      PushNotificationHandler.Response response =
          handler.handle("GET", verification(topic, "100"), null, null);
      assertThat(response.status()).as(topic).isEqualTo(404);
    }
    assertThat(handler.verified(CHANNEL)).isFalse();
  }

  @Test
  void aBadEscapeInTheLinkHeaderOrTheFeedsSelfLinkIsRefused() {
    PushNotificationHandler handler = handler(SubscribeOptions.defaults());
    byte[] body = bytes(Feeds.published("v1"));
    Map<String, List<String>> headers =
        Map.of("Link", List.of("<" + PushNotifications.TOPIC_PREFIX + "%zz>; rel=self"));
    assertThat(handler.handle("POST", null, headers, body).status()).isEqualTo(404);

    byte[] selfLinked =
        bytes(
            Feeds.published("v2")
                .replace("channel_id=" + CHANNEL + "\"", "channel_id=%zz\"")
                .replace("channel_id=" + CHANNEL, "channel_id=%zz"));
    assertThat(handler.handle("POST", null, Map.of(), selfLinked).status()).isEqualTo(403);
  }

  @Test
  void anAbsurdLeaseIsABadRequest() {
    for (String lease :
        List.of(
            String.valueOf(Long.MAX_VALUE),
            "100000000000000000",
            "99999999999999999999999",
            String.valueOf(Long.MIN_VALUE),
            "-1",
            "1e9",
            "",
            "0x10",
            "٣٠٠")) {
      PushNotificationHandler handler = handler(SubscribeOptions.defaults());
      PushNotificationHandler.Response response =
          handler.handle("GET", verification(TOPIC, lease), null, null);
      assertThat(response.status()).as(lease).isEqualTo(400);
      assertThat(handler.verified(CHANNEL)).as(lease).isFalse();
      assertThat(handler.leaseExpiresAt(CHANNEL)).as(lease).isEmpty();
    }
  }

  @Test
  void aRepeatedVerificationDoesNotStretchTheLease() {
    PushNotificationHandler handler = handler(SubscribeOptions.defaults().withLeaseSeconds(86_400));
    assertThat(handler.handle("GET", verification(TOPIC, "86400"), null, null).status())
        .isEqualTo(200);
    Instant granted = T0.plusSeconds(86_400);
    assertThat(handler.leaseExpiresAt(CHANNEL)).contains(granted);

    // Later, a forged verification: a hundred years, or the same lease again from now.
    clock.advance(Duration.ofHours(20));
    for (String lease : List.of("3153600000", "86400", "864000")) {
      PushNotificationHandler.Response forged =
          handler.handle("GET", verification(TOPIC, lease), null, null);
      assertThat(forged.status()).as(lease).isIn(200, 400);
      assertThat(handler.leaseExpiresAt(CHANNEL)).as(lease).contains(granted);
    }
    assertThat(handler.verified(CHANNEL)).isTrue();
  }

  @Test
  void aLeaseLongerThanAskedForCountsAsWhatWasAsked() {
    PushNotificationHandler handler = handler(SubscribeOptions.defaults().withLeaseSeconds(3_600));
    assertThat(handler.handle("GET", verification(TOPIC, "864000"), null, null).status())
        .isEqualTo(200);
    assertThat(handler.leaseExpiresAt(CHANNEL)).contains(T0.plusSeconds(3_600));

    // A shorter grant is taken as it is; a renewal is a new subscription, verified afresh.
    PushNotificationHandler shorter = handler(SubscribeOptions.defaults().withLeaseSeconds(3_600));
    shorter.handle("GET", verification(TOPIC, "600"), null, null);
    assertThat(shorter.leaseExpiresAt(CHANNEL)).contains(T0.plusSeconds(600));
    clock.advance(Duration.ofMinutes(5));
    shorter.expect(
        HubSubscription.subscribe(
            CHANNEL, CALLBACK, SubscribeOptions.defaults().withLeaseSeconds(3_600)));
    shorter.handle("GET", verification(TOPIC, "3600"), null, null);
    assertThat(shorter.leaseExpiresAt(CHANNEL)).contains(T0.plusSeconds(300 + 3_600));
  }

  @Test
  void aThrowingOnVerifiedListenerStillAnswersTheHub() {
    PushNotificationHandler handler =
        PushNotificationHandler.builder()
            .onVerified(
                s -> {
                  throw new IllegalStateException("listener bug");
                })
            .build();
    handler.expect(HubSubscription.subscribe(CHANNEL, CALLBACK, SubscribeOptions.defaults()));
    PushNotificationHandler.Response response =
        handler.handle("GET", verification(TOPIC, "100"), null, null);
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("c");
    assertThat(handler.verified(CHANNEL)).isTrue();
  }

  @Test
  void nullHeaderNamesValuesAndElementsAreIgnored() {
    PushNotificationHandler handler = handler(SubscribeOptions.defaults().withSecret(SECRET));
    byte[] body = bytes(Feeds.published("v1"));
    Map<String, List<String>> headers = new HashMap<>();
    headers.put(null, List.of("x"));
    headers.put("Link", null);
    headers.put("X-Hub-Signature", Arrays.asList((String) null));
    assertThat(handler.handle("POST", null, headers, body).status()).isEqualTo(403);
    headers.put("Link", Arrays.asList(null, "<" + TOPIC + ">; rel=self"));
    headers.put("X-Hub-Signature", Arrays.asList(null, Signatures.sign("sha1", SECRET, body)));
    assertThat(handler.handle("POST", null, headers, body).status()).isIn(204, 403);
  }

  // ---- Properties
  // --------------------------------------------------------------------------------

  /** A hostile verification request: every parameter drawn from junk and near-misses. */
  @Property(tries = 1000)
  void everyVerificationGetsAStatus(
      @ForAll("methods") String method,
      @ForAll("queries") String query,
      @ForAll("options") SubscribeOptions options) {
    PushNotificationHandler handler = handler(options);
    PushNotificationHandler.Response response = handler.handle(method, query, null, null);
    assertThat(response.status()).isIn(ANSWERS);
    assertThat(response.body().length()).isLessThanOrEqualTo(PushNotificationHandler.MAX_CHALLENGE);
    if (response.status() == 200 && !query.contains("denied")) {
      handler
          .leaseExpiresAt(CHANNEL)
          .ifPresent(at -> assertThat(at).isBefore(T0.plus(Duration.ofDays(3660))));
    }
  }

  /** A hostile notification: junk headers of every kind and a mutated or random body. */
  @Property(tries = 1000)
  void everyNotificationGetsAStatus(
      @ForAll("methods") String method,
      @ForAll("headers") Map<String, List<String>> headers,
      @ForAll("bodies") byte[] body,
      @ForAll("options") SubscribeOptions options) {
    PushNotificationHandler handler = handler(options);
    handler.handle("GET", verification(TOPIC, "100"), null, null);
    PushNotificationHandler.Response response = handler.handle(method, "", headers, body);
    assertThat(response.status()).isIn(ANSWERS);
  }

  /** A verification after a verification never moves the lease later. */
  @Property(tries = 500)
  void aReplayedVerificationNeverStretchesTheLease(
      @ForAll("leases") String first,
      @ForAll("leases") String replay,
      @ForAll("options") SubscribeOptions options) {
    PushNotificationHandler handler = handler(options);
    if (handler.handle("GET", verification(TOPIC, first), null, null).status() != 200) {
      return;
    }
    var before = handler.leaseExpiresAt(CHANNEL);
    clock.advance(Duration.ofMinutes(7));
    assertThat(handler.handle("GET", verification(TOPIC, replay), null, null).status())
        .isIn(ANSWERS);
    assertThat(handler.leaseExpiresAt(CHANNEL)).isEqualTo(before);
  }

  @Provide
  Arbitrary<String> methods() {
    return Arbitraries.oneOf(
        Arbitraries.of("GET", "POST", "get", "post", "PUT", "HEAD", "", " GET", "G\u0130T"),
        Arbitraries.strings().ofMaxLength(12));
  }

  @Provide
  Arbitrary<SubscribeOptions> options() {
    return Arbitraries.of(
        SubscribeOptions.defaults(),
        SubscribeOptions.defaults().withSecret(SECRET),
        SubscribeOptions.defaults().withLeaseSeconds(60),
        SubscribeOptions.defaults().withLeaseSeconds(Integer.MAX_VALUE).withSecret(SECRET));
  }

  @Provide
  Arbitrary<String> leases() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            String.valueOf(Long.MAX_VALUE),
            String.valueOf(Long.MIN_VALUE),
            "100000000000000000",
            "3153600000",
            "99999999999999999999",
            "0",
            "-0",
            "+5",
            " 5 ",
            "1e3",
            "",
            "٣",
            JUNK),
        Arbitraries.longs().map(String::valueOf),
        Arbitraries.longs().between(0, 10_000_000).map(String::valueOf),
        Arbitraries.strings().ofMaxLength(25));
  }

  @Provide
  Arbitrary<String> topics() {
    Arbitrary<String> ids =
        Arbitraries.oneOf(
            Arbitraries.just(CHANNEL),
            Arbitraries.strings().ofMaxLength(70),
            Arbitraries.strings().withChars(JUNK + "UCab").ofMaxLength(20));
    return Arbitraries.oneOf(
        ids.map(id -> PushNotifications.TOPIC_PREFIX + id),
        ids.map(id -> "http://www.youtube.com/xml/feeds/videos.xml?channel_id=" + id + "&x=%"),
        Arbitraries.strings().ofMaxLength(80),
        Arbitraries.strings().withChars(JUNK).ofMaxLength(30));
  }

  @Provide
  Arbitrary<String> queries() {
    Arbitrary<String> mode =
        Arbitraries.of("subscribe", "unsubscribe", "denied", "Subscribe", "", JUNK);
    Arbitrary<String> challenge =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(40),
            Arbitraries.strings().ofMinLength(1000).ofMaxLength(1100),
            Arbitraries.just(""));
    Arbitrary<String> wellFormed =
        Combinators.combine(
                mode, topics(), challenge, leases(), Arbitraries.integers().between(0, 4))
            .as(
                (m, t, c, l, encoding) -> {
                  List<String> pairs = new ArrayList<>();
                  // Sometimes encoded, sometimes raw (with its stray '%' and '&').
                  boolean raw = encoding == 0;
                  pairs.add("hub.mode=" + (raw ? m : enc(m)));
                  pairs.add("hub.topic=" + (raw ? t : enc(t)));
                  pairs.add("hub.challenge=" + (raw ? c : enc(c)));
                  if (encoding != 4) {
                    pairs.add("hub.lease_seconds=" + (raw ? l : enc(l)));
                  }
                  return String.join("&", pairs);
                });
    return Arbitraries.oneOf(
        wellFormed,
        Arbitraries.strings().ofMaxLength(200),
        Arbitraries.strings().withChars(JUNK + "hub.mode=subscribe").ofMaxLength(100));
  }

  @Provide
  Arbitrary<Map<String, List<String>>> headers() {
    Arbitrary<String> link =
        Arbitraries.oneOf(
            topics().map(t -> "<" + t + ">; rel=self"),
            topics().map(t -> "<https://hub/>; rel=hub, <" + t + ">;rel=\"self\""),
            Arbitraries.strings().ofMaxLength(100),
            Arbitraries.strings().withChars(JUNK + "<>;rel=self").ofMaxLength(60));
    Arbitrary<String> signature =
        Arbitraries.oneOf(
            Arbitraries.of("sha1=", "sha1", "=", "SHA1=00", "sha512=" + "f".repeat(128), JUNK),
            Arbitraries.strings().ofMaxLength(80));
    Arbitrary<List<String>> values =
        Arbitraries.oneOf(
            link.list().ofMaxSize(3),
            signature.list().ofMaxSize(2),
            Arbitraries.just(Arrays.asList((String) null)),
            Arbitraries.just((List<String>) null));
    Arbitrary<String> names =
        Arbitraries.oneOf(
            Arbitraries.of("Link", "link", "LINK", "X-Hub-Signature", "x-hub-signature"),
            Arbitraries.strings().ofMaxLength(15),
            Arbitraries.just((String) null));
    return Combinators.combine(names, values)
        .as(
            (name, value) -> {
              Map<String, List<String>> headers = new HashMap<>();
              headers.put(name, value);
              return headers;
            })
        .list()
        .ofMaxSize(4)
        .map(
            maps -> {
              Map<String, List<String>> all = new HashMap<>();
              maps.forEach(all::putAll);
              return all;
            })
        .injectNull(0.05);
  }

  @Provide
  Arbitrary<byte[]> bodies() {
    String feed = Feeds.published("vid1");
    Arbitrary<byte[]> mutated =
        Combinators.combine(
                Arbitraries.integers().between(0, feed.length()),
                Arbitraries.integers().between(0, 40),
                Arbitraries.oneOf(
                    Arbitraries.strings().withChars(JUNK + "<>/=\"").ofMaxLength(30),
                    Arbitraries.of(
                        "%zz",
                        "channel_id=%",
                        "<link rel=\"self\" href=\"" + PushNotifications.TOPIC_PREFIX + "%zz\"/>",
                        "<yt:channelId>%zz</yt:channelId>",
                        "<published>+999999999-12-31T23:59:59Z</published>",
                        "<updated>-999999999-01-01T00:00:00Z</updated>",
                        "&#0;",
                        "]]>",
                        "<!DOCTYPE x>")))
            .as(
                (at, cut, insert) -> {
                  int end = Math.min(feed.length(), at + cut);
                  return bytes(feed.substring(0, at) + insert + feed.substring(end));
                });
    return Arbitraries.oneOf(
        mutated,
        Arbitraries.bytes().array(byte[].class).ofMaxSize(300),
        Arbitraries.just(bytes(Feeds.deleted(CHANNEL, "gone"))),
        Arbitraries.just((byte[]) null));
  }
}
