package io.github.jyoutube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jyoutube.error.QuotaExceededException;
import io.github.jyoutube.model.Playlist;
import io.github.jyoutube.model.PlaylistListResponse;
import io.github.jyoutube.model.PlaylistSnippet;
import io.github.jyoutube.testing.FakeGoogle;
import io.github.jyoutube.testing.FakeGoogle.Reply;
import io.github.jyoutube.testing.Fixtures;
import io.github.jyoutube.testing.MutableClock;
import io.github.jyoutube.testing.RecordingSleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The quota meter counts every request that reaches the API; etags make reads conditional. */
class QuotaAndConditionalTest {

  private static final String PLAYLISTS = "/youtube/v3/playlists";

  private final FakeGoogle google = FakeGoogle.start();
  // 23:00 Pacific on 26 November: the quota day turns in an hour.
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T07:00:00Z"));
  private final YouTubeClient cli =
      YouTubeClient.builder()
          .accessToken("ya29.t")
          .endpoints(google.endpoints())
          .sleeper(new RecordingSleeper())
          .clock(clock)
          .build();

  @AfterEach
  void stop() {
    google.close();
  }

  @Test
  void everyPageRetryAndFailureIsCountedAtTheMethodsCost() {
    google.enqueue(PLAYLISTS, Reply.json(503, Fixtures.error(503, "backendError", "global", "x")));
    google.otherwise(
        PLAYLISTS,
        r ->
            r.method().equals("GET")
                ? Reply.json(
                    200,
                    r.query().containsKey("pageToken")
                        ? "{\"items\":[{\"id\":\"b\"}]}"
                        : "{\"items\":[{\"id\":\"a\"}],\"nextPageToken\":\"p2\"}")
                : Reply.json(400, Fixtures.error(400, "invalidTitle", "youtube.playlist", "no")));

    assertThat(cli.playlists().list().mine(true).stream().count()).isEqualTo(2);
    // 1 failed + 2 pages at 1 unit each.
    assertThat(cli.quota().spentToday(QuotaBucket.DEFAULT)).isEqualTo(3);

    Playlist bad = Playlist.builder().snippet(PlaylistSnippet.builder().title("").build()).build();
    assertThatThrownBy(() -> cli.playlists().insert(bad).execute())
        .isInstanceOf(io.github.jyoutube.error.BadRequestException.class);
    // A refused insert still costs its 50 units, as Google counts it.
    assertThat(cli.quota().spentToday()).isEqualTo(Map.of(QuotaBucket.DEFAULT, 53L));
    assertThat(cli.quota().spentToday(QuotaBucket.SEARCH)).isZero();
  }

  @Test
  void theQuotaDayTurnsAtMidnightPacificTime() {
    google.otherwise(PLAYLISTS, r -> Reply.json(200, Fixtures.PLAYLISTS));
    cli.playlists().list().mine(true).execute();
    assertThat(cli.quota().day()).isEqualTo(java.time.LocalDate.parse("2026-11-26"));
    assertThat(cli.quota().spentToday(QuotaBucket.DEFAULT)).isEqualTo(1);

    clock.advance(Duration.ofMinutes(59));
    assertThat(cli.quota().spentToday(QuotaBucket.DEFAULT)).isEqualTo(1);

    clock.advance(Duration.ofMinutes(1));
    assertThat(cli.quota().day()).isEqualTo(java.time.LocalDate.parse("2026-11-27"));
    assertThat(cli.quota().spentToday()).isEmpty();
  }

  @Test
  void aRequestThatNeverLeftIsNotCounted() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    YouTubeClient offline =
        YouTubeClient.builder()
            .accessToken("ya29.t")
            .endpoints(Endpoints.at("http://127.0.0.1:" + closedPort + "/"))
            .sleeper(new RecordingSleeper())
            .maxRetries(1)
            .build();
    assertThatThrownBy(() -> offline.playlists().list().mine(true).execute())
        .isInstanceOf(io.github.jyoutube.error.TransportException.class);
    assertThat(offline.quota().spentToday()).isEmpty();
  }

  @Test
  void quotaExceededIsCountedOnceAndNotRetried() {
    google.otherwise(
        PLAYLISTS,
        r -> Reply.json(403, Fixtures.error(403, "quotaExceeded", "youtube.quota", "spent")));
    assertThatThrownBy(() -> cli.playlists().list().mine(true).execute())
        .isInstanceOf(QuotaExceededException.class);
    assertThat(cli.quota().spentToday(QuotaBucket.DEFAULT)).isEqualTo(1);
  }

  @Test
  void anUnchangedEtagAnswers304WithoutParsingOrException() {
    String etag = "UOj0sBpoZJ8qz6ZPmX3yYmrCrhw";
    google.otherwise(
        PLAYLISTS,
        r ->
            etag.equals(r.header("if-none-match"))
                ? new Reply(304, Map.of("ETag", etag), new byte[0], 0)
                : Reply.json(200, Fixtures.PLAYLISTS).header("ETag", etag));

    PlaylistListResponse first = cli.playlists().list().mine(true).execute();
    assertThat(first.etag()).isEqualTo(etag);

    Optional<PlaylistListResponse> again =
        cli.playlists().list().mine(true).ifNoneMatch(first.etag()).executeIfModified();
    assertThat(again).isEmpty();
    assertThat(cli.playlists().list().mine(true).ifNoneMatch(etag).execute()).isNull();

    Optional<PlaylistListResponse> changed =
        cli.playlists().list().mine(true).ifNoneMatch("stale-etag").executeIfModified();
    assertThat(changed).get().extracting(r -> r.items().size()).isEqualTo(2);

    assertThat(google.received(PLAYLISTS))
        .extracting(r -> r.header("if-none-match"))
        .containsExactly(null, etag, etag, "stale-etag");
  }
}
