package io.github.jyoutube.push;

import static io.github.jyoutube.push.Feeds.CHANNEL;
import static io.github.jyoutube.push.Feeds.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The embedded receiver, over loopback HTTP. */
class PushNotificationReceiverTest {

  private final List<PushEvent> events = new CopyOnWriteArrayList<>();
  private final PushNotificationHandler handler = new PushNotificationHandler(events::add);
  private final PushNotificationReceiver receiver =
      PushNotificationReceiver.builder(handler).path("/youtube/push").start();
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    receiver.close();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void itAnswersTheVerificationAndDeliversSignedNotifications() throws Exception {
    URI callback = receiver.callbackUri();
    assertThat(callback.toString()).matches("http://127\\.0\\.0\\.1:\\d+/youtube/push");
    handler.expect(
        HubSubscription.subscribe(
            CHANNEL, callback.toString(), SubscribeOptions.defaults().withSecret("k")));

    String topic = URLEncoder.encode(PushNotifications.topic(CHANNEL), StandardCharsets.UTF_8);
    HttpResponse<String> verification =
        send(
            HttpRequest.newBuilder(
                URI.create(
                    callback + "?hub.mode=subscribe&hub.topic=" + topic + "&hub.challenge=xyz")));
    assertThat(verification.statusCode()).isEqualTo(200);
    assertThat(verification.body()).isEqualTo("xyz");

    byte[] body = bytes(Feeds.published("vidR1"));
    HttpResponse<String> signed =
        send(
            HttpRequest.newBuilder(callback)
                .header("Content-Type", "application/atom+xml")
                .header("X-Hub-Signature", Signatures.sign("sha1", "k", body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    assertThat(signed.statusCode()).isEqualTo(204);
    assertThat(events).extracting(PushEvent::videoId).containsExactly("vidR1");

    HttpResponse<String> unsigned =
        send(HttpRequest.newBuilder(callback).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    assertThat(unsigned.statusCode()).isEqualTo(403);
    assertThat(events).hasSize(1);
  }

  @Test
  void otherPathsAndOversizedBodiesAreRefused() throws Exception {
    handler.expect(
        HubSubscription.subscribe(
            CHANNEL, receiver.callbackUri().toString(), SubscribeOptions.defaults()));
    URI other = receiver.callbackUri().resolve("/elsewhere");
    assertThat(send(HttpRequest.newBuilder(other)).statusCode()).isEqualTo(404);

    byte[] huge = new byte[PushNotificationHandler.DEFAULT_MAX_BODY_BYTES + 10];
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(receiver.callbackUri())
                .POST(HttpRequest.BodyPublishers.ofByteArray(huge)));
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(events).isEmpty();
  }
}
