package io.github.jyoutube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpServer;
import io.github.jyoutube.auth.AccessToken;
import io.github.jyoutube.testing.Fixtures;
import io.github.jyoutube.testing.RecordingSleeper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A closed client gives back its threads and connections, and says so when used again.
 *
 * <p>The thread figures depend on the JDK: from 21 on, {@code close()} shuts the JDK's HTTP client
 * down at once; on 17 the JDK's selector thread of a client ends once the client is garbage
 * collected, which {@code close()} allows by dropping every reference to it, even while the
 * application still holds the closed {@code YouTubeClient}.
 */
class ClientCloseTest {

  private static final String PLAYLISTS_PATH = "/youtube/v3/playlists";
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final AtomicInteger requests = new AtomicInteger();
  private final HttpServer server = start();

  @AfterEach
  void stop() {
    server.stop(0);
  }

  /** A loopback server answering playlists.list and a caption download on its dispatcher thread. */
  private HttpServer start() {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    try {
      HttpServer made =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      made.createContext(
          "/",
          exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            boolean caption = exchange.getRequestURI().getPath().contains("/captions/");
            byte[] body =
                caption
                    ? "1\n00:00:00,000 --> 00:00:01,000\nhello\n".getBytes(StandardCharsets.UTF_8)
                    : Fixtures.PLAYLISTS.getBytes(StandardCharsets.UTF_8);
            exchange
                .getResponseHeaders()
                .add("Content-Type", caption ? "text/plain" : "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          });
      made.start(); // handlers run on the server's one dispatcher thread
      return made;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private Endpoints endpoints() {
    return Endpoints.at(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"));
  }

  private YouTubeClient.Builder builder() {
    return YouTubeClient.builder()
        .endpoints(endpoints())
        .clientId("id")
        .clientSecret("s3cret")
        .accessToken("ya29.token")
        .sleeper(new RecordingSleeper());
  }

  @Test
  @Timeout(120)
  void aThousandClientsBuiltCalledAndClosedLeaveTheThreadCountWhereItWas() throws Exception {
    // Warm up: the once-per-JVM warm-up thread and the body-deadline watcher come and go.
    try (YouTubeClient first = builder().build()) {
      first.playlists().list().mine(true).execute();
    }
    Settled before = settle(Long.MAX_VALUE, Duration.ofSeconds(10), List.of());
    long baseline = before.count();
    List<YouTubeClient> closed = new ArrayList<>(); // held on purpose: closed clients hold nothing
    int peak = 0;
    long started = System.nanoTime();
    for (int i = 0; i < 1000; i++) {
      YouTubeClient cli = builder().build();
      assertThat(cli.playlists().list().mine(true).execute().items()).hasSize(2);
      cli.close();
      closed.add(cli);
      if (i % 50 == 0) {
        peak = Math.max(peak, THREADS.getThreadCount());
      }
    }
    long loopMillis = (System.nanoTime() - started) / 1_000_000;
    peak = Math.max(peak, THREADS.getThreadCount());
    long settleStarted = System.nanoTime();
    Settled after = settle(baseline + 2, Duration.ofSeconds(30), before.ours());
    long settleMillis = (System.nanoTime() - settleStarted) / 1_000_000;
    System.out.printf(
        "ClientCloseTest: JDK %s: live threads %d before; peak %d during 1,000 clients built,"
            + " called once and closed (%d ms); %d after (%d ms after the loop, %d GCs asked);"
            + " closed clients still held: %d; threads of ours or the JDK client's left: %s%n",
        Runtime.version(),
        baseline,
        peak,
        loopMillis,
        after.count(),
        settleMillis,
        after.gcs(),
        closed.size(),
        after.ours());
    assertThat(requests.get()).isEqualTo(1001);
    assertThat(after.count()).isLessThanOrEqualTo(baseline + 2);
    assertThat(after.ours()).isEmpty();
    assertThat(closed).allMatch(YouTubeClient::isClosed);
  }

  @Test
  @Timeout(60)
  void closingEndsTheThreadsOfStreamedTransfers() throws Exception {
    try (YouTubeClient first = builder().build()) {
      first.captions().download("c0").writeTo(new ByteArrayOutputStream());
    }
    Settled before = settle(Long.MAX_VALUE, Duration.ofSeconds(10), List.of());
    List<YouTubeClient> clients = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      YouTubeClient cli = builder().build();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      cli.captions().download("c" + i).writeTo(out);
      assertThat(out.toString(StandardCharsets.UTF_8)).contains("hello");
      clients.add(cli);
    }
    assertThat(names("jyoutube-stream-")).isNotEmpty();
    clients.forEach(YouTubeClient::close);
    Settled after = settle(Long.MAX_VALUE, Duration.ofSeconds(30), before.ours());
    System.out.printf(
        "ClientCloseTest: 20 clients with a download each, closed: threads of ours or the JDK"
            + " client's left after %d GCs asked: %s%n",
        after.gcs(), after.ours());
    assertThat(after.ours()).isEmpty();
  }

  @Test
  void aCallAfterCloseFailsSayingTheClientIsClosed() {
    YouTubeClient cli = builder().build();
    cli.playlists().list().mine(true).execute();
    cli.close();
    cli.close(); // idempotent

    assertThat(cli.isClosed()).isTrue();
    assertThat(cli.toString()).contains("closed");
    Map<String, Runnable> calls = new LinkedHashMap<>();
    calls.put("execute", () -> cli.playlists().list().mine(true).execute());
    calls.put("executeAsync", () -> cli.playlists().list().mine(true).executeAsync());
    calls.put("download", () -> cli.captions().download("c1").writeTo(new ByteArrayOutputStream()));
    calls.put("generateAccessTokenFromCode", () -> cli.generateAccessTokenFromCode("code"));
    calls.put("refreshAccessToken", cli::refreshAccessToken);
    calls.put("credentialHeader", cli::credentialHeader);
    calls.put("forAccount", () -> cli.forAccount("alice"));
    calls.put("withOptions", () -> cli.withOptions(RequestOptions.defaults()));
    for (var call : calls.entrySet()) {
      assertThat(catchThrowable(call.getValue()::run))
          .as(call.getKey())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("YouTubeClient is closed");
    }
    assertThat(requests.get()).isEqualTo(1);
  }

  @Test
  void aCallInFlightEndsAtItsNextAttemptOnceTheClientIsClosed() throws Exception {
    server.removeContext("/");
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          byte[] busy =
              "{\"error\":{\"code\":503,\"message\":\"busy\",\"errors\":[{\"reason\":\"backendError\"}]}}"
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(503, busy.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(busy);
          }
        });
    AtomicReference<YouTubeClient> self = new AtomicReference<>();
    YouTubeClient cli =
        builder()
            .sleeper(delay -> self.get().close()) // closed while the call waits to retry
            .build();
    self.set(cli);

    assertThatThrownBy(() -> cli.playlists().list().mine(true).execute())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("YouTubeClient is closed");
    assertThat(requests.get()).isEqualTo(1);
  }

  @Test
  void aGivenHttpClientIsLeftOpen() throws Exception {
    HttpClient mine = HttpClient.newBuilder().build();
    YouTubeClient cli = builder().httpClient(mine).build();
    cli.playlists().list().mine(true).execute();
    cli.close();

    HttpResponse<String> still =
        mine.send(
            HttpRequest.newBuilder(endpoints().api().resolve("playlists")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(still.statusCode()).isEqualTo(200);
  }

  @Test
  void derivedClientsCloseAloneAndEndWithTheirClient() {
    YouTubeClient cli = builder().build();
    YouTubeClient patient = cli.withOptions(RequestOptions.defaults().withMaxRetries(9));
    YouTubeClient alice =
        cli.forAccount(
            "alice", new AccessToken("ya29.alice", 3600L, "Bearer", null, null, null, null));
    YouTubeClient bob = cli.forAccount("bob", AccessToken.of("ya29.bob"));

    alice.close();
    patient.close();
    assertThatThrownBy(() -> alice.playlists().list().mine(true).execute())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the view of account alice is closed; derive a new one from its client");
    assertThatThrownBy(() -> patient.playlists().list().mine(true).execute())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the client made with withOptions is closed");
    cli.playlists().list().mine(true).execute(); // the client goes on
    bob.playlists().list().mine(true).execute();
    cli.forAccount("alice").playlists().list().mine(true).execute(); // a new view of alice

    cli.close();
    assertThat(bob.isClosed()).isTrue();
    assertThatThrownBy(() -> bob.playlists().list().mine(true).execute())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "the YouTubeClient that the view of account bob was derived from is closed: its"
                + " connections and threads were released, and the clients derived from it"
                + " cannot make calls");
  }

  /** The live thread count and the threads of ours or the JDK client's once settled. */
  record Settled(long count, List<String> ours, int gcs) {}

  /**
   * Asks for garbage collections and waits (at most {@code limit}) until the live thread count is
   * at most {@code target} and no thread of ours or of a JDK HTTP client is left, other than those
   * in {@code earlier} (left by other tests in this JVM).
   */
  private static Settled settle(long target, Duration limit, List<String> earlier)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    int gcs = 0;
    while (true) {
      System.gc();
      gcs++;
      Thread.sleep(200);
      int count = THREADS.getThreadCount();
      List<String> ours =
          new ArrayList<>(names("jyoutube-stream-", "jyoutube-response-deadline", "HttpClient-"));
      ours.removeAll(earlier);
      if ((count <= target && ours.isEmpty()) || System.nanoTime() > deadline) {
        return new Settled(count, ours, gcs);
      }
    }
  }

  private static List<String> names(String... prefixes) {
    List<String> names = new ArrayList<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      for (String prefix : prefixes) {
        if (thread.isAlive() && thread.getName().startsWith(prefix)) {
          names.add(thread.getName());
        }
      }
    }
    return names;
  }
}
