package io.github.jyoutube.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.auth.AccessToken;
import io.github.jyoutube.error.OAuthException;
import io.github.jyoutube.error.ReauthorizationRequiredException;
import io.github.jyoutube.error.TransportException;
import io.github.jyoutube.error.YouTubeException;
import io.github.jyoutube.testing.FakeGoogle;
import io.github.jyoutube.testing.FakeGoogle.Reply;
import io.github.jyoutube.testing.Fixtures;
import io.github.jyoutube.testing.MutableClock;
import io.github.jyoutube.testing.RecordingSleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Many threads meet one expired token: one refresh request goes out, whatever its outcome, every
 * thread gets that outcome, each within its own time limit, and a failure does not start a storm of
 * refreshes afterwards.
 */
class RefreshStormTest {

  private static final String PLAYLISTS = "/youtube/v3/playlists";
  private static final String INVALID_GRANT =
      "{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T12:00:00Z"));
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final List<AutoCloseable> servers = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    pool.shutdownNow();
    for (AutoCloseable server : servers) {
      server.close();
    }
  }

  private YouTubeClient client(io.github.jyoutube.Endpoints endpoints, Duration requestTimeout) {
    return YouTubeClient.builder()
        .clientId("client_id")
        .clientSecret("s3cret")
        .accessToken(
            new AccessToken(
                "ya29.expired", 3600L, "Bearer", "1//refresh", null, null, clock.instant()))
        .endpoints(endpoints)
        .accountLabel("alice@example.com")
        .requestTimeout(requestTimeout)
        .maxRetries(0)
        .sleeper(new RecordingSleeper())
        .clock(clock)
        .build();
  }

  /** What one thread's call ended with, and how long it took. */
  record Outcome(Throwable failure, long millis) {}

  private List<Outcome> callsAtOnce(YouTubeClient cli, int threads) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Outcome>> futures = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      futures.add(
          pool.submit(
              () -> {
                start.await();
                long began = System.nanoTime();
                Throwable failure = null;
                try {
                  cli.playlists().list().mine(true).execute();
                } catch (RuntimeException e) {
                  failure = e;
                }
                return new Outcome(failure, (System.nanoTime() - began) / 1_000_000);
              }));
    }
    start.countDown();
    List<Outcome> outcomes = new ArrayList<>();
    for (Future<Outcome> future : futures) {
      outcomes.add(future.get(60, TimeUnit.SECONDS));
    }
    return outcomes;
  }

  @Test
  void sixtyFourThreadsAndInvalidGrantMakeOneRefreshAndShareItsFailure() throws Exception {
    FakeGoogle google = FakeGoogle.start();
    servers.add(google);
    // Slow enough that every thread arrives while the refresh is in flight.
    google.otherwise("/token", r -> Reply.json(400, INVALID_GRANT).delayed(300));
    google.otherwise(PLAYLISTS, r -> Reply.json(200, Fixtures.PLAYLISTS));
    YouTubeClient cli = client(google.endpoints(), Duration.ofSeconds(10));

    List<Outcome> outcomes = callsAtOnce(cli, 64);

    System.out.println(
        "invalid_grant, 64 threads: "
            + google.received("/token").size()
            + " refresh requests, slowest call "
            + outcomes.stream().mapToLong(Outcome::millis).max().orElse(0)
            + " ms");
    assertThat(google.received("/token").size()).isEqualTo(1);
    assertThat(outcomes)
        .allSatisfy(
            o ->
                assertThat(o.failure())
                    .isInstanceOfSatisfying(
                        ReauthorizationRequiredException.class,
                        e -> {
                          assertThat(e.error()).isEqualTo("invalid_grant");
                          assertThat(e.accountLabel()).contains("alice@example.com");
                        }));
    // One signal per expiry: the same instance for all 64, so a server can act on it once.
    assertThat(distinct(outcomes)).isEqualTo(1);
    Throwable signal = outcomes.get(0).failure();
    assertThat(google.received(PLAYLISTS).size()).isZero();

    // Later calls for the same dead refresh token send nothing more, and get the same signal.
    for (int i = 0; i < 10; i++) {
      clock.advance(Duration.ofMinutes(1));
      List<Outcome> again = callsAtOnce(cli, 4);
      assertThat(again).allSatisfy(o -> assertThat(o.failure()).isSameAs(signal));
    }
    assertThat(google.received("/token").size()).isEqualTo(1);

    // A new sign-in ends it.
    google.otherwise("/token", r -> Reply.json(200, Fixtures.token("ya29.new", "1//new", 3600)));
    cli.refreshAccessToken("1//new");
    assertThat(callsAtOnce(cli, 4)).allSatisfy(o -> assertThat(o.failure()).isNull());
  }

  @Test
  void aStalledTokenEndpointHoldsEachCallNoLongerThanItsOwnTimeout() throws Exception {
    FaultyServer server =
        FaultyServer.always(
            (request, socket, counters) -> {
              if (request.path().equals("/token")) {
                FaultyServer.stall().answer(request, socket, counters);
              } else {
                FaultyServer.json(200, Fixtures.PLAYLISTS).answer(request, socket, counters);
              }
            });
    servers.add(server);
    YouTubeClient cli = client(server.endpoints(), Duration.ofSeconds(2));

    List<Outcome> outcomes = callsAtOnce(cli, 16);

    long slowest = outcomes.stream().mapToLong(Outcome::millis).max().orElse(0);
    long refreshes = server.received().stream().filter(r -> r.path().equals("/token")).count();
    System.out.println(
        "stalled token endpoint, 16 threads, requestTimeout 2 s: "
            + refreshes
            + " refresh requests, slowest call "
            + slowest
            + " ms");
    assertThat(outcomes)
        .allSatisfy(o -> assertThat(o.failure()).isInstanceOf(TransportException.class));
    assertThat(refreshes).isEqualTo(1);
    assertThat(slowest).isLessThan(3_500);
  }

  @Test
  void aRefreshThatFailsBeforeTheTokenExpiresLetsCallsGoOnWithIt() throws Exception {
    FakeGoogle google = FakeGoogle.start();
    servers.add(google);
    google.otherwise("/token", r -> Reply.json(503, "{\"error\":\"temporarily_unavailable\"}"));
    google.otherwise(PLAYLISTS, r -> Reply.json(200, Fixtures.PLAYLISTS));
    YouTubeClient cli =
        YouTubeClient.builder()
            .clientId("client_id")
            .clientSecret("s3cret")
            .accessToken(
                new AccessToken(
                    "ya29.valid-30s",
                    3600L,
                    "Bearer",
                    "1//refresh",
                    null,
                    null,
                    clock.instant().plusSeconds(30)))
            .endpoints(google.endpoints())
            .maxRetries(0)
            .sleeper(new RecordingSleeper())
            .clock(clock)
            .build();

    // Inside the one-minute margin: a refresh is due, it fails, the token still works.
    List<Outcome> outcomes = callsAtOnce(cli, 16);

    assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
    assertThat(google.received("/token").size()).isEqualTo(1);
    assertThat(google.received(PLAYLISTS))
        .allSatisfy(r -> assertThat(r.header("authorization")).isEqualTo("Bearer ya29.valid-30s"));

    // Once it has expired, the shared failure is what the calls get.
    clock.advance(Duration.ofSeconds(31));
    List<Outcome> expired = callsAtOnce(cli, 16);
    assertThat(expired)
        .allSatisfy(
            o ->
                assertThat(o.failure())
                    .isInstanceOfSatisfying(
                        OAuthException.class, e -> assertThat(e.statusCode()).isEqualTo(503)));
    assertThat(google.received("/token").size()).isEqualTo(2);
  }

  @Test
  void aFailedRefreshIsNotRepeatedByEveryCallThatFollows() throws Exception {
    FakeGoogle google = FakeGoogle.start();
    servers.add(google);
    google.otherwise("/token", r -> Reply.json(503, "{\"error\":\"temporarily_unavailable\"}"));
    google.otherwise(PLAYLISTS, r -> Reply.json(200, Fixtures.PLAYLISTS));
    YouTubeClient cli = client(google.endpoints(), Duration.ofSeconds(10));

    List<Outcome> first = callsAtOnce(cli, 16);
    List<Outcome> next = callsAtOnce(cli, 16);

    System.out.println(
        "token endpoint 503, 2 x 16 calls: " + google.received("/token").size() + " refreshes");
    assertThat(first).allSatisfy(o -> assertThat(o.failure()).isInstanceOf(YouTubeException.class));
    assertThat(next).allSatisfy(o -> assertThat(o.failure()).isInstanceOf(YouTubeException.class));
    assertThat(google.received("/token").size()).isEqualTo(1);

    // After a pause on the client's clock, one call tries again, and it works.
    google.otherwise("/token", r -> Reply.json(200, Fixtures.token("ya29.fresh", null, 3600)));
    clock.advance(Duration.ofMinutes(1));
    List<Outcome> later = callsAtOnce(cli, 16);
    assertThat(later).allSatisfy(o -> assertThat(o.failure()).isNull());
    assertThat(google.received("/token").size()).isEqualTo(2);
  }

  /** Distinct instances among the failures. */
  static int distinct(List<Outcome> outcomes) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    outcomes.forEach(o -> seen.put(o.failure(), true));
    return seen.size();
  }
}
