package io.github.jyoutube.push;

import static io.github.jyoutube.push.Feeds.CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.jyoutube.testing.HostileClients;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The embedded receiver answers the hub while many more clients than it has threads hold
 * connections open: silent ones, half requests, one byte a second, bodies that never come.
 */
@Timeout(60)
class ReceiverSlowClientsTest {

  private static final Duration BOUND = Duration.ofSeconds(3);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** Sends the hub's verification; returns how long the answer took. */
  private Duration verify(PushNotificationReceiver receiver) throws Exception {
    String topic = URLEncoder.encode(PushNotifications.topic(CHANNEL), StandardCharsets.UTF_8);
    URI uri =
        URI.create(
            receiver.callbackUri()
                + "?hub.mode=subscribe&hub.topic="
                + topic
                + "&hub.challenge=the-challenge&hub.lease_seconds=600");
    long start = System.nanoTime();
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("the-challenge");
    return took;
  }

  private void holdOpenThenVerify(PushNotificationReceiver receiver, int scale) throws Exception {
    receiver
        .handler()
        .expect(
            HubSubscription.subscribe(
                CHANNEL, receiver.callbackUri().toString(), SubscribeOptions.defaults()));
    String path = receiver.callbackUri().getPath();
    try (HostileClients hostile = new HostileClients(receiver.address())) {
      hostile
          .silent(20 * scale)
          .halfRequests(30 * scale, path)
          .dribblers(4 * scale, path, Duration.ofSeconds(1))
          .stalledBodies(6 * scale, path);
      // Let the server hand every one of them to a thread.
      Thread.sleep(300);
      Duration took = verify(receiver);
      System.out.printf(
          "[slow clients] %d hostile connections: the verification was answered in %d ms%n",
          hostile.size(), took.toMillis());
      assertThat(took).isLessThan(BOUND);
      assertThat(receiver.handler().verified(CHANNEL)).isTrue();
    }
  }

  @Test
  void theHubIsAnsweredWhile300SlowClientsHoldConnections() throws Exception {
    try (PushNotificationReceiver receiver =
        PushNotificationReceiver.builder(new PushNotificationHandler(e -> {})).start()) {
      holdOpenThenVerify(receiver, 5);
    }
  }

  @Test
  void evenWithTwoThreads() throws Exception {
    try (PushNotificationReceiver receiver =
        PushNotificationReceiver.builder(new PushNotificationHandler(e -> {})).threads(2).start()) {
      holdOpenThenVerify(receiver, 1);
    }
  }

  @Test
  void requestsNotSentWithinTheClientTimeoutAreDisconnected() throws Exception {
    try (PushNotificationReceiver receiver =
            PushNotificationReceiver.builder(new PushNotificationHandler(e -> {}))
                .path("/push")
                .clientTimeout(Duration.ofSeconds(1))
                .start();
        HostileClients hostile = new HostileClients(receiver.address())) {
      hostile
          .halfRequests(2, "/push")
          .stalledBodies(2, "/push")
          .stalledBodies(2, "/elsewhere")
          .dribblers(2, "/push", Duration.ofMillis(200));
      Duration closed = hostile.allClosedByServerWithin(Duration.ofSeconds(10));
      System.out.printf(
          "[slow clients] %d slow requests were all disconnected after %d ms (client timeout 1 s)%n",
          hostile.size(), closed == null ? -1 : closed.toMillis());
      assertThat(closed).isNotNull().isBetween(Duration.ofMillis(700), Duration.ofMillis(2500));
    }
  }

  @Test
  void aSlowListenerHasNoDeadline() throws Exception {
    PushNotificationHandler handler =
        PushNotificationHandler.builder()
            .onVerified(
                s -> {
                  try {
                    Thread.sleep(1500);
                  } catch (InterruptedException e) {
                    throw new IllegalStateException("interrupted", e);
                  }
                })
            .build();
    try (PushNotificationReceiver receiver =
        PushNotificationReceiver.builder(handler).clientTimeout(Duration.ofMillis(300)).start()) {
      handler.expect(
          HubSubscription.subscribe(
              CHANNEL, receiver.callbackUri().toString(), SubscribeOptions.defaults()));
      assertThat(verify(receiver)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
    }
  }
}
