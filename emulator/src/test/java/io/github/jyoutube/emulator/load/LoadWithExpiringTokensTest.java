package io.github.jyoutube.emulator.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.jyoutube.Endpoints;
import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.auth.AccessToken;
import io.github.jyoutube.auth.AuthorizationUrl;
import io.github.jyoutube.emulator.YouTubeEmulator;
import io.github.jyoutube.model.Playlist;
import io.github.jyoutube.model.PlaylistListResponse;
import io.github.jyoutube.model.PlaylistSnippet;
import io.github.jyoutube.testing.MutableClock;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Many threads share one client against the emulator while the access token expires again and
 * again: no call fails, each expiry costs exactly one refresh request, and every write is there
 * afterwards.
 *
 * <p>The client and the emulator share a clock that the test moves: each expiry is a jump of about
 * an hour. Odd expiries land inside the client's 60 s margin (the client refreshes before the
 * call); even ones land past the token's end (calls already in flight get 401 and are sent again
 * with the new token). The token endpoint sits behind a counting proxy.
 *
 * <p>Sized by {@code -Djyoutube.load.calls} (default {@value #DEFAULT_CALLS}), {@code
 * -Djyoutube.load.threads} (64) and {@code -Djyoutube.load.expiries} (6). The {@code soak} profile
 * of this module runs it with more calls; see {@code docs/RELIABILITY.md}.
 */
class LoadWithExpiringTokensTest {

  static final int DEFAULT_CALLS = 100_000;

  private static final int CALLS = Integer.getInteger("jyoutube.load.calls", DEFAULT_CALLS);
  private static final int THREADS = Integer.getInteger("jyoutube.load.threads", 64);
  private static final int EXPIRIES = Integer.getInteger("jyoutube.load.expiries", 6);
  private static final long TIME_LIMIT_SECONDS =
      Long.getLong("jyoutube.load.timeLimitSeconds", 120);

  /** One write in this many calls. */
  private static final int WRITE_EVERY = 25;

  @Test
  @Timeout(value = 25, unit = TimeUnit.MINUTES)
  void manyThreadsThroughSeveralExpiriesLoseNothing() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-27T12:00:00Z"));
    try (YouTubeEmulator emulator =
            YouTubeEmulator.builder()
                .autoApprove(true)
                .clock(clock)
                .dailyQuota(Long.MAX_VALUE / 4)
                .start();
        TokenProxy proxy = TokenProxy.start(emulator.baseUri().resolve("token"))) {
      Endpoints endpoints = withToken(emulator.endpoints(), proxy.uri());
      YouTubeClient cli =
          YouTubeClient.builder()
              .clientId(YouTubeEmulator.CLIENT_ID)
              .clientSecret(YouTubeEmulator.CLIENT_SECRET)
              .endpoints(endpoints)
              .clock(clock)
              .requestTimeout(Duration.ofSeconds(30))
              .build();
      AccessToken first = signIn(cli);
      assertThat(first.isRefreshable()).isTrue();
      assertThat(proxy.refreshes()).isZero();

      Result result = run(cli, clock, proxy);

      assertThat(result.failures).as("failed calls").isEmpty();
      assertThat(result.completed).isEqualTo(CALLS);
      assertThat(result.expiries).isEqualTo(EXPIRIES);
      assertThat(proxy.refreshes()).as("refresh requests").isEqualTo(EXPIRIES);
      assertThat(cli.accessToken().orElseThrow().accessToken()).isNotEqualTo(first.accessToken());

      Set<String> listed = new HashSet<>();
      for (PlaylistListResponse page :
          cli.playlists().list().mine(true).part("id,snippet").maxResults(50).pages()) {
        page.items().stream()
            .map(p -> p.snippet().title())
            .filter(t -> t.startsWith("load-"))
            .forEach(listed::add);
      }
      assertThat(listed).as("writes listed afterwards").isEqualTo(result.written);
      assertThat(proxy.refreshes()).isEqualTo(EXPIRIES);

      System.out.printf(
          Locale.ROOT,
          "LOAD calls=%d threads=%d writes=%d expiries=%d refreshes=%d seconds=%.1f"
              + " calls/s=%.0f p50=%.2fms p99=%.2fms max=%.2fms%n",
          result.completed,
          THREADS,
          result.written.size(),
          result.expiries,
          proxy.refreshes(),
          result.seconds,
          result.completed / result.seconds,
          result.percentile(50),
          result.percentile(99),
          result.percentile(100));
      assertThat(result.seconds).as("seconds").isLessThan(TIME_LIMIT_SECONDS);
    }
  }

  /** What the run did. */
  private static final class Result {
    int completed;
    int expiries;
    double seconds;
    long[] nanos;
    final Set<String> written = new HashSet<>();
    final List<Throwable> failures = new ArrayList<>();

    double percentile(int p) {
      long[] sorted = nanos.clone();
      Arrays.sort(sorted);
      int index = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
      return sorted[Math.max(0, index)] / 1e6;
    }
  }

  private static Result run(YouTubeClient cli, MutableClock clock, TokenProxy proxy)
      throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    long[] nanos = new long[CALLS];
    ConcurrentLinkedQueue<String> written = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    // Every loop below stops by this deadline, done or not.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIME_LIMIT_SECONDS * 3 / 2);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService workers = Executors.newFixedThreadPool(THREADS);
    for (int t = 0; t < THREADS; t++) {
      workers.execute(
          () -> {
            try {
              start.await();
            } catch (InterruptedException e) {
              return;
            }
            for (int i; (i = next.getAndIncrement()) < CALLS && System.nanoTime() < deadline; ) {
              long began = System.nanoTime();
              try {
                call(cli, i, written);
              } catch (RuntimeException | AssertionError e) {
                failures.add(e);
              }
              nanos[i] = System.nanoTime() - began;
              done.incrementAndGet();
            }
          });
    }
    long began = System.nanoTime();
    start.countDown();
    int expiries = 0;
    for (int e = 1; e <= EXPIRIES && System.nanoTime() < deadline; e++) {
      long at = (long) CALLS * e / (EXPIRIES + 1);
      while (done.get() < at && System.nanoTime() < deadline && failures.isEmpty()) {
        Thread.sleep(2);
      }
      Instant expiresAt = cli.accessToken().orElseThrow().expiresAt();
      // Odd: 30 s before the end, inside the client's 60 s margin. Even: 5 s past the end.
      Instant to = e % 2 == 1 ? expiresAt.minusSeconds(30) : expiresAt.plusSeconds(5);
      clock.set(to);
      expiries++;
      while (proxy.refreshes() < e && System.nanoTime() < deadline && failures.isEmpty()) {
        Thread.sleep(1);
      }
    }
    workers.shutdown();
    workers.awaitTermination(TIME_LIMIT_SECONDS * 2, TimeUnit.SECONDS);
    Result result = new Result();
    result.seconds = (System.nanoTime() - began) / 1e9;
    result.completed = done.get();
    result.expiries = expiries;
    result.nanos = Arrays.copyOf(nanos, result.completed);
    result.written.addAll(written);
    result.failures.addAll(failures);
    return result;
  }

  /** Call {@code i}: a write every {@value #WRITE_EVERY}, else one of three reads. */
  private static void call(YouTubeClient cli, int i, ConcurrentLinkedQueue<String> written) {
    if (i % WRITE_EVERY == 0) {
      String title = "load-" + i;
      Playlist created =
          cli.playlists()
              .insert(
                  Playlist.builder()
                      .snippet(PlaylistSnippet.builder().title(title).build())
                      .build())
              .execute();
      if (!title.equals(created.snippet().title())) {
        throw new AssertionError("insert " + i + " answered " + created);
      }
      written.add(title);
      return;
    }
    switch (i % 3) {
      case 0 -> {
        if (cli.videos().list().id("aliceVid001").part("id,snippet").execute().items().size()
            != 1) {
          throw new AssertionError("videos.list " + i);
        }
      }
      case 1 -> {
        if (cli.channels().list().mine(true).part("id").execute().items().size() != 1) {
          throw new AssertionError("channels.list " + i);
        }
      }
      default -> {
        if (cli.i18nRegions().list().part("snippet").execute().items().isEmpty()) {
          throw new AssertionError("i18nRegions.list " + i);
        }
      }
    }
  }

  /** {@code base} with another token endpoint. */
  private static Endpoints withToken(Endpoints base, URI token) {
    return new Endpoints(
        base.authorization(),
        token,
        base.revoke(),
        base.deviceCode(),
        base.userInfo(),
        base.api(),
        base.upload(),
        base.hub());
  }

  /** Signs in through the consent page (auto-approved) and the code exchange. */
  private static AccessToken signIn(YouTubeClient cli) throws IOException, InterruptedException {
    AuthorizationUrl auth = cli.getAuthorizeUrl();
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    HttpResponse<Void> consent =
        http.send(
            HttpRequest.newBuilder(auth.uri()).build(), HttpResponse.BodyHandlers.discarding());
    assertThat(consent.statusCode()).isEqualTo(302);
    return cli.generateAccessToken(consent.headers().firstValue("Location").orElseThrow());
  }

  /**
   * A loopback proxy in front of the emulator's token endpoint that counts the refresh requests
   * (grant_type=refresh_token) it passes on.
   */
  static final class TokenProxy implements AutoCloseable {
    private final HttpServer server;
    private final URI target;
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicInteger refreshes = new AtomicInteger();

    private TokenProxy(URI target) throws IOException {
      this.target = target;
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.setExecutor(Executors.newFixedThreadPool(4));
      server.createContext("/", this::forward);
      server.start();
    }

    static TokenProxy start(URI target) throws IOException {
      return new TokenProxy(target);
    }

    URI uri() {
      return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/token");
    }

    int refreshes() {
      return refreshes.get();
    }

    private void forward(HttpExchange exchange) throws IOException {
      try (exchange) {
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (new String(body, StandardCharsets.US_ASCII).contains("grant_type=refresh_token")) {
          refreshes.incrementAndGet();
        }
        HttpResponse<byte[]> answer =
            http.send(
                HttpRequest.newBuilder(target)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        answer
            .headers()
            .firstValue("content-type")
            .ifPresent(type -> exchange.getResponseHeaders().set("Content-Type", type));
        exchange.sendResponseHeaders(answer.statusCode(), answer.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(answer.body());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void close() {
      server.stop(0);
      ((ExecutorService) server.getExecutor()).shutdownNow();
    }
  }
}
