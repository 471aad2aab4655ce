package io.github.jyoutube.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.testing.FakeGoogle;
import io.github.jyoutube.testing.FakeGoogle.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The README's push notification example compiles and sends what it says. */
class ReadmePushExampleTest {

  private final FakeGoogle google = FakeGoogle.start();
  private final YouTubeClient cli =
      YouTubeClient.builder().accessToken("ya29.readme").endpoints(google.endpoints()).build();

  @AfterEach
  void stop() {
    google.close();
  }

  @Test
  void theReadmeExample() {
    google.enqueue("/pubsubhubbub/subscribe", Reply.of(202, "text/plain", ""));
    String secret = "random-per-subscription";

    PushNotificationHandler handler =
        new PushNotificationHandler(
            event -> {
              if (event instanceof PushEvent.VideoPublished v) {
                System.out.println("new: " + v.videoId() + " " + v.title());
              }
              if (event instanceof PushEvent.VideoDeleted d) {
                System.out.println("deleted: " + d.videoId());
              }
            });
    try (PushNotificationReceiver receiver =
        PushNotificationReceiver.builder(handler).port(0).start()) {
      cli.pushNotifications()
          .subscribe(
              "UC_x5XG1OV2P6uZZ5FSM9Ttw",
              "https://example.com/youtube",
              SubscribeOptions.defaults().withSecret(secret).withLeaseSeconds(86_400),
              handler);
      assertThat(receiver.port()).isPositive();
    }

    assertThat(google.received("/pubsubhubbub/subscribe").get(0).form())
        .containsEntry("hub.callback", "https://example.com/youtube")
        .containsEntry("hub.lease_seconds", "86400")
        .containsEntry("hub.secret", secret);
    assertThat(handler.subscriptions()).hasSize(1);
  }
}
