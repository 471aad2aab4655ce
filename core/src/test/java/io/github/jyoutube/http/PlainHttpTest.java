package io.github.jyoutube.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The TLS context of clients whose endpoints are all plain http: it never makes a connection. */
class PlainHttpTest {

  @Test
  void onlyWhenEveryUriIsPlainHttp() {
    URI local = URI.create("http://127.0.0.1:8080/youtube/v3/");
    assertThat(PlainHttp.only(local, URI.create("HTTP://localhost/token"))).isTrue();
    assertThat(PlainHttp.only(local, URI.create("https://oauth2.googleapis.com/token"))).isFalse();
    assertThat(PlainHttp.only(local, null)).isFalse();
  }

  @Test
  void aTlsConnectionIsRefusedWithAReasonNotMadeUnverified() throws Exception {
    HttpClient client =
        HttpClient.newBuilder()
            .sslContext(PlainHttp.context())
            .sslParameters(PlainHttp.parameters())
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.getLocalPort() + "/"))
              .timeout(Duration.ofSeconds(5))
              .build();

      Throwable thrown =
          catchThrowable(() -> client.send(request, HttpResponse.BodyHandlers.discarding()));

      assertThat(thrown).isNotNull();
      Throwable root = thrown;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      assertThat(root).hasMessageContaining("plain-http endpoints only");
    }
  }
}
