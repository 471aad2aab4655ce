package io.github.jyoutube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jyoutube.auth.AccessToken;
import io.github.jyoutube.auth.AccountTokenStore;
import io.github.jyoutube.error.ReauthorizationRequiredException;
import io.github.jyoutube.testing.FakeGoogle;
import io.github.jyoutube.testing.FakeGoogle.Reply;
import io.github.jyoutube.testing.Fixtures;
import io.github.jyoutube.testing.MutableClock;
import io.github.jyoutube.testing.RecordingSleeper;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One client, many users: each view carries its account's token from the account store and saves
 * what it obtains there, refreshes once per account however many threads and views need it, and
 * shares the client's connections, listeners and quota meter.
 */
@Timeout(60)
class AccountViewsTest {

  private static final String PLAYLISTS = "/youtube/v3/playlists";
  private static final String INVALID_GRANT =
      "{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}";

  private final FakeGoogle google = FakeGoogle.start();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T12:00:00Z"));
  private final AccountTokenStore store = AccountTokenStore.inMemory();
  private final List<CallEvent> events = new CopyOnWriteArrayList<>();
  private final ExecutorService pool = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    pool.shutdownNow();
    google.close();
  }

  private YouTubeClient client() {
    return YouTubeClient.builder()
        .clientId("id")
        .clientSecret("s3cret")
        .endpoints(google.endpoints())
        .accountTokenStore(store)
        .listener(events::add)
        .sleeper(new RecordingSleeper())
        .clock(clock)
        .build();
  }

  private AccessToken token(String access, String refresh, Duration left) {
    return new AccessToken(
        access, 3600L, "Bearer", refresh, null, null, clock.instant().plus(left));
  }

  @Test
  void eachViewCarriesItsAccountsTokenAndSharesTheMeterAndListeners() {
    store.save("alice", token("ya29.alice", "1//alice", Duration.ofHours(1)));
    store.save("bob", token("ya29.bob", "1//bob", Duration.ofHours(1)));
    google.otherwise(PLAYLISTS, r -> Reply.json(200, Fixtures.PLAYLISTS));
    YouTubeClient cli = client();

    cli.forAccount("alice").playlists().list().mine(true).execute();
    cli.forAccount("bob").playlists().list().mine(true).execute();
    cli.forAccount("alice")
        .withOptions(RequestOptions.defaults().withQuotaUser("a"))
        .playlists()
        .list()
        .mine(true)
        .execute();

    assertThat(google.received(PLAYLISTS))
        .extracting(r -> r.header("authorization"))
        .containsExactly("Bearer ya29.alice", "Bearer ya29.bob", "Bearer ya29.alice");
    assertThat(cli.quota().spentToday(QuotaBucket.DEFAULT)).isEqualTo(3);
    assertThat(events).filteredOn(CallEvent.Finished.class::isInstance).hasSize(3);
    assertThat(cli.forAccount("bob").accessToken()).contains(store.load("bob").orElseThrow());
    assertThat(cli.forAccount("alice").toString())
        .contains("account=alice")
        .doesNotContain("ya29.alice", "1//alice");
  }

  @Test
  void tenThousandViewsCostNoThread() throws Exception {
    YouTubeClient cli = client();
    google.otherwise(PLAYLISTS, r -> Reply.json(200, Fixtures.PLAYLISTS));
    cli.forAccount("warm", AccessToken.of("ya29.warm")).playlists().list().execute();
    int before = ManagementFactory.getThreadMXBean().getThreadCount();
    List<YouTubeClient> views = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      views.add(cli.forAccount("user-" + i, AccessToken.of("ya29.user-" + i)));
    }
    int after = ManagementFactory.getThreadMXBean().getThreadCount();
    assertThat(after).isLessThanOrEqualTo(before);
    assertThat(store.accounts()).hasSize(10_001);
    views.get(9_999).playlists().list().execute();
    assertThat(google.received(PLAYLISTS).get(1).header("authorization"))
        .isEqualTo("Bearer ya29.user-9999");
  }

  @Test
  void oneRefreshPerAccountHoweverManyThreadsAndViews() throws Exception {
    store.save("alice", token("ya29.old", "1//alice", Duration.ofSeconds(30))); // inside the margin
    store.save("bob", token("ya29.bob", "1//bob", Duration.ofHours(1)));
    google.otherwise(
        "/token", r -> Reply.json(200, Fixtures.token("ya29.new", null, 3600)).delayed(200));
    google.otherwise(PLAYLISTS, r -> Reply.json(200, Fixtures.PLAYLISTS));
    YouTubeClient cli = client();
    List<YouTubeClient> views =
        List.of(cli.forAccount("alice"), cli.forAccount("alice"), cli.forAccount("bob"));

    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> calls = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      YouTubeClient view = views.get(i % 3);
      calls.add(
          pool.submit(
              () -> {
                start.await();
                return view.playlists().list().mine(true).execute();
              }));
    }
    start.countDown();
    for (Future<?> call : calls) {
      call.get(30, TimeUnit.SECONDS);
    }

    assertThat(google.received("/token")).hasSize(1);
    assertThat(google.received("/token").get(0).form()).containsEntry("refresh_token", "1//alice");
    AccessToken saved = store.load("alice").orElseThrow();
    assertThat(saved.accessToken()).isEqualTo("ya29.new");
    assertThat(saved.refreshToken()).isEqualTo("1//alice"); // kept when the answer has none
    Set<String> sent = new HashSet<>();
    google.received(PLAYLISTS).forEach(r -> sent.add(r.header("authorization")));
    assertThat(sent).containsExactlyInAnyOrder("Bearer ya29.new", "Bearer ya29.bob");
  }

  @Test
  void aRevokedGrantNamesTheAccountToAskAgain() {
    store.save("alice@example.com", token("ya29.old", "1//dead", Duration.ofSeconds(10)));
    store.save("bob", token("ya29.bob", "1//bob", Duration.ofHours(1)));
    google.otherwise("/token", r -> Reply.json(400, INVALID_GRANT));
    google.otherwise(PLAYLISTS, r -> Reply.json(200, Fixtures.PLAYLISTS));
    YouTubeClient cli = client();

    clock.advance(Duration.ofSeconds(20)); // expired
    ReauthorizationRequiredException first =
        catchReauthorization(cli.forAccount("alice@example.com"));
    ReauthorizationRequiredException second =
        catchReauthorization(cli.forAccount("alice@example.com"));

    assertThat(first.accountLabel()).contains("alice@example.com");
    assertThat(first.error()).isEqualTo("invalid_grant");
    assertThat(first.getMessage()).contains("alice@example.com").doesNotContain("1//dead");
    assertThat(second).isSameAs(first);
    assertThat(google.received("/token")).hasSize(1);
    cli.forAccount("bob").playlists().list().mine(true).execute(); // other accounts go on
  }

  private static ReauthorizationRequiredException catchReauthorization(YouTubeClient view) {
    try {
      view.playlists().list().mine(true).execute();
    } catch (ReauthorizationRequiredException e) {
      return e;
    }
    throw new AssertionError("no ReauthorizationRequiredException");
  }

  @Test
  void aNewUserSignsInThroughTheirViewAndTheTokenIsStoredUnderTheirKey() {
    google.otherwise(
        "/token", r -> Reply.json(200, Fixtures.token("ya29.carol", "1//carol", 3600)));
    google.otherwise(PLAYLISTS, r -> Reply.json(200, Fixtures.PLAYLISTS));
    YouTubeClient cli = client();
    YouTubeClient carol = cli.forAccount("carol");

    assertThatThrownBy(() -> carol.playlists().list().mine(true).execute())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no credential");
    carol.generateAccessTokenFromCode("4/code");
    carol.playlists().list().mine(true).execute();

    assertThat(store.load("carol").orElseThrow().accessToken()).isEqualTo("ya29.carol");
    assertThat(cli.accessToken()).isEmpty(); // the client's own token is not the view's
    assertThat(cli.forAccount("carol").accessToken().orElseThrow().accessToken())
        .isEqualTo("ya29.carol");
  }

  @Test
  void aTokenAnotherProcessStoredIsUsedInsteadOfRefreshing() {
    store.save("alice", token("ya29.old", "1//alice", Duration.ofMinutes(2)));
    google.otherwise(PLAYLISTS, r -> Reply.json(200, Fixtures.PLAYLISTS));
    YouTubeClient cli = client();
    YouTubeClient alice = cli.forAccount("alice");
    alice.playlists().list().mine(true).execute();

    // Another process refreshed alice's token and stored it.
    store.save("alice", token("ya29.from-elsewhere", "1//alice", Duration.ofHours(1)));
    clock.advance(Duration.ofMinutes(1).plusSeconds(30)); // ya29.old is now inside the margin
    alice.playlists().list().mine(true).execute();

    assertThat(google.received("/token")).isEmpty();
    assertThat(google.received(PLAYLISTS))
        .extracting(r -> r.header("authorization"))
        .containsExactly("Bearer ya29.old", "Bearer ya29.from-elsewhere");
  }

  @Test
  void aUserWhoSignedInAgainElsewhereIsServedWithTheNewToken() {
    store.save("alice", token("ya29.old", "1//dead", Duration.ofSeconds(10)));
    store.save("bob", token("ya29.bob", null, Duration.ofHours(1)));
    google.otherwise("/token", r -> Reply.json(400, INVALID_GRANT));
    google.otherwise(
        PLAYLISTS,
        r ->
            r.header("authorization").equals("Bearer ya29.bob")
                ? Reply.json(401, "{\"error\":{\"code\":401,\"message\":\"Invalid Credentials\"}}")
                : Reply.json(200, Fixtures.PLAYLISTS));
    YouTubeClient cli = client();
    YouTubeClient alice = cli.forAccount("alice");
    YouTubeClient bob = cli.forAccount("bob");
    clock.advance(Duration.ofSeconds(20));
    catchReauthorization(alice); // the refresh token is dead
    catchReauthorization(bob); // rejected, and no refresh token to renew it with

    // Both sign in again, through another JVM of the service: their new tokens reach the store.
    store.save("alice", token("ya29.alice-again", "1//alive", Duration.ofHours(1)));
    store.save("bob", token("ya29.bob-again", null, Duration.ofHours(1)));
    clock.advance(Duration.ofSeconds(2));

    alice.playlists().list().mine(true).execute();
    bob.playlists().list().mine(true).execute();
    assertThat(google.received("/token")).hasSize(1); // the dead refresh token was not tried again
    assertThat(google.received(PLAYLISTS))
        .extracting(r -> r.header("authorization"))
        .containsExactly(
            "Bearer ya29.bob", // rejected
            "Bearer ya29.alice-again",
            "Bearer ya29.bob", // rejected again; the store has another token: sent again with it
            "Bearer ya29.bob-again");
  }

  @Test
  void revokingThroughAViewForgetsThatAccountOnly() {
    store.save("alice", token("ya29.alice", "1//alice", Duration.ofHours(1)));
    store.save("bob", token("ya29.bob", "1//bob", Duration.ofHours(1)));
    google.otherwise("/revoke", r -> Reply.json(200, "{}"));
    YouTubeClient cli = client();

    YouTubeClient alice = cli.forAccount("alice");
    alice.revokeAccessToken(alice.accessToken().orElseThrow());

    assertThat(google.received("/revoke").get(0).form()).containsEntry("token", "1//alice");
    assertThat(store.accounts()).containsExactly("bob");
    assertThat(alice.accessToken()).isEmpty();
  }

  @Test
  void anEmptyAccountKeyIsRefused() {
    YouTubeClient cli = client();
    assertThatThrownBy(() -> cli.forAccount(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty or blank");
  }
}
