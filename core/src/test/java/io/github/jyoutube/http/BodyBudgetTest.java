package io.github.jyoutube.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every body held in memory gives its share of the JVM-wide budget back, whichever way its call
 * ends: whole, inflated, over the limit while arriving or inflating, refused at its Content-Length,
 * expired at its deadline, or read as a download's error answer. A share never given back would
 * shrink the budget for good, until every answer is refused.
 */
class BodyBudgetTest {

  private static final long LIMIT = 64 * 1024;

  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final HttpServer server;
  private final HttpTransport transport;

  BodyBudgetTest() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(pool);
    server.createContext("/", this::answer);
    server.start();
    HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    transport = new HttpTransport(client, "budget-test", Duration.ofMillis(500), LIMIT);
  }

  @AfterEach
  void stop() {
    server.stop(0);
    pool.shutdownNow();
  }

  private void answer(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    byte[] text = "{\"kind\":\"youtube#x\"} ".repeat(500).getBytes(StandardCharsets.UTF_8);
    try (exchange) {
      switch (path) {
        case "/ok" -> send(exchange, 200, text, false, false);
        case "/gzip" -> send(exchange, 200, text, true, false);
        case "/bomb" -> send(exchange, 200, new byte[1 << 20], true, false);
        case "/chunked" -> send(exchange, 200, new byte[1 << 20], false, true);
        case "/announced" -> send(exchange, 200, new byte[1 << 20], false, false);
        case "/error" -> send(exchange, 503, text, false, false);
        case "/stall" -> {
          exchange.sendResponseHeaders(200, 5000);
          exchange.getResponseBody().write(text, 0, 100);
          exchange.getResponseBody().flush();
          Thread.sleep(3000);
        }
        default -> send(exchange, 404, new byte[0], false, false);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void send(
      HttpExchange exchange, int status, byte[] body, boolean gzip, boolean chunked)
      throws IOException {
    byte[] bytes = body;
    if (gzip) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
        zip.write(body);
      }
      bytes = out.toByteArray();
      exchange.getResponseHeaders().add("Content-Encoding", "gzip");
    }
    exchange.sendResponseHeaders(status, chunked ? 0 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    } catch (IOException clientLeft) {
      // The client refused the rest: expected for the bodies over the limit.
    }
  }

  private HttpCall get(String path) {
    URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    return new HttpCall(
        "GET", base.resolve(path), Map.of(), null, null, false, HttpCall.Dialect.API, null);
  }

  @Test
  void everyWayACallEndsGivesItsShareBack() throws Exception {
    long before = BodyBuffer.Budget.reserved();

    assertThat(transport.send(get("ok"), null).body()).hasSize(10_500);
    assertThat(transport.send(get("gzip"), null).body()).hasSize(10_500);
    assertThatThrownBy(() -> transport.send(get("bomb"), null))
        .hasMessageContaining("larger than 65536 bytes");
    assertThatThrownBy(() -> transport.send(get("chunked"), null))
        .hasMessageContaining("larger than 65536 bytes");
    assertThatThrownBy(() -> transport.send(get("announced"), null))
        .hasMessageContaining("larger than 65536 bytes");
    assertThatThrownBy(() -> transport.send(get("stall"), null))
        .isInstanceOf(HttpTimeoutException.class);
    assertThat(transport.send(get("error"), null).statusCode()).isEqualTo(503);
    assertThat(transport.download(get("error"), null, new ByteArrayOutputStream()).body())
        .hasSize(10_500);
    assertThat(transport.download(get("ok"), null, new ByteArrayOutputStream()).body()).isEmpty();

    // Bodies the client walked away from end on the HTTP client's threads: allow them a moment.
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (BodyBuffer.Budget.reserved() > before && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(BodyBuffer.Budget.reserved()).as("bytes still reserved").isLessThanOrEqualTo(before);
  }
}
