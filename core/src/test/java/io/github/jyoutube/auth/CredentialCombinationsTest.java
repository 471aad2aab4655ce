package io.github.jyoutube.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.error.ReauthorizationRequiredException;
import io.github.jyoutube.error.UnauthorizedException;
import io.github.jyoutube.testing.FakeGoogle;
import io.github.jyoutube.testing.FakeGoogle.Reply;
import io.github.jyoutube.testing.Fixtures;
import io.github.jyoutube.testing.MutableClock;
import io.github.jyoutube.testing.RecordingSleeper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way to give the builder a credential, each against a 401 (refresh and send again once) and
 * against an expiry that comes near (refresh before the call). A combination that cannot refresh
 * says so: at {@code build()}, or at the first 401, never by failing in silence.
 */
class CredentialCombinationsTest {

  private static final String PLAYLISTS = "/youtube/v3/playlists";
  private static final String UNAUTHORIZED =
      Fixtures.error(401, "authError", "global", "Invalid Credentials");
  private static final Instant START = Instant.parse("2026-11-27T12:00:00Z");
  private static final String STALE = "ya29.given-access-token";
  private static final String REFRESH = "1//given-refresh-token";
  private static final String KEY = "AIza-given-api-key";

  private final FakeGoogle google = FakeGoogle.start();
  private final MutableClock clock = new MutableClock(START);
  private final Set<String> revoked = ConcurrentHashMap.newKeySet();
  private final AtomicInteger issued = new AtomicInteger();
  @TempDir Path dir;

  CredentialCombinationsTest() {
    google.otherwise(
        "/token",
        r -> Reply.json(200, Fixtures.token("ya29.fresh-" + issued.incrementAndGet(), null, 3600)));
    google.otherwise(
        PLAYLISTS,
        r -> {
          String auth = r.header("authorization");
          String used =
              auth != null ? auth.substring("Bearer ".length()) : r.header("x-goog-api-key");
          return used == null || revoked.contains(used)
              ? Reply.json(401, UNAUTHORIZED)
              : Reply.json(200, Fixtures.PLAYLISTS);
        });
  }

  @AfterEach
  void stop() {
    google.close();
  }

  /** What a 401 leads to. */
  enum After401 {
    /** One refresh request, then the call is sent again with the new token and succeeds. */
    REFRESHES,
    /** {@code ReauthorizationRequiredException}: no refresh token. */
    NO_REFRESH_TOKEN,
    /** {@code ReauthorizationRequiredException}: a refresh token, but no client credentials. */
    NO_CLIENT_CREDENTIALS,
    /** {@code UnauthorizedException}: the API key itself was refused; nothing to renew. */
    KEY_REFUSED
  }

  /** What an approaching expiry leads to. */
  enum NearExpiry {
    /** One refresh request before the call, which carries the new token. */
    REFRESHES_FIRST,
    /** The expiry is unknown: nothing happens before a 401. */
    UNKNOWN_EXPIRY,
    /** The expiry is known but the client cannot refresh: the token is sent as it is. */
    CANNOT_REFRESH
  }

  /** One combination of builder settings. */
  record Combination(
      String name,
      BiConsumer<YouTubeClient.Builder, Path> settings,
      After401 after401,
      NearExpiry nearExpiry) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static AccessToken token(String refresh, Instant expiresAt) {
    return new AccessToken(STALE, 3600L, "Bearer", refresh, null, null, expiresAt);
  }

  private static final Instant IN_AN_HOUR = START.plusSeconds(3600);

  private static void clientCredentials(YouTubeClient.Builder b) {
    b.clientId("client-id").clientSecret("client-secret");
  }

  private static void secretsFile(YouTubeClient.Builder b, Path dir) {
    Path file = dir.resolve("client_secret.json");
    try {
      Files.writeString(
          file,
          "{\"installed\":{\"client_id\":\"file-id\",\"client_secret\":\"file-secret\","
              + "\"redirect_uris\":[\"http://localhost\"]}}");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    b.clientSecretsFile(file);
  }

  private static TokenStore storeWith(AccessToken token) {
    TokenStore store = TokenStore.inMemory();
    store.save(token);
    return store;
  }

  static Stream<Combination> combinations() {
    return Stream.of(
        new Combination(
            "access token alone",
            (b, d) -> b.accessToken(STALE),
            After401.NO_REFRESH_TOKEN,
            NearExpiry.UNKNOWN_EXPIRY),
        new Combination(
            "access token alone, with client credentials",
            (b, d) -> clientCredentials(b.accessToken(STALE)),
            After401.NO_REFRESH_TOKEN,
            NearExpiry.UNKNOWN_EXPIRY),
        new Combination(
            "access token + refresh token + client credentials",
            (b, d) -> clientCredentials(b.accessToken(STALE).refreshToken(REFRESH)),
            After401.REFRESHES,
            NearExpiry.UNKNOWN_EXPIRY),
        new Combination(
            "refresh token + client credentials",
            (b, d) -> clientCredentials(b.refreshToken(REFRESH)),
            After401.REFRESHES,
            NearExpiry.REFRESHES_FIRST),
        new Combination(
            "AccessToken with refresh token and expiry + client credentials",
            (b, d) -> clientCredentials(b.accessToken(token(REFRESH, IN_AN_HOUR))),
            After401.REFRESHES,
            NearExpiry.REFRESHES_FIRST),
        new Combination(
            "AccessToken with refresh token, no expiry + client credentials",
            (b, d) -> clientCredentials(b.accessToken(token(REFRESH, null))),
            After401.REFRESHES,
            NearExpiry.UNKNOWN_EXPIRY),
        new Combination(
            "AccessToken with expiry, no refresh token + client credentials",
            (b, d) -> clientCredentials(b.accessToken(token(null, IN_AN_HOUR))),
            After401.NO_REFRESH_TOKEN,
            NearExpiry.CANNOT_REFRESH),
        new Combination(
            "AccessToken with expiry, no refresh token + refreshToken + client credentials",
            (b, d) ->
                clientCredentials(b.accessToken(token(null, IN_AN_HOUR)).refreshToken(REFRESH)),
            After401.REFRESHES,
            NearExpiry.REFRESHES_FIRST),
        new Combination(
            "AccessToken with refresh token and expiry, no client credentials",
            (b, d) -> b.accessToken(token(REFRESH, IN_AN_HOUR)),
            After401.NO_CLIENT_CREDENTIALS,
            NearExpiry.CANNOT_REFRESH),
        new Combination(
            "client secrets file + refresh token",
            (b, d) -> secretsFile(b.refreshToken(REFRESH), d),
            After401.REFRESHES,
            NearExpiry.REFRESHES_FIRST),
        new Combination(
            "client secrets file + token store holding a token",
            (b, d) -> secretsFile(b.tokenStore(storeWith(token(REFRESH, IN_AN_HOUR))), d),
            After401.REFRESHES,
            NearExpiry.REFRESHES_FIRST),
        new Combination(
            "token store holding a token + client credentials",
            (b, d) -> clientCredentials(b.tokenStore(storeWith(token(REFRESH, IN_AN_HOUR)))),
            After401.REFRESHES,
            NearExpiry.REFRESHES_FIRST),
        new Combination(
            "token store holding a token without refresh token + refreshToken + credentials",
            (b, d) ->
                clientCredentials(
                    b.tokenStore(storeWith(token(null, IN_AN_HOUR))).refreshToken(REFRESH)),
            After401.REFRESHES,
            NearExpiry.REFRESHES_FIRST),
        new Combination(
            "token store holding a token, no client credentials",
            (b, d) -> b.tokenStore(storeWith(token(REFRESH, IN_AN_HOUR))),
            After401.NO_CLIENT_CREDENTIALS,
            NearExpiry.CANNOT_REFRESH),
        new Combination(
            "API key alone",
            (b, d) -> b.apiKey(KEY),
            After401.KEY_REFUSED,
            NearExpiry.UNKNOWN_EXPIRY),
        new Combination(
            "API key + access token alone",
            (b, d) -> b.apiKey(KEY).accessToken(STALE),
            After401.NO_REFRESH_TOKEN,
            NearExpiry.UNKNOWN_EXPIRY),
        new Combination(
            "API key + AccessToken with refresh token and expiry + client credentials",
            (b, d) -> clientCredentials(b.apiKey(KEY).accessToken(token(REFRESH, IN_AN_HOUR))),
            After401.REFRESHES,
            NearExpiry.REFRESHES_FIRST));
  }

  private YouTubeClient build(Combination combination) {
    YouTubeClient.Builder builder =
        YouTubeClient.builder()
            .endpoints(google.endpoints())
            .sleeper(new RecordingSleeper())
            .clock(clock)
            .accountLabel("user-42");
    combination.settings().accept(builder, dir);
    return builder.build();
  }

  /** The credential the client sends now: its token, or its API key. */
  private String credentialInUse(YouTubeClient cli) {
    if (cli.accessToken().isEmpty() && google.received(PLAYLISTS).isEmpty()) {
      cli.playlists().list().mine(true).execute(); // a refresh token alone: obtain the first token
    }
    return cli.accessToken().map(AccessToken::accessToken).orElse(KEY);
  }

  private String lastCredentialSent() {
    List<FakeGoogle.Received> calls = google.received(PLAYLISTS);
    FakeGoogle.Received last = calls.get(calls.size() - 1);
    return last.header("authorization") != null
        ? last.header("authorization").substring("Bearer ".length())
        : last.header("x-goog-api-key");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("combinations")
  void a401(Combination combination) {
    YouTubeClient cli = build(combination);
    String inUse = credentialInUse(cli);
    revoked.add(inUse);
    int refreshes = google.received("/token").size();
    int calls = google.received(PLAYLISTS).size();

    Throwable thrown = catchThrowable(() -> cli.playlists().list().mine(true).execute());

    switch (combination.after401()) {
      case REFRESHES -> {
        assertThat(thrown).isNull();
        assertThat(google.received("/token")).hasSize(refreshes + 1);
        assertThat(google.received(PLAYLISTS)).hasSize(calls + 2);
        assertThat(lastCredentialSent()).startsWith("ya29.fresh-").isNotEqualTo(inUse);
      }
      case NO_REFRESH_TOKEN, NO_CLIENT_CREDENTIALS -> {
        assertThat(thrown)
            .isInstanceOfSatisfying(
                ReauthorizationRequiredException.class,
                e -> {
                  assertThat(e.error()).isEqualTo("invalid_token");
                  assertThat(e.statusCode()).isEqualTo(401);
                  assertThat(e.accountLabel()).contains("user-42");
                })
            .hasMessageContaining("access token rejected")
            .hasMessageContaining(
                combination.after401() == After401.NO_REFRESH_TOKEN
                    ? "no refresh token"
                    : "no clientId and clientSecret")
            .hasMessageNotContaining(inUse);
        assertThat(google.received("/token")).hasSize(refreshes);
        assertThat(google.received(PLAYLISTS)).hasSize(calls + 1);
        // The same signal for the next call that meets the same token.
        assertThat(catchThrowable(() -> cli.playlists().list().mine(true).execute()))
            .isSameAs(thrown);
      }
      case KEY_REFUSED -> {
        assertThat(thrown).isInstanceOf(UnauthorizedException.class);
        assertThat(google.received("/token")).hasSize(refreshes);
        assertThat(google.received(PLAYLISTS)).hasSize(calls + 1);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("combinations")
  void anExpiryThatComesNear(Combination combination) {
    YouTubeClient cli = build(combination);
    String inUse = credentialInUse(cli);
    Instant expiresAt = cli.accessToken().map(AccessToken::expiresAt).orElse(null);
    int refreshes = google.received("/token").size();

    if (combination.nearExpiry() == NearExpiry.UNKNOWN_EXPIRY) {
      assertThat(expiresAt).isNull();
      clock.advance(Duration.ofHours(2));
    } else {
      clock.advance(Duration.between(clock.instant(), expiresAt.minusSeconds(30)));
    }
    cli.playlists().list().mine(true).execute();

    if (combination.nearExpiry() == NearExpiry.REFRESHES_FIRST) {
      assertThat(google.received("/token")).hasSize(refreshes + 1);
      assertThat(lastCredentialSent()).startsWith("ya29.fresh-").isNotEqualTo(inUse);
    } else {
      assertThat(google.received("/token")).hasSize(refreshes);
      assertThat(lastCredentialSent()).isEqualTo(inUse);
    }
  }

  @Test
  void accessAndRefreshTokensGivenApartRefreshOnceForSixteenThreads() throws Exception {
    google.otherwise(
        "/token", r -> Reply.json(200, Fixtures.token("ya29.fresh", null, 3600)).delayed(200));
    revoked.add(STALE);
    YouTubeClient cli =
        YouTubeClient.builder()
            .clientId("id")
            .clientSecret("secret")
            .accessToken(STALE)
            .refreshToken(REFRESH)
            .endpoints(google.endpoints())
            .sleeper(new RecordingSleeper())
            .build();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<Object>> calls = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      calls.add(pool.submit(() -> (Object) cli.playlists().list().mine(true).execute()));
    }
    int failed = 0;
    for (Future<Object> call : calls) {
      try {
        call.get();
      } catch (ExecutionException e) {
        failed++;
      }
    }
    pool.shutdown();
    assertThat(failed).isZero();
    assertThat(google.received("/token")).hasSize(1);
    assertThat(google.received("/token").get(0).form()).containsEntry("refresh_token", REFRESH);
    assertThat(cli.accessToken()).get().extracting(AccessToken::refreshToken).isEqualTo(REFRESH);
  }

  @Test
  void combinationsThatCannotWorkAreRefusedAtBuild() {
    assertThatThrownBy(
            () -> YouTubeClient.builder().accessToken(STALE).refreshToken(REFRESH).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("refreshToken needs clientId and clientSecret");
    assertThatThrownBy(
            () ->
                YouTubeClient.builder()
                    .clientId("id")
                    .clientSecret("secret")
                    .accessToken(token("1//another", null))
                    .refreshToken(REFRESH)
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("two different refresh tokens")
        .hasMessageNotContaining(REFRESH);
  }

  @Test
  void refreshingWithoutARefreshTokenIsATypedSignal() {
    YouTubeClient cli =
        YouTubeClient.builder()
            .clientId("id")
            .clientSecret("secret")
            .accessToken(STALE)
            .accountLabel("user-7")
            .endpoints(google.endpoints())
            .build();

    assertThatThrownBy(cli::refreshAccessToken)
        .isInstanceOfSatisfying(
            ReauthorizationRequiredException.class,
            e -> {
              assertThat(e.error()).isEqualTo("no_refresh_token");
              assertThat(e.accountLabel()).contains("user-7");
            })
        .hasMessageContaining("without a refresh token");
    assertThat(google.received("/token")).isEmpty();

    // Without client credentials the client is misconfigured: a programming error.
    YouTubeClient bare = YouTubeClient.builder().accessToken(token(REFRESH, null)).build();
    assertThatThrownBy(bare::refreshAccessToken)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no clientId and clientSecret");
  }

  @Test
  void revokeTakesTheTokenRecordAndRevokesItsGrant() {
    google.enqueue("/revoke", Reply.json(200, "{}"));
    google.enqueue("/revoke", Reply.json(200, "{}"));
    TokenStore store = TokenStore.inMemory();
    YouTubeClient cli =
        YouTubeClient.builder()
            .clientId("id")
            .clientSecret("secret")
            .accessToken(token(REFRESH, IN_AN_HOUR))
            .tokenStore(store)
            .endpoints(google.endpoints())
            .build();

    cli.revokeAccessToken(cli.accessToken().orElseThrow());

    assertThat(google.received("/revoke").get(0).form()).containsEntry("token", REFRESH);
    assertThat(cli.accessToken()).isEmpty();
    assertThat(store.load()).isEmpty();

    // A token without a refresh token: its access token is revoked.
    cli.revokeAccessToken(AccessToken.of("ya29.other-token"));
    assertThat(google.received("/revoke").get(1).form()).containsEntry("token", "ya29.other-token");
  }
}
