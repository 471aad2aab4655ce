package io.github.jyoutube.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jyoutube.Endpoints;
import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.error.HubException;
import io.github.jyoutube.error.YouTubeException;
import io.github.jyoutube.testing.FakeGoogle;
import io.github.jyoutube.testing.FakeGoogle.Reply;
import io.github.jyoutube.testing.RecordingSleeper;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What {@code cli.pushNotifications()} sends to the hub, and how it reads the answers. */
class SubscribeRequestTest {

  private static final String HUB = "/pubsubhubbub/subscribe";
  private static final String CHANNEL = "UC_x5XG1OV2P6uZZ5FSM9Ttw";
  private static final String CALLBACK = "https://example.com/push?key=a b";

  private final FakeGoogle google = FakeGoogle.start();
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final YouTubeClient cli =
      YouTubeClient.builder()
          .accessToken("ya29.push")
          .endpoints(google.endpoints())
          .sleeper(sleeper)
          .build();

  @AfterEach
  void stop() {
    google.close();
  }

  @Test
  void theHubIsAnEndpointLikeTheOthers() {
    assertThat(Endpoints.google().hub())
        .isEqualTo(URI.create("https://pubsubhubbub.appspot.com/subscribe"));
    assertThat(Endpoints.at("http://127.0.0.1:8080").hub())
        .isEqualTo(URI.create("http://127.0.0.1:8080/pubsubhubbub/subscribe"));
    assertThat(Endpoints.google().withHub(URI.create("https://hub.example/")).hub())
        .hasToString("https://hub.example/");
    assertThatThrownBy(() -> Endpoints.google().withHub(URI.create("http://hub.example/")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hub endpoint must use https");
    assertThat(cli.pushNotifications().hub()).isEqualTo(google.endpoints().hub());
  }

  @Test
  void subscribeIsAFormPostWithTheTopicAndTheOptions() {
    google.enqueue(HUB, Reply.of(202, "text/plain", ""));

    HubSubscription subscription =
        cli.pushNotifications()
            .subscribe(
                CHANNEL,
                CALLBACK.replace(" ", "%20"),
                SubscribeOptions.defaults()
                    .withLeaseSeconds(3600)
                    .withSecret("s3cr3t")
                    .withVerify(SubscribeOptions.Verify.SYNC));

    FakeGoogle.Received request = google.received(HUB).get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.header("content-type")).isEqualTo("application/x-www-form-urlencoded");
    assertThat(request.header("authorization")).isNull();
    assertThat(request.query()).isEmpty();
    assertThat(request.form())
        .containsExactly(
            Map.entry("hub.callback", "https://example.com/push?key=a%20b"),
            Map.entry("hub.mode", "subscribe"),
            Map.entry(
                "hub.topic", "https://www.youtube.com/xml/feeds/videos.xml?channel_id=" + CHANNEL),
            Map.entry("hub.verify", "sync"),
            Map.entry("hub.lease_seconds", "3600"),
            Map.entry("hub.secret", "s3cr3t"));
    assertThat(request.body())
        .contains(
            "hub.topic=https%3A%2F%2Fwww.youtube.com%2Fxml%2Ffeeds%2Fvideos.xml%3Fchannel_id%3D");
    assertThat(subscription.topic()).isEqualTo(PushNotifications.topic(CHANNEL));
    assertThat(subscription.toString()).doesNotContain("s3cr3t");
    assertThat(cli.quota().spentToday()).isEmpty();
  }

  @Test
  void theDefaultsSendOnlyTheRequiredFields() {
    google.enqueue(HUB, Reply.of(204, "text/plain", ""));
    cli.pushNotifications().subscribe(CHANNEL, "https://example.com/push");
    assertThat(google.received(HUB).get(0).form())
        .containsOnlyKeys("hub.callback", "hub.mode", "hub.topic");
  }

  @Test
  void unsubscribeSendsTheModeAndNoSecret() {
    google.enqueue(HUB, Reply.of(202, "text/plain", ""));
    cli.pushNotifications()
        .unsubscribe(
            CHANNEL,
            "https://example.com/push",
            SubscribeOptions.defaults().withSecret("s").withVerify(SubscribeOptions.Verify.ASYNC));
    assertThat(google.received(HUB).get(0).form())
        .containsEntry("hub.mode", "unsubscribe")
        .containsEntry("hub.verify", "async")
        .doesNotContainKeys("hub.secret", "hub.lease_seconds");
  }

  @Test
  void aRefusalIsAHubExceptionWithTheHubsText() {
    google.enqueue(HUB, Reply.of(400, "text/plain", "Invalid value for hub.callback\n"));

    assertThatThrownBy(() -> cli.pushNotifications().subscribe(CHANNEL, "https://example.com/push"))
        .isInstanceOf(HubException.class)
        .isInstanceOf(YouTubeException.class)
        .hasMessageContaining("Invalid value for hub.callback")
        .hasMessageContaining("(400)")
        .hasMessageNotContaining("example.com")
        .satisfies(
            e -> {
              HubException hub = (HubException) e;
              assertThat(hub.statusCode()).isEqualTo(400);
              assertThat(hub.hubMessage()).isEqualTo("Invalid value for hub.callback");
              assertThat(hub.mode()).isEqualTo("subscribe");
              assertThat(hub.topic()).isEqualTo(PushNotifications.topic(CHANNEL));
            });
    assertThat(sleeper.delays()).isEmpty();
  }

  @Test
  void aSuccessOtherThan202Or204IsARefusalToo() {
    google.enqueue(HUB, Reply.of(200, "text/html", "<html><body>Sign in</body></html>"));
    assertThatThrownBy(() -> cli.pushNotifications().subscribe(CHANNEL, "https://example.com/push"))
        .isInstanceOf(HubException.class)
        .hasMessageContaining("(200): Sign in");
  }

  @Test
  void serverErrorsAreRetriedWithTheClientsBackoff() {
    google.enqueue(
        HUB,
        Reply.of(503, "text/plain", "busy"),
        Reply.of(500, "text/plain", "oops"),
        Reply.of(202, "text/plain", ""));

    cli.pushNotifications().subscribe(CHANNEL, "https://example.com/push");

    assertThat(google.received(HUB)).hasSize(3);
    assertThat(sleeper.delays()).hasSize(2);
  }

  @Test
  void theHandlerExpectsTheSubscriptionBeforeTheHubCallsAndForgetsARefusedOne() {
    PushNotificationHandler handler = new PushNotificationHandler(event -> {});
    String topic = PushNotifications.topic(CHANNEL);
    // A hub that verifies synchronously, while the subscription request is open.
    google.otherwise(
        HUB,
        request -> {
          PushNotificationHandler.Response answer =
              handler.handle(
                  "GET",
                  "hub.mode=subscribe&hub.topic="
                      + java.net.URLEncoder.encode(topic, java.nio.charset.StandardCharsets.UTF_8)
                      + "&hub.challenge=abc",
                  Map.of(),
                  null);
          return answer.status() == 200 && answer.body().equals("abc")
              ? Reply.of(204, "text/plain", "")
              : Reply.of(409, "text/plain", "Error trying to confirm subscription");
        });

    cli.pushNotifications()
        .subscribe(CHANNEL, "https://example.com/push", SubscribeOptions.defaults(), handler);
    assertThat(handler.verified(CHANNEL)).isTrue();

    PushNotificationHandler other = new PushNotificationHandler(event -> {});
    google.enqueue(HUB, Reply.of(400, "text/plain", "no"));
    assertThatThrownBy(
            () ->
                cli.pushNotifications()
                    .subscribe(
                        "UCbob00emulator0channel0",
                        "https://example.com/push",
                        SubscribeOptions.defaults(),
                        other))
        .isInstanceOf(HubException.class);
    assertThat(other.subscriptions()).isEmpty();
  }

  @Test
  void badArgumentsAreRefusedBeforeAnyRequest() {
    assertThatThrownBy(() -> cli.pushNotifications().subscribe("", "https://example.com/"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> cli.pushNotifications().subscribe(CHANNEL, "/relative"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("callback");
    assertThatThrownBy(() -> cli.pushNotifications().subscribe(CHANNEL, "ftp://example.com/"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SubscribeOptions.defaults().withSecret("x".repeat(200)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SubscribeOptions.defaults().withLeaseSeconds(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(google.received()).isEmpty();
  }
}
