package io.github.jyoutube.push;

import static io.github.jyoutube.push.Feeds.CHANNEL;
import static io.github.jyoutube.push.Feeds.OTHER_CHANNEL;
import static io.github.jyoutube.push.Feeds.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.jyoutube.testing.MutableClock;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The callback's answers: verification, signatures, and what reaches the listener. */
class PushNotificationHandlerTest {

  private static final String CALLBACK = "https://example.com/push";
  private static final String SECRET = "s3cr3t-per-subscription";

  private final List<PushEvent> events = new CopyOnWriteArrayList<>();
  private final List<HubSubscription> verifications = new CopyOnWriteArrayList<>();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
  private final PushNotificationHandler handler =
      PushNotificationHandler.builder()
          .listener(events::add)
          .onVerified(verifications::add)
          .clock(clock)
          .build();

  private static String query(String mode, String topic, String challenge) {
    return "hub.mode="
        + mode
        + "&hub.topic="
        + URLEncoder.encode(topic, StandardCharsets.UTF_8)
        + "&hub.challenge="
        + challenge
        + "&hub.lease_seconds=432000";
  }

  private PushNotificationHandler.Response post(byte[] body, String signature) {
    Map<String, List<String>> headers =
        signature == null
            ? Map.of("Content-Type", List.of("application/atom+xml"))
            : Map.of(
                "Content-Type", List.of("application/atom+xml"),
                "x-hub-signature", List.of(signature));
    return handler.handle("POST", null, headers, body);
  }

  private void subscribeWithSecret() {
    handler.expect(
        HubSubscription.subscribe(
            CHANNEL, CALLBACK, SubscribeOptions.defaults().withSecret(SECRET)));
  }

  // ---- Verification ----------------------------------------------------------------------------

  @Test
  void theChallengeIsEchoedOnlyForAnExpectedTopicAndMode() {
    subscribeWithSecret();
    String topic = PushNotifications.topic(CHANNEL);

    PushNotificationHandler.Response ok =
        handler.handle("GET", query("subscribe", topic, "ch4llenge-123"), null, null);
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.body()).isEqualTo("ch4llenge-123");
    assertThat(ok.contentType()).startsWith("text/plain");
    assertThat(handler.verified(CHANNEL)).isTrue();
    assertThat(handler.leaseExpiresAt(CHANNEL))
        .contains(Instant.parse("2026-03-01T00:00:00Z").plusSeconds(432000));
    assertThat(verifications).hasSize(1);

    // Another channel, the wrong mode, a foreign topic, no parameters at all: 404, no echo.
    for (String query :
        new String[] {
          query("subscribe", PushNotifications.topic(OTHER_CHANNEL), "x1"),
          query("unsubscribe", topic, "x2"),
          query("subscribe", "https://evil.example/feed?channel_id=" + CHANNEL, "x3"),
          "hub.challenge=x4",
          null
        }) {
      PushNotificationHandler.Response refused = handler.handle("GET", query, Map.of(), null);
      assertThat(refused.status()).as(query).isEqualTo(404);
      assertThat(refused.body()).as(query).doesNotContain("x1", "x2", "x3", "x4");
    }
    assertThat(verifications).hasSize(1);
  }

  @Test
  void anUnsubscriptionIsConfirmedOnlyOnceAskedForAndEndsTheNotifications() {
    subscribeWithSecret();
    String topic = PushNotifications.topic(CHANNEL);
    assertThat(handler.handle("GET", query("unsubscribe", topic, "c1"), null, null).status())
        .isEqualTo(404);

    handler.expect(HubSubscription.unsubscribe(CHANNEL, CALLBACK, SubscribeOptions.defaults()));
    // Until the hub confirms, signed notifications still arrive.
    byte[] body = bytes(Feeds.published("vid1"));
    assertThat(post(body, Signatures.sign("sha1", SECRET, body)).status()).isEqualTo(204);

    PushNotificationHandler.Response confirmed =
        handler.handle("GET", query("unsubscribe", topic, "c2"), null, null);
    assertThat(confirmed.status()).isEqualTo(200);
    assertThat(confirmed.body()).isEqualTo("c2");
    assertThat(handler.subscriptions()).isEmpty();
    assertThat(post(body, Signatures.sign("sha1", SECRET, body)).status()).isEqualTo(404);
    assertThat(handler.handle("GET", query("subscribe", topic, "c3"), null, null).status())
        .isEqualTo(404);
  }

  @Test
  void aMissingOrHugeChallengeIsABadRequest() {
    subscribeWithSecret();
    String topic = URLEncoder.encode(PushNotifications.topic(CHANNEL), StandardCharsets.UTF_8);
    assertThat(handler.handle("GET", "hub.mode=subscribe&hub.topic=" + topic, null, null).status())
        .isEqualTo(400);
    assertThat(
            handler
                .handle(
                    "GET",
                    "hub.mode=subscribe&hub.topic=" + topic + "&hub.challenge=" + "a".repeat(5000),
                    null,
                    null)
                .status())
        .isEqualTo(400);
  }

  // ---- Signatures ------------------------------------------------------------------------------

  @Test
  void aValidSha1SignatureIsAccepted() {
    subscribeWithSecret();
    byte[] body = bytes(Feeds.published("dQw4w9WgXcQ"));

    PushNotificationHandler.Response response = post(body, Signatures.sign("sha1", SECRET, body));

    assertThat(response.status()).isEqualTo(204);
    assertThat(response.events()).hasSize(1);
    assertThat(events).hasSize(1);
    assertThat(events.get(0)).isInstanceOf(PushEvent.VideoPublished.class);
    assertThat(events.get(0).videoId()).isEqualTo("dQw4w9WgXcQ");
  }

  @Test
  void sha256IsAcceptedTooAndHexCaseDoesNotMatter() {
    subscribeWithSecret();
    byte[] body = bytes(Feeds.published("v256"));
    assertThat(post(body, Signatures.sign("sha256", SECRET, body)).status()).isEqualTo(204);
    assertThat(post(body, Signatures.sign("sha1", SECRET, body).toUpperCase()).status())
        .isEqualTo(204);
    assertThat(events).hasSize(2);
  }

  @Test
  void aWrongSignatureIsRefused() {
    subscribeWithSecret();
    byte[] body = bytes(Feeds.published("v1"));

    for (String wrong :
        new String[] {
          Signatures.sign("sha1", "another secret", body),
          Signatures.sign("sha256", "another secret", body),
          "sha1=" + "0".repeat(40),
          "sha1=not-hex",
          "md5=" + "0".repeat(32),
          "sha1",
          ""
        }) {
      PushNotificationHandler.Response response = post(body, wrong);
      assertThat(response.status()).as(wrong).isEqualTo(403);
      assertThat(response.events()).isEmpty();
    }
    assertThat(events).isEmpty();
  }

  @Test
  void aMissingSignatureIsRefusedWhenASecretIsSet() {
    subscribeWithSecret();
    PushNotificationHandler.Response response = post(bytes(Feeds.published("v1")), null);
    assertThat(response.status()).isEqualTo(403);
    assertThat(response.body()).contains("missing X-Hub-Signature");
    assertThat(events).isEmpty();
  }

  @Test
  void aBodyAlteredAfterSigningIsRefused() {
    subscribeWithSecret();
    byte[] original = bytes(Feeds.published("v1"));
    String signature = Signatures.sign("sha1", SECRET, original);
    byte[] altered = bytes(Feeds.published("v1").replace("Road trip", "Road trap"));

    assertThat(post(altered, signature).status()).isEqualTo(403);
    assertThat(events).isEmpty();
    assertThat(post(original, signature).status()).isEqualTo(204);
  }

  @Test
  void withoutASecretUnsignedNotificationsAreAccepted() {
    handler.expect(HubSubscription.subscribe(CHANNEL, CALLBACK, SubscribeOptions.defaults()));
    assertThat(post(bytes(Feeds.published("v1")), null).status()).isEqualTo(204);
    assertThat(events).hasSize(1);
  }

  @Test
  void aFeedAboutAnotherChannelIsRefusedEvenWhenSigned() {
    subscribeWithSecret();
    handler.expect(HubSubscription.subscribe(OTHER_CHANNEL, CALLBACK, SubscribeOptions.defaults()));
    // Unsigned: Bob's subscription (no secret) accepts it, but it can only vouch for Bob's feed,
    // and this one is Alice's, whose subscription demands a signature.
    byte[] aliceFeed = bytes(Feeds.published("v1"));
    assertThat(post(aliceFeed, null).status()).isEqualTo(403);

    byte[] bobFeed =
        bytes(
            Feeds.entry(
                OTHER_CHANNEL, "b1", "Bob's", "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z"));
    assertThat(post(bobFeed, null).status()).isEqualTo(204);
    assertThat(events).extracting(PushEvent::videoId).containsExactly("b1");
  }

  @Test
  void notificationsForUnknownTopicsAreNotFound() {
    byte[] body = bytes(Feeds.published("v1"));
    assertThat(post(body, Signatures.sign("sha1", SECRET, body)).status()).isEqualTo(404);

    subscribeWithSecret();
    Map<String, List<String>> headers =
        Map.of(
            "Link",
            List.of(
                "<https://pubsubhubbub.appspot.com/>; rel=hub, <"
                    + PushNotifications.topic(OTHER_CHANNEL)
                    + ">; rel=self"),
            "X-Hub-Signature",
            List.of(Signatures.sign("sha1", SECRET, body)));
    assertThat(handler.handle("POST", null, headers, body).status()).isEqualTo(404);
  }

  @Test
  void signedGarbageIsABadRequestAndOversizedBodiesAreRefused() {
    subscribeWithSecret();
    byte[] garbage = bytes("<html>hello</html>");
    assertThat(post(garbage, Signatures.sign("sha1", SECRET, garbage)).status()).isEqualTo(400);

    byte[] huge = new byte[PushNotificationHandler.DEFAULT_MAX_BODY_BYTES + 1];
    assertThat(post(huge, Signatures.sign("sha1", SECRET, huge)).status()).isEqualTo(413);
    assertThat(events).isEmpty();
  }

  @Test
  void aSignedXmlBombOrExternalEntityIsRefusedAfterTheSignature() {
    subscribeWithSecret();
    String bomb =
        "<!DOCTYPE feed [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
            + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>&b;</title></feed>";
    String xxe =
        "<!DOCTYPE feed [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>&x;</title></feed>";
    for (String payload : new String[] {bomb, xxe}) {
      byte[] body = bytes(payload);
      PushNotificationHandler.Response response = post(body, Signatures.sign("sha1", SECRET, body));
      assertThat(response.status()).isEqualTo(400);
      assertThat(response.body()).doesNotContain("root:", "aaaa");
    }
    assertThat(events).isEmpty();
  }

  @Test
  void aDeletionWithoutChannelIsAttributedToTheSigningSubscription() {
    subscribeWithSecret();
    byte[] body =
        bytes(
            "<feed xmlns:at=\"http://purl.org/atompub/tombstones/1.0\""
                + " xmlns=\"http://www.w3.org/2005/Atom\">"
                + "<at:deleted-entry ref=\"yt:video:gone1\" when=\"2026-03-01T10:00:00+00:00\"/>"
                + "</feed>");
    assertThat(post(body, Signatures.sign("sha1", SECRET, body)).status()).isEqualTo(204);
    assertThat(events)
        .singleElement()
        .isInstanceOfSatisfying(
            PushEvent.VideoDeleted.class,
            d -> {
              assertThat(d.videoId()).isEqualTo("gone1");
              assertThat(d.channelId()).isEqualTo(CHANNEL);
              assertThat(d.deletedAt()).isEqualTo("2026-03-01T10:00:00Z");
            });
  }

  @Test
  void aFailingListenerMakesTheHubRetry() {
    PushNotificationHandler failing =
        new PushNotificationHandler(
            event -> {
              throw new IllegalStateException("database down");
            });
    failing.expect(HubSubscription.subscribe(CHANNEL, CALLBACK, SubscribeOptions.defaults()));
    PushNotificationHandler.Response response =
        failing.handle("POST", null, Map.of(), bytes(Feeds.published("v1")));
    assertThat(response.status()).isEqualTo(500);
  }

  @Test
  void otherMethodsAreNotAllowedAndSecretsAreNotShown() {
    assertThat(handler.handle("PUT", null, null, null).status()).isEqualTo(405);
    HubSubscription subscription =
        HubSubscription.subscribe(
            CHANNEL, CALLBACK, SubscribeOptions.defaults().withSecret(SECRET));
    assertThat(subscription.toString()).doesNotContain(SECRET).contains("(redacted)");
  }
}
