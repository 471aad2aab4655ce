package io.github.jyoutube.reliability;

import static io.github.jyoutube.reliability.FaultyServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.error.DecodeException;
import io.github.jyoutube.error.RateLimitedException;
import io.github.jyoutube.error.ServerErrorException;
import io.github.jyoutube.error.TransportException;
import io.github.jyoutube.error.YouTubeException;
import io.github.jyoutube.model.Playlist;
import io.github.jyoutube.model.PlaylistListResponse;
import io.github.jyoutube.model.PlaylistSnippet;
import io.github.jyoutube.testing.Fixtures;
import io.github.jyoutube.testing.MutableClock;
import io.github.jyoutube.testing.RecordingSleeper;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Byte-level faults from a raw loopback server, against a real client: for each, the client retries
 * within its budget or throws the typed exception, within its timeouts, and a POST is never sent
 * twice. Retries wait through a {@link RecordingSleeper}, so nothing here sleeps for backoff.
 */
@Timeout(60)
class FaultInjectionTest {

  private static final int RETRIES = 5;
  private static final Duration TIMEOUT = Duration.ofMillis(700);
  private static final String OK = Fixtures.PLAYLISTS;

  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T12:00:00Z"));
  private FaultyServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private YouTubeClient client(FaultyServer fixture) {
    return client(fixture, b -> b);
  }

  private YouTubeClient client(
      FaultyServer fixture, Function<YouTubeClient.Builder, YouTubeClient.Builder> more) {
    this.server = fixture;
    return more.apply(
            YouTubeClient.builder()
                .accessToken("ya29.fault-injection-token")
                .endpoints(fixture.endpoints())
                .requestTimeout(TIMEOUT)
                .maxRetries(RETRIES)
                .sleeper(sleeper)
                .clock(clock))
        .build();
  }

  private static PlaylistListResponse list(YouTubeClient cli) {
    return cli.playlists().list().mine(true).execute();
  }

  private static Playlist insert(YouTubeClient cli) {
    return cli.playlists()
        .insert(Playlist.builder().snippet(PlaylistSnippet.builder().title("t").build()).build())
        .execute();
  }

  /** Runs {@code call}, expecting {@code type}, and returns how long it took. */
  private static Duration fails(
      Runnable call, Class<? extends YouTubeException> type, String... messageParts) {
    long started = System.nanoTime();
    assertThatThrownBy(call::run).isInstanceOf(type).hasMessageContainingAll(messageParts);
    return Duration.ofNanos(System.nanoTime() - started);
  }

  // ---- Connections dropped -------------------------------------------------------------------

  @Test
  void aDropBeforeTheResponseIsRetriedForAGetWithinTheBudget() {
    YouTubeClient cli = client(FaultyServer.always(FaultyServer.dropBeforeResponse()));

    fails(() -> list(cli), TransportException.class, "GET ", "after 5 retries");

    // The client's own budget is 1 + 5 attempts. The JDK's HttpClient itself sends an idempotent
    // request once more when a connection closes before any byte of answer (it takes it for a
    // stale pooled connection), so the server may see up to twice as many GETs; never more.
    assertThat(server.received("GET")).isBetween(1L + RETRIES, 2L * (1 + RETRIES));
    assertThat(sleeper.delays()).hasSize(RETRIES);
  }

  @Test
  void aDropBeforeTheResponseOfAPostIsNotSentAgain() {
    YouTubeClient cli = client(FaultyServer.always(FaultyServer.dropBeforeResponse()));

    fails(() -> insert(cli), TransportException.class, "POST ");

    assertThat(server.received("POST")).isEqualTo(1);
    assertThat(sleeper.delays()).isEmpty();
  }

  @Test
  void aResetBeforeTheResponseOfAPostIsNotSentAgain() {
    YouTubeClient cli = client(FaultyServer.always(FaultyServer.resetBeforeResponse()));

    fails(() -> insert(cli), TransportException.class, "POST ");

    assertThat(server.received("POST")).isEqualTo(1);
  }

  @Test
  void aDropBeforeTheResponseThenRecoveryServesTheGet() {
    YouTubeClient cli =
        client(FaultyServer.burst(2, FaultyServer.dropBeforeResponse(), json(200, OK)));

    assertThat(list(cli).items()).hasSize(2);
  }

  @Test
  void aDropAfterTheResponseHeadersIsATransportFailureRetriedOnlyForAGet() {
    YouTubeClient cli = client(FaultyServer.always(FaultyServer.dropAfterHeaders()));
    fails(() -> list(cli), TransportException.class, "after 5 retries");
    assertThat(server.received("GET")).isEqualTo(1 + RETRIES);
    server.close();

    YouTubeClient writer = client(FaultyServer.always(FaultyServer.dropAfterHeaders()));
    fails(() -> insert(writer), TransportException.class, "POST ");
    assertThat(server.received("POST")).isEqualTo(1);
  }

  @Test
  void aTruncatedBodyIsATransportFailureNeverADecodedHalf() {
    YouTubeClient cli = client(FaultyServer.burst(1, FaultyServer.truncated(), json(200, OK)));
    assertThat(list(cli).items()).hasSize(2); // the GET is retried and the second answer is whole
    assertThat(server.received("GET")).isEqualTo(2);
    server.close();

    YouTubeClient writer = client(FaultyServer.always(FaultyServer.truncated()));
    fails(() -> insert(writer), TransportException.class, "POST ");
    assertThat(server.received("POST")).isEqualTo(1);
  }

  // ---- Stalls and bodies that never end ------------------------------------------------------

  @Test
  void aServerThatNeverAnswersTimesOutWithinTheRequestTimeout() {
    YouTubeClient cli = client(FaultyServer.always(FaultyServer.stall()), b -> b.maxRetries(1));

    Duration took = fails(() -> list(cli), TransportException.class, "after 1 retries");

    assertThat(server.received("GET")).isEqualTo(2);
    assertThat(took).isBetween(TIMEOUT.multipliedBy(2), TIMEOUT.multipliedBy(2).plusSeconds(3));
  }

  @Test
  void aPostToAServerThatNeverAnswersTimesOutOnceAndIsNotSentAgain() {
    YouTubeClient cli = client(FaultyServer.always(FaultyServer.stall()));

    Duration took = fails(() -> insert(cli), TransportException.class, "POST ");

    assertThat(server.received("POST")).isEqualTo(1);
    assertThat(took).isBetween(TIMEOUT, TIMEOUT.plusSeconds(3));
  }

  @Test
  void aBodyThatStallsAfterTheHeadersTimesOutWithinTheRequestTimeout() {
    YouTubeClient cli =
        client(FaultyServer.always(FaultyServer.stallAfterHeaders()), b -> b.maxRetries(1));

    Duration took = fails(() -> list(cli), TransportException.class, "after 1 retries");

    assertThat(took).isLessThan(TIMEOUT.multipliedBy(2).plusSeconds(3));
    assertThat(server.received("GET")).isEqualTo(2);
  }

  @Test
  void aResponseThatNeverEndsTimesOutWithinTheRequestTimeout() {
    YouTubeClient cli = client(FaultyServer.always(FaultyServer.trickle()), b -> b.maxRetries(0));

    Duration took = fails(() -> list(cli), TransportException.class, "GET ");
    System.out.printf("FAULT never-ending body: failed after %d ms%n", took.toMillis());

    assertThat(took).isBetween(TIMEOUT, TIMEOUT.plusSeconds(3));
    assertThat(server.received("GET")).isEqualTo(1);
  }

  @Test
  void aPostWhoseAnswerNeverEndsTimesOutAndIsNotSentAgain() {
    YouTubeClient cli = client(FaultyServer.always(FaultyServer.trickle()));

    assertThatThrownBy(() -> insert(cli))
        .isInstanceOf(TransportException.class)
        .hasRootCauseInstanceOf(HttpTimeoutException.class);

    assertThat(server.received("POST")).isEqualTo(1);
  }

  // ---- Bodies too large to hold --------------------------------------------------------------

  @Test
  void aTwoGigabyteContentLengthIsRefusedBeforeReadingTheBody() {
    YouTubeClient cli = client(FaultyServer.always(FaultyServer.hugeBody(2L << 30)));

    fails(() -> list(cli), TransportException.class, "larger than 33554432 bytes");
    System.out.printf(
        "FAULT Content-Length 2 GiB: the server pushed %d bytes%n", server.bodyBytesSent());

    // The client hung up on the headers: what the server managed to push is what the socket
    // buffers took, far from 2 GiB.
    assertThat(server.bodyBytesSent()).isLessThan(64L << 20);
  }

  @Test
  void anEndlessChunkedBodyStopsAtTheSizeLimitWithoutBufferingIt() {
    long limit = 4L << 20;
    YouTubeClient cli =
        client(
            FaultyServer.always(FaultyServer.endlessChunked()),
            b -> b.maxResponseBytes(limit).requestTimeout(Duration.ofSeconds(20)));
    List<MemoryPoolMXBean> heap = heapPools();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    long before = heapUsed(heap);

    fails(() -> list(cli), TransportException.class, "larger than " + limit + " bytes");

    long peakGrowth = heapPeak(heap) - before;
    System.out.printf(
        "FAULT endless chunked body, limit %d: the server pushed %d bytes, heap peak grew %d%n",
        limit, server.bodyBytesSent(), peakGrowth);
    // Received bytes are held only up to the limit, then dropped; the server could push the limit
    // plus what the loopback socket buffers take, nowhere near the 2 GiB it would have sent.
    assertThat(server.bodyBytesSent()).isLessThan(limit + (64L << 20));
    assertThat(peakGrowth).isLessThan(1L << 30);
  }

  @Test
  void anEndlessBodyAtTheDefaultLimitFailsOnceAndIsNotRetried() {
    YouTubeClient cli =
        client(
            FaultyServer.always(FaultyServer.endlessChunked()),
            b -> b.requestTimeout(Duration.ofSeconds(20)));

    fails(() -> list(cli), TransportException.class, "larger than 33554432 bytes");

    // An answer too large will be too large again: sending the request again wastes 32 MiB a try.
    assertThat(server.received("GET")).isEqualTo(1);
    assertThat(server.bodyBytesSent()).isLessThan((32L << 20) + (64L << 20));
  }

  // ---- Error answers -------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503})
  void aBurstOfServerErrorsShorterThanTheBudgetIsRidden(int status) {
    YouTubeClient cli =
        client(
            FaultyServer.burst(
                RETRIES,
                json(status, Fixtures.error(status, "backendError", "global", "x")),
                json(200, OK)));

    assertThat(list(cli).items()).hasSize(2);

    assertThat(server.received("GET")).isEqualTo(1 + RETRIES);
    assertThat(sleeper.delays()).hasSize(RETRIES);
    for (int i = 0; i < RETRIES; i++) {
      assertThat(sleeper.delays().get(i)).isBetween(Duration.ZERO, Duration.ofMillis(500L << i));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503})
  void aBurstLongerThanTheBudgetEndsInServerErrorException(int status) {
    YouTubeClient cli =
        client(
            FaultyServer.burst(
                RETRIES + 1,
                json(status, Fixtures.error(status, "backendError", "global", "x")),
                json(200, OK)));

    fails(() -> list(cli), ServerErrorException.class, String.valueOf(status));

    assertThat(server.received("GET")).isEqualTo(1 + RETRIES);
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503})
  void aServerErrorToAPostIsNotSentAgain(int status) {
    YouTubeClient cli =
        client(
            FaultyServer.always(
                json(status, Fixtures.error(status, "backendError", "global", "x"))));

    fails(() -> insert(cli), ServerErrorException.class, String.valueOf(status));

    assertThat(server.received("POST")).isEqualTo(1);
    assertThat(sleeper.delays()).isEmpty();
  }

  @Test
  void a429WithRetryAfterSecondsIsWaitedOutEvenForAPost() {
    YouTubeClient cli =
        client(
            FaultyServer.burst(
                2,
                json(
                    429,
                    Fixtures.error(429, "rateLimitExceeded", "usageLimits", "slow"),
                    "Retry-After",
                    "4"),
                json(200, "{\"id\":\"PLnew\"}")));

    assertThat(insert(cli).id()).isEqualTo("PLnew");

    // A 429 was refused unprocessed, so sending the POST again duplicates nothing.
    assertThat(server.received("POST")).isEqualTo(3);
    assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(4));
  }

  @Test
  void a429WithRetryAfterAsAnHttpDateIsWaitedOut() {
    String date =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            clock.instant().plusSeconds(9).atOffset(ZoneOffset.UTC));
    YouTubeClient cli =
        client(FaultyServer.burst(1, json(429, "{}", "Retry-After", date), json(200, OK)));

    assertThat(list(cli).items()).hasSize(2);

    assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(9));
  }

  @Test
  void endless429sEndInRateLimitedExceptionAfterTheBudget() {
    YouTubeClient cli = client(FaultyServer.always(json(429, "{}", "Retry-After", "1")));

    fails(() -> insert(cli), RateLimitedException.class, "429");

    assertThat(server.received("POST")).isEqualTo(1 + RETRIES);
    assertThat(sleeper.delays()).hasSize(RETRIES).containsOnly(Duration.ofSeconds(1));
  }

  @Test
  void aGarbledRetryAfterFallsBackToTheBackoff() {
    YouTubeClient cli =
        client(
            FaultyServer.burst(
                1, json(503, "{}", "Retry-After", "soon-ish, maybe"), json(200, OK)));

    assertThat(list(cli).items()).hasSize(2);
    assertThat(sleeper.delays()).hasSize(1);
    assertThat(sleeper.delays().get(0)).isBetween(Duration.ZERO, Duration.ofMillis(500));
  }

  @Test
  void invalidJsonIsADecodeExceptionAndNotRetried() {
    YouTubeClient cli = client(FaultyServer.always(json(200, "{\"items\": [ {\"id\": 1,, }")));

    fails(() -> list(cli), DecodeException.class, "PlaylistListResponse");

    assertThat(server.received("GET")).isEqualTo(1);
  }

  @Test
  void anHtmlErrorPageIsAServerErrorWithItsTextAndAnHtml200IsADecodeException() {
    String page = "<html><head><title>502</title></head><body>Bad Gateway</body></html>";
    YouTubeClient cli = client(FaultyServer.always(FaultyServer.reply(502, "text/html", page)));
    assertThatThrownBy(() -> list(cli))
        .isInstanceOfSatisfying(
            ServerErrorException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(502);
              assertThat(e.body()).isEqualTo(page);
            });
    assertThat(server.received("GET")).isEqualTo(1 + RETRIES);
    server.close();

    YouTubeClient portal = client(FaultyServer.always(FaultyServer.reply(200, "text/html", page)));
    assertThatThrownBy(() -> list(portal))
        .isInstanceOfSatisfying(
            DecodeException.class, e -> assertThat(e.bodySnippet()).startsWith("<html>"));
    assertThat(server.received("GET")).isEqualTo(1);
  }

  private static List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP)
        .toList();
  }

  private static long heapUsed(List<MemoryPoolMXBean> pools) {
    return pools.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
  }

  private static long heapPeak(List<MemoryPoolMXBean> pools) {
    return pools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
  }
}
