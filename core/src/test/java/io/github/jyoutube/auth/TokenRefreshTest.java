package io.github.jyoutube.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.error.OAuthException;
import io.github.jyoutube.error.UnauthorizedException;
import io.github.jyoutube.testing.FakeGoogle;
import io.github.jyoutube.testing.FakeGoogle.Reply;
import io.github.jyoutube.testing.Fixtures;
import io.github.jyoutube.testing.MutableClock;
import io.github.jyoutube.testing.RecordingSleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tokens refresh themselves: before expiry, after a 401, and once for many threads. */
class TokenRefreshTest {

  private static final String PLAYLISTS = "/youtube/v3/playlists";
  private static final String UNAUTHORIZED =
      Fixtures.error(401, "authError", "global", "Invalid Credentials");

  private final FakeGoogle google = FakeGoogle.start();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T12:00:00Z"));
  private final TokenStore store = TokenStore.inMemory();

  @AfterEach
  void stop() {
    google.close();
  }

  private YouTubeClient client(AccessToken token) {
    return YouTubeClient.builder()
        .clientId("client_id")
        .clientSecret("s3cret")
        .accessToken(token)
        .tokenStore(store)
        .endpoints(google.endpoints())
        .sleeper(new RecordingSleeper())
        .clock(clock)
        .build();
  }

  private static AccessToken token(String access, Instant expiresAt) {
    return new AccessToken(access, 3600L, "Bearer", "1//refresh", null, null, expiresAt);
  }

  @Test
  void a401IsFollowedByOneRefreshAndARetry() {
    google.enqueue(PLAYLISTS, Reply.json(401, UNAUTHORIZED));
    google.otherwise(
        PLAYLISTS,
        r ->
            "Bearer ya29.fresh".equals(r.header("authorization"))
                ? Reply.json(200, Fixtures.PLAYLISTS)
                : Reply.json(401, UNAUTHORIZED));
    google.enqueue("/token", Reply.json(200, Fixtures.token("ya29.fresh", null, 3600)));
    YouTubeClient cli = client(token("ya29.revoked", null));

    assertThat(cli.playlists().list().mine(true).execute().items()).hasSize(2);

    assertThat(google.received("/token")).hasSize(1);
    assertThat(google.received("/token").get(0).form())
        .containsEntry("grant_type", "refresh_token")
        .containsEntry("refresh_token", "1//refresh")
        .containsEntry("client_id", "client_id")
        .containsEntry("client_secret", "s3cret");
    assertThat(google.received(PLAYLISTS))
        .extracting(r -> r.header("authorization"))
        .containsExactly("Bearer ya29.revoked", "Bearer ya29.fresh");
    // Google sent no new refresh token: the old one is kept, and the store has the new token.
    assertThat(store.load()).get().extracting(AccessToken::accessToken).isEqualTo("ya29.fresh");
    assertThat(store.load()).get().extracting(AccessToken::refreshToken).isEqualTo("1//refresh");
  }

  @Test
  void aSecond401IsNotRefreshedAgain() {
    google.otherwise(PLAYLISTS, r -> Reply.json(401, UNAUTHORIZED));
    google.otherwise("/token", r -> Reply.json(200, Fixtures.token("ya29.also-bad", null, 3600)));
    YouTubeClient cli = client(token("ya29.revoked", null));

    assertThatThrownBy(() -> cli.playlists().list().mine(true).execute())
        .isInstanceOf(UnauthorizedException.class);
    assertThat(google.received("/token")).hasSize(1);
    assertThat(google.received(PLAYLISTS)).hasSize(2);
  }

  @Test
  void aRevokedRefreshTokenSurfacesAsInvalidGrant() {
    google.otherwise(
        "/token",
        r ->
            Reply.json(
                400,
                "{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}"));
    YouTubeClient cli = client(token("ya29.old", clock.instant().minusSeconds(1)));

    assertThatThrownBy(() -> cli.playlists().list().mine(true).execute())
        .isInstanceOfSatisfying(
            OAuthException.class, e -> assertThat(e.error()).isEqualTo("invalid_grant"));
    assertThat(google.received(PLAYLISTS)).isEmpty();
  }

  @Test
  void aTokenAboutToExpireIsRefreshedBeforeTheCall() {
    google.otherwise(PLAYLISTS, r -> Reply.json(200, Fixtures.PLAYLISTS));
    google.enqueue("/token", Reply.json(200, Fixtures.token("ya29.next", "1//rotated", 3600)));
    YouTubeClient cli = client(token("ya29.old", clock.instant().plus(Duration.ofMinutes(30))));

    cli.playlists().list().mine(true).execute();
    assertThat(google.received("/token")).isEmpty();

    clock.advance(Duration.ofMinutes(29).plusSeconds(30)); // within the one-minute margin
    cli.playlists().list().mine(true).execute();

    assertThat(google.received("/token")).hasSize(1);
    assertThat(google.received(PLAYLISTS).get(1).header("authorization"))
        .isEqualTo("Bearer ya29.next");
    assertThat(cli.accessToken())
        .get()
        .extracting(AccessToken::refreshToken)
        .isEqualTo("1//rotated");
  }

  @Test
  void concurrentCallsAtExpirySendExactlyOneRefresh() throws Exception {
    AtomicInteger refreshes = new AtomicInteger();
    google.otherwise(
        "/token",
        r -> {
          int n = refreshes.incrementAndGet();
          // Slow, so that every thread arrives while the refresh is in flight.
          return Reply.json(200, Fixtures.token("ya29.fresh-" + n, null, 3600)).delayed(300);
        });
    google.otherwise(
        PLAYLISTS,
        r ->
            "Bearer ya29.fresh-1".equals(r.header("authorization"))
                ? Reply.json(200, Fixtures.PLAYLISTS)
                : Reply.json(401, UNAUTHORIZED));
    YouTubeClient cli = client(token("ya29.expired", clock.instant().minusSeconds(5)));

    int threads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> results = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      results.add(
          pool.submit(
              () -> {
                start.await();
                return cli.playlists().list().mine(true).execute().items().size();
              }));
    }
    start.countDown();
    for (Future<Integer> result : results) {
      assertThat(result.get()).isEqualTo(2);
    }
    pool.shutdown();

    assertThat(google.received("/token")).hasSize(1);
    assertThat(google.received(PLAYLISTS))
        .hasSize(threads)
        .allSatisfy(r -> assertThat(r.header("authorization")).isEqualTo("Bearer ya29.fresh-1"));
  }

  @Test
  void concurrent401sSendExactlyOneRefresh() throws Exception {
    google.otherwise(
        "/token", r -> Reply.json(200, Fixtures.token("ya29.fresh", null, 3600)).delayed(200));
    google.otherwise(
        PLAYLISTS,
        r ->
            "Bearer ya29.fresh".equals(r.header("authorization"))
                ? Reply.json(200, Fixtures.PLAYLISTS)
                : Reply.json(401, UNAUTHORIZED).delayed(50));
    YouTubeClient cli = client(token("ya29.revoked", null));

    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> results = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      results.add(pool.submit(() -> cli.playlists().list().mine(true).execute()));
    }
    for (Future<?> result : results) {
      result.get();
    }
    pool.shutdown();

    assertThat(google.received("/token")).hasSize(1);
  }

  @Test
  void aRefreshTokenAloneObtainsTheFirstToken() {
    google.enqueue("/token", Reply.json(200, Fixtures.token("ya29.first", null, 3600)));
    google.otherwise(PLAYLISTS, r -> Reply.json(200, Fixtures.PLAYLISTS));
    YouTubeClient cli =
        YouTubeClient.builder()
            .clientId("client_id")
            .clientSecret("s3cret")
            .refreshToken("1//only-refresh")
            .endpoints(google.endpoints())
            .build();

    cli.playlists().list().mine(true).execute();

    assertThat(google.received(PLAYLISTS).get(0).header("authorization"))
        .isEqualTo("Bearer ya29.first");
  }

  @Test
  void revokeSendsTheTokenInTheBodyAndForgetsIt() {
    google.enqueue("/revoke", Reply.json(200, "{}"));
    YouTubeClient cli = client(token("ya29.to-revoke", null));

    cli.revokeAccessToken("ya29.to-revoke");

    var revoke = google.received("/revoke").get(0);
    assertThat(revoke.method()).isEqualTo("POST");
    assertThat(revoke.query()).isEmpty();
    assertThat(revoke.form()).containsEntry("token", "ya29.to-revoke");
    assertThat(cli.accessToken()).isEmpty();
    assertThat(store.load()).isEmpty();
  }

  @Test
  void userInfoIsReadWithTheBearerToken() {
    google.otherwise(
        "/v1/userinfo",
        r ->
            Reply.json(
                200,
                "{\"sub\":\"1234\",\"name\":\"Ikaros\",\"given_name\":\"Ik\",\"picture\":\"https://x/p.jpg\",\"hd\":\"example.com\"}"));
    YouTubeClient cli = client(token("ya29.user", null));

    UserInfo info = cli.userInfo();

    assertThat(info.sub()).isEqualTo("1234");
    assertThat(info.givenName()).isEqualTo("Ik");
    assertThat(info.additionalProperties()).containsEntry("hd", "example.com");
    assertThat(google.received("/v1/userinfo").get(0).header("authorization"))
        .isEqualTo("Bearer ya29.user");
  }
}
