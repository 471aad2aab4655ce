package io.github.jyoutube.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jyoutube.testing.HostileClients;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The sign-in redirect reaches the loopback receiver while many more clients than it has threads
 * hold connections open to it (a browser's pre-connections, or anything else on the machine).
 */
@Timeout(60)
class LoopbackReceiverSlowClientsTest {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static InetSocketAddress address(LoopbackReceiver receiver) {
    return new InetSocketAddress("127.0.0.1", receiver.port());
  }

  @Test
  void theRedirectIsTakenWhile60SlowClientsHoldConnections() throws Exception {
    try (LoopbackReceiver receiver = LoopbackReceiver.start();
        HostileClients hostile = new HostileClients(address(receiver))) {
      receiver.expectState("the-state");
      hostile
          .silent(20)
          .halfRequests(30, "/")
          .dribblers(4, "/", Duration.ofSeconds(1))
          .stalledBodies(6, "/");
      Thread.sleep(300);

      String redirect = receiver.redirectUri() + "?state=the-state&code=4%2F0Acode";
      long start = System.nanoTime();
      CompletableFuture<HttpResponse<String>> page =
          http.sendAsync(
              HttpRequest.newBuilder(URI.create(redirect)).timeout(Duration.ofSeconds(20)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(receiver.awaitRedirect(Duration.ofSeconds(10))).isEqualTo(redirect);
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      receiver.finish(true, "ok");
      assertThat(page.get().statusCode()).isEqualTo(200);
      System.out.printf(
          "[slow clients] %d hostile connections: the redirect arrived in %d ms%n",
          hostile.size(), took.toMillis());
      assertThat(took).isLessThan(Duration.ofSeconds(3));
    }
  }

  @Test
  void requestsNotSentWithinTheClientTimeoutAreDisconnected() throws Exception {
    try (LoopbackReceiver receiver = LoopbackReceiver.start(Duration.ofSeconds(1));
        HostileClients hostile = new HostileClients(address(receiver))) {
      hostile.halfRequests(2, "/").stalledBodies(2, "/").dribblers(2, "/", Duration.ofMillis(200));
      Duration closed = hostile.allClosedByServerWithin(Duration.ofSeconds(10));
      System.out.printf(
          "[slow clients] %d slow requests were all disconnected after %d ms (client timeout 1 s)%n",
          hostile.size(), closed == null ? -1 : closed.toMillis());
      assertThat(closed).isNotNull().isBetween(Duration.ofMillis(700), Duration.ofMillis(2500));
    }
  }
}
