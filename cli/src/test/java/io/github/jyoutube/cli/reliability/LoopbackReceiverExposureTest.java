package io.github.jyoutube.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jyoutube.cli.LoopbackReceiver;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the loopback receiver exposes: a socket on 127.0.0.1 only (not on every address, not even on
 * the rest of 127.0.0.0/8), one redirect with the expected state, and nothing left running once it
 * is closed.
 */
@Timeout(60)
class LoopbackReceiverExposureTest {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void itListensOn127001AndNowhereElse() throws Exception {
    try (LoopbackReceiver receiver = LoopbackReceiver.start()) {
      try (Socket ok = new Socket()) {
        ok.connect(
            new InetSocketAddress(
                InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), receiver.port()),
            5_000);
        assertThat(ok.isConnected()).isTrue();
      }
      // A server bound to the wildcard address would answer on 127.0.0.2 as well.
      try (Socket other = new Socket()) {
        assertThatThrownBy(
                () ->
                    other.connect(
                        new InetSocketAddress(
                            InetAddress.getByAddress(new byte[] {127, 0, 0, 2}), receiver.port()),
                        5_000))
            .isInstanceOf(ConnectException.class);
      }
    }
  }

  @Test
  void onlyTheExpectedStateIsTakenAndOnlyOnceThenEverythingStops() throws Exception {
    String redirect;
    LoopbackReceiver receiver = LoopbackReceiver.start();
    try {
      receiver.expectState("the-state");
      String base = receiver.redirectUri();
      for (String forged :
          new String[] {
            "?code=c",
            "?state=&code=c",
            "?state=the-stat&code=c",
            "?state=the-state-2&code=c",
            "?state=THE-STATE&code=c",
            "?code=c&state=x&state=the-state"
          }) {
        assertThat(get(base + forged).statusCode()).as(forged).isEqualTo(400);
      }
      assertThat(get(base + "?state=the-state&code=c", "POST").statusCode()).isEqualTo(405);
      assertThat(receiver.accepted()).isFalse();
      assertThatThrownBy(() -> receiver.awaitRedirect(Duration.ofMillis(100)))
          .isInstanceOf(TimeoutException.class);

      redirect = base + "?state=the-state&code=4%2F0Acode";
      CompletableFuture<HttpResponse<String>> page =
          http.sendAsync(
              HttpRequest.newBuilder(URI.create(redirect)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(receiver.awaitRedirect(Duration.ofSeconds(10))).isEqualTo(redirect);
      assertThat(get(redirect).statusCode()).isEqualTo(409);
      receiver.finish(true, "ok");
      assertThat(page.get().statusCode()).isEqualTo(200);
      assertThat(page.get().headers().firstValue("Referrer-Policy")).contains("no-referrer");
      assertThat(page.get().headers().firstValue("Cache-Control")).contains("no-store");
    } finally {
      receiver.close();
    }

    int port = receiver.port();
    try (Socket gone = new Socket()) {
      assertThatThrownBy(
              () ->
                  gone.connect(
                      new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000))
          .isInstanceOf(ConnectException.class);
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (receiverThreads() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(receiverThreads()).as("receiver threads still running").isZero();
  }

  private HttpResponse<String> get(String uri) throws IOException, InterruptedException {
    return get(uri, "GET");
  }

  private HttpResponse<String> get(String uri, String method)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(uri))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static long receiverThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith("jyoutube-loopback-receiver"))
        .count();
  }
}
