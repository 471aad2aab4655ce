package io.github.jyoutube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jyoutube.error.QuotaBudgetExceededException;
import io.github.jyoutube.error.QuotaLedgerException;
import io.github.jyoutube.error.TransportException;
import io.github.jyoutube.model.Playlist;
import io.github.jyoutube.model.PlaylistSnippet;
import io.github.jyoutube.testing.FakeGoogle;
import io.github.jyoutube.testing.FakeGoogle.Reply;
import io.github.jyoutube.testing.Fixtures;
import io.github.jyoutube.testing.MutableClock;
import io.github.jyoutube.testing.RecordingSleeper;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Daily quota budgets: a call that would pass one is refused before anything is sent, or waits for
 * midnight Pacific; every page and retry reserves again; requests that never left give their units
 * back; tenants ({@code quotaUser}) have shares.
 */
class QuotaBudgetTest {

  private static final String PLAYLISTS = "/youtube/v3/playlists";

  private final FakeGoogle google = FakeGoogle.start();
  // 23:00 Pacific (PST) on 26 November: the quota day resets in an hour, at 08:00 UTC.
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T07:00:00Z"));
  private static final Instant RESET = Instant.parse("2026-11-27T08:00:00Z");
  private final List<Duration> slept = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    google.close();
  }

  private YouTubeClient.Builder builder() {
    return YouTubeClient.builder()
        .accessToken("ya29.t")
        .endpoints(google.endpoints())
        .clock(clock)
        .sleeper(
            duration -> {
              slept.add(duration);
              clock.advance(duration);
            });
  }

  private void playlistsAnswer() {
    google.otherwise(
        PLAYLISTS,
        r ->
            r.method().equals("GET")
                ? Reply.json(200, Fixtures.PLAYLISTS)
                : Reply.json(200, "{\"id\":\"PLnew\"}"));
  }

  private static Playlist playlist() {
    return Playlist.builder().snippet(PlaylistSnippet.builder().title("t").build()).build();
  }

  @Test
  void aCallOverTheBudgetFailsBeforeAnythingIsSent() {
    playlistsAnswer();
    YouTubeClient cli = builder().quotaBudget(QuotaBucket.DEFAULT, 120).build();
    cli.playlists().insert(playlist()).execute();
    cli.playlists().insert(playlist()).execute();

    assertThatThrownBy(() -> cli.playlists().insert(playlist()).execute())
        .isInstanceOfSatisfying(
            QuotaBudgetExceededException.class,
            e -> {
              System.out.println("QuotaBudgetTest: " + e.getMessage());
              assertThat(e.bucket()).isEqualTo(QuotaBucket.DEFAULT);
              assertThat(e.spent()).isEqualTo(100);
              assertThat(e.budget()).isEqualTo(120);
              assertThat(e.units()).isEqualTo(50);
              assertThat(e.resetsAt()).isEqualTo(RESET);
              assertThat(e.quotaUser()).isEmpty();
              assertThat(e.getMessage())
                  .contains("DEFAULT", "100 of 120", "needs 50", "2026-11-27T08:00:00Z");
            });
    assertThat(google.received(PLAYLISTS)).hasSize(2);
    // The refusal is not counted; a cheaper call still fits.
    assertThat(cli.quota().spentToday(QuotaBucket.DEFAULT)).isEqualTo(100);
    cli.playlists().list().mine(true).execute();
    assertThat(cli.quota().spentToday(QuotaBucket.DEFAULT)).isEqualTo(101);
    assertThat(cli.quota().budget(QuotaBucket.DEFAULT)).isEqualTo(OptionalLong.of(120));
    assertThat(cli.quota().budget(QuotaBucket.SEARCH)).isEmpty();
    assertThat(cli.quota().resetsAt()).isEqualTo(RESET);
    assertThat(slept).isEmpty();
  }

  @Test
  void aCallTheBudgetRefusesRefreshesNoToken() {
    google.otherwise("/token", r -> Reply.json(200, Fixtures.token("ya29.fresh", null, 600)));
    playlistsAnswer();
    YouTubeClient cli =
        YouTubeClient.builder()
            .endpoints(google.endpoints())
            .clock(clock)
            .sleeper(clock::advance)
            .clientId("client-id")
            .clientSecret("client-secret")
            .refreshToken("1//refresh")
            .quotaBudget(QuotaBucket.DEFAULT, 1)
            .build();
    cli.playlists().list().mine(true).execute();
    assertThat(google.received("/token")).hasSize(1);

    clock.advance(Duration.ofMinutes(20)); // the token has expired; the quota day has not ended
    assertThatThrownBy(() -> cli.playlists().list().mine(true).execute())
        .isInstanceOf(QuotaBudgetExceededException.class);
    assertThat(google.received("/token")).as("refreshes").hasSize(1);
    assertThat(google.received(PLAYLISTS)).hasSize(1);
  }

  @Test
  void everyPageAndEveryRetryReservesAgain() {
    google.enqueue(PLAYLISTS, Reply.json(503, Fixtures.error(503, "backendError", "global", "x")));
    google.otherwise(
        PLAYLISTS,
        r ->
            Reply.json(
                200,
                "{\"items\":[{\"id\":\"p"
                    + r.query().getOrDefault("pageToken", "0")
                    + "\"}],\"nextPageToken\":\""
                    + (Integer.parseInt(r.query().getOrDefault("pageToken", "0")) + 1)
                    + "\"}"));
    YouTubeClient cli =
        builder().quotaBudget(QuotaBucket.DEFAULT, 4).maxRetries(2).build(); // 4 units, 1 a page

    // A 503 and its retry, the first page (2 units), then pages 2 and 3: the fourth is refused.
    List<String> seen = new java.util.ArrayList<>();
    assertThatThrownBy(
            () -> cli.playlists().list().mine(true).stream().forEach(p -> seen.add(p.id())))
        .isInstanceOf(QuotaBudgetExceededException.class)
        .hasMessageContaining("4 of 4 units spent today, the call needs 1");
    assertThat(seen).containsExactly("p0", "p1", "p2");
    assertThat(google.received(PLAYLISTS)).hasSize(4);
    assertThat(cli.quota().spentToday(QuotaBucket.DEFAULT)).isEqualTo(4);
  }

  @Test
  void requestsThatNeverLeftGiveTheirUnitsBack() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    YouTubeClient offline =
        YouTubeClient.builder()
            .accessToken("ya29.t")
            .endpoints(Endpoints.at("http://127.0.0.1:" + closed + "/"))
            .sleeper(new RecordingSleeper())
            .maxRetries(3)
            .quotaBudget(QuotaBucket.DEFAULT, 50)
            .build();
    // Four attempts of a 50-unit insert, each refused at the connection: had the first kept its
    // units, the second would have been refused by the budget.
    assertThatThrownBy(() -> offline.playlists().insert(playlist()).execute())
        .isInstanceOf(TransportException.class)
        .hasMessageContaining("after 3 retries");
    assertThat(offline.quota().spentToday()).isEmpty();
  }

  @Test
  void tenantsHaveSharesOfTheProjectsBudget() {
    playlistsAnswer();
    YouTubeClient cli =
        builder()
            .quotaBudget(QuotaBucket.DEFAULT, 8)
            .quotaUserBudget(QuotaBucket.DEFAULT, 2)
            .quotaUserBudget("vip", QuotaBucket.DEFAULT, 5)
            .build();
    YouTubeClient tenantA = cli.withOptions(RequestOptions.defaults().withQuotaUser("tenant-a"));
    tenantA.playlists().list().mine(true).execute();
    tenantA.playlists().list().mine(true).execute();
    assertThatThrownBy(() -> tenantA.playlists().list().mine(true).execute())
        .isInstanceOfSatisfying(
            QuotaBudgetExceededException.class,
            e -> {
              assertThat(e.quotaUser()).isEqualTo(Optional.of("tenant-a"));
              assertThat(e.spent()).isEqualTo(2);
              assertThat(e.budget()).isEqualTo(2);
              assertThat(e.getMessage()).contains("quotaUser 'tenant-a'");
            });
    for (int i = 0; i < 5; i++) {
      cli.playlists().list().mine(true).quotaUser("vip").execute(); // set on the request
    }
    assertThatThrownBy(() -> cli.playlists().list().mine(true).quotaUser("vip").execute())
        .isInstanceOfSatisfying(
            QuotaBudgetExceededException.class, e -> assertThat(e.quotaUser()).contains("vip"));
    cli.playlists().list().mine(true).execute(); // no quotaUser: the project's budget only
    // tenant-b has its share, but the project's 8 units are spent.
    assertThatThrownBy(() -> cli.playlists().list().mine(true).quotaUser("tenant-b").execute())
        .isInstanceOfSatisfying(
            QuotaBudgetExceededException.class,
            e -> {
              assertThat(e.quotaUser()).isEmpty();
              assertThat(e.spent()).isEqualTo(8);
            });
    assertThat(cli.quota().spentToday(QuotaBucket.DEFAULT)).isEqualTo(8);
    assertThat(cli.quota().spentToday(QuotaBucket.DEFAULT, "tenant-a")).isEqualTo(2);
    assertThat(cli.quota().spentToday(QuotaBucket.DEFAULT, "vip")).isEqualTo(5);
    assertThat(cli.quota().spentToday(QuotaBucket.DEFAULT, "tenant-b")).isZero();
    assertThat(cli.quota().budget(QuotaBucket.DEFAULT, "vip")).isEqualTo(OptionalLong.of(5));
    assertThat(cli.quota().budget(QuotaBucket.DEFAULT, "anyone")).isEqualTo(OptionalLong.of(2));
    assertThat(google.received(PLAYLISTS)).hasSize(8);
  }

  @Test
  void aParkedCallWaitsForMidnightPacificAndGoes() {
    playlistsAnswer();
    YouTubeClient cli =
        builder()
            .quotaBudget(QuotaBucket.DEFAULT, 1)
            .parkWhenQuotaBudgetSpent(Duration.ofHours(2))
            .build();
    cli.playlists().list().mine(true).execute();
    cli.playlists().list().mine(true).execute(); // waits an hour, on the test's clock

    assertThat(slept).containsExactly(Duration.ofHours(1));
    assertThat(google.received(PLAYLISTS)).hasSize(2);
    assertThat(cli.quota().day()).isEqualTo(LocalDate.parse("2026-11-27"));
    assertThat(cli.quota().spentToday(QuotaBucket.DEFAULT)).isEqualTo(1);
    assertThat(cli.quota().ledger().spent(LocalDate.parse("2026-11-26"), QuotaBucket.DEFAULT, null))
        .isEqualTo(1);
  }

  @Test
  void aParkedCallFailsAtOnceWhenTheResetIsPastItsDeadline() {
    playlistsAnswer();
    YouTubeClient cli =
        builder()
            .quotaBudget(QuotaBucket.DEFAULT, 1)
            .parkWhenQuotaBudgetSpent(Duration.ofMinutes(30))
            .build();
    cli.playlists().list().mine(true).execute();
    assertThatThrownBy(() -> cli.playlists().list().mine(true).execute())
        .isInstanceOf(QuotaBudgetExceededException.class)
        .hasMessageContaining("the reset is further off than calls may wait (PT30M)");
    assertThat(slept).isEmpty();
    assertThat(google.received(PLAYLISTS)).hasSize(1);
  }

  @Test
  void aCallLargerThanTheBudgetIsNeverParked() {
    playlistsAnswer();
    YouTubeClient cli =
        builder()
            .quotaBudget(QuotaBucket.DEFAULT, 10)
            .parkWhenQuotaBudgetSpent(Duration.ofHours(48))
            .build();
    assertThatThrownBy(() -> cli.playlists().insert(playlist()).execute())
        .isInstanceOf(QuotaBudgetExceededException.class)
        .hasMessageContaining("the call alone costs more than the budget");
    assertThat(slept).isEmpty();
    assertThat(google.received(PLAYLISTS)).isEmpty();
  }

  @Test
  void anInterruptedWaitEndsTheCallAndKeepsTheInterrupt() {
    playlistsAnswer();
    YouTubeClient cli =
        YouTubeClient.builder()
            .accessToken("ya29.t")
            .endpoints(google.endpoints())
            .clock(clock)
            .sleeper(
                duration -> {
                  throw new InterruptedException("stop");
                })
            .quotaBudget(QuotaBucket.DEFAULT, 1)
            .parkWhenQuotaBudgetSpent(Duration.ofHours(2))
            .build();
    cli.playlists().list().mine(true).execute();
    try {
      assertThatThrownBy(() -> cli.playlists().list().mine(true).execute())
          .isInstanceOf(QuotaBudgetExceededException.class)
          .hasMessageContaining("interrupted while waiting for the reset")
          .hasCauseInstanceOf(InterruptedException.class);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
    assertThat(google.received(PLAYLISTS)).hasSize(1);
  }

  @Test
  void aSleeperThatNeverLetsTimePassCannotLoopForever() {
    playlistsAnswer();
    RecordingSleeper sleeper = new RecordingSleeper(); // returns at once, the clock stands still
    YouTubeClient cli =
        YouTubeClient.builder()
            .accessToken("ya29.t")
            .endpoints(google.endpoints())
            .clock(clock)
            .sleeper(sleeper)
            .quotaBudget(QuotaBucket.DEFAULT, 1)
            .parkWhenQuotaBudgetSpent(Duration.ofHours(2))
            .build();
    cli.playlists().list().mine(true).execute();
    assertThatThrownBy(() -> cli.playlists().list().mine(true).execute())
        .isInstanceOf(QuotaBudgetExceededException.class)
        .hasMessageContaining("woken 64 times before the reset");
    assertThat(sleeper.delays()).hasSize(64).allMatch(Duration.ofHours(1)::equals);
  }

  @Test
  void clientsOnOneLedgerShareItsBudget() {
    playlistsAnswer();
    QuotaLedger shared = QuotaLedger.inMemory();
    YouTubeClient one = builder().quotaLedger(shared).quotaBudget(QuotaBucket.DEFAULT, 2).build();
    YouTubeClient two = builder().quotaLedger(shared).quotaBudget(QuotaBucket.DEFAULT, 2).build();
    one.playlists().list().mine(true).execute();
    two.playlists().list().mine(true).execute();
    assertThatThrownBy(() -> one.playlists().list().mine(true).execute())
        .isInstanceOf(QuotaBudgetExceededException.class);
    assertThat(two.quota().spentToday(QuotaBucket.DEFAULT)).isEqualTo(2);
  }

  @Test
  void aClientOnAnSqlLedgerCountsThere() {
    playlistsAnswer();
    String url = "jdbc:h2:mem:client-ledger;DB_CLOSE_DELAY=-1";
    try (QuotaLedger ledger = QuotaLedger.jdbc(url, "project-1");
        QuotaLedger elsewhere = QuotaLedger.jdbc(url, "project-1")) {
      YouTubeClient cli =
          builder().quotaLedger(ledger).quotaBudget(QuotaBucket.DEFAULT, 60).build();
      cli.playlists().insert(playlist()).execute();
      cli.playlists().list().mine(true).execute();
      assertThat(elsewhere.spent(LocalDate.parse("2026-11-26"), QuotaBucket.DEFAULT, null))
          .isEqualTo(51);
      assertThatThrownBy(() -> cli.playlists().insert(playlist()).execute())
          .isInstanceOf(QuotaBudgetExceededException.class);
    }
  }

  @Test
  void theReadmeExample() {
    google.otherwise("/youtube/v3/videos", r -> Reply.json(200, "{\"items\":[]}"));
    String url = "jdbc:h2:mem:readme-ledger;DB_CLOSE_DELAY=-1";
    try (QuotaLedger ledger = QuotaLedger.jdbc(url, "my-cloud-project")) {
      YouTubeClient cli =
          builder()
              .quotaLedger(ledger)
              .quotaBudget(QuotaBucket.DEFAULT, 9_000)
              .quotaUserBudget(QuotaBucket.DEFAULT, 500)
              .quotaUserBudget("big-customer", QuotaBucket.DEFAULT, 3_000)
              .parkWhenQuotaBudgetSpent(Duration.ofHours(24))
              .build();
      YouTubeClient tenant = cli.withOptions(RequestOptions.defaults().withQuotaUser("tenant-42"));
      tenant.videos().list().id("dQw4w9WgXcQ").execute();
      assertThat(cli.quota().spentToday(QuotaBucket.DEFAULT)).isEqualTo(1);
      assertThat(cli.quota().spentToday(QuotaBucket.DEFAULT, "tenant-42")).isEqualTo(1);
      assertThat(cli.quota().budget(QuotaBucket.DEFAULT, "tenant-42")).hasValue(500);
      assertThat(cli.quota().budget(QuotaBucket.DEFAULT, "big-customer")).hasValue(3_000);
      assertThat(google.received("/youtube/v3/videos").get(0).query())
          .containsEntry("quotaUser", "tenant-42");
    }
  }

  @Test
  void aLedgerThatCannotBeReachedSendsNothing() throws Exception {
    playlistsAnswer();
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    YouTubeClient cli =
        builder()
            .quotaLedger(QuotaLedger.jdbc("jdbc:postgresql://127.0.0.1:" + closed + "/q", "p"))
            .build();
    assertThatThrownBy(() -> cli.playlists().list().mine(true).execute())
        .isInstanceOf(QuotaLedgerException.class);
    assertThat(google.received(PLAYLISTS)).isEmpty();
  }
}
