package io.github.jyoutube.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.error.ApiException;
import io.github.jyoutube.error.DecodeException;
import io.github.jyoutube.error.ErrorDetail;
import io.github.jyoutube.error.NotFoundException;
import io.github.jyoutube.error.QuotaExceededException;
import io.github.jyoutube.error.RateLimitedException;
import io.github.jyoutube.error.ServerErrorException;
import io.github.jyoutube.error.TransportException;
import io.github.jyoutube.model.Playlist;
import io.github.jyoutube.model.PlaylistSnippet;
import io.github.jyoutube.testing.FakeGoogle;
import io.github.jyoutube.testing.FakeGoogle.Reply;
import io.github.jyoutube.testing.Fixtures;
import io.github.jyoutube.testing.MutableClock;
import io.github.jyoutube.testing.RecordingSleeper;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Retries happen where safe and only there; every failure arrives as its typed exception. */
class RetryAndErrorsTest {

  private static final String PLAYLISTS = "/youtube/v3/playlists";

  private final FakeGoogle google = FakeGoogle.start();
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T12:00:00Z"));
  private final YouTubeClient cli = client(google);

  private YouTubeClient client(FakeGoogle fake) {
    return YouTubeClient.builder()
        .accessToken("ya29.static-token")
        .endpoints(fake.endpoints())
        .sleeper(sleeper)
        .clock(clock)
        .build();
  }

  @AfterEach
  void stop() {
    google.close();
  }

  @Test
  void a503IsRetriedThenSucceeds() {
    google.enqueue(PLAYLISTS, Reply.json(503, Fixtures.error(503, "backendError", "global", "x")));
    google.otherwise(PLAYLISTS, r -> Reply.json(200, Fixtures.PLAYLISTS));

    assertThat(cli.playlists().list().mine(true).execute().items()).hasSize(2);

    assertThat(google.received(PLAYLISTS)).hasSize(2);
    assertThat(sleeper.delays()).hasSize(1);
    assertThat(sleeper.delays().get(0)).isBetween(Duration.ZERO, Duration.ofMillis(500));
  }

  @Test
  void backoffGrowsAndStopsAfterMaxRetries() {
    google.otherwise(
        PLAYLISTS, r -> Reply.json(500, Fixtures.error(500, "internalError", "global", "boom")));

    assertThatThrownBy(() -> cli.playlists().list().mine(true).execute())
        .isInstanceOfSatisfying(
            ServerErrorException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(500);
              assertThat(e.reason()).isEqualTo("internalError");
            });

    assertThat(google.received(PLAYLISTS)).hasSize(6); // 1 + 5 retries
    assertThat(sleeper.delays()).hasSize(5);
    for (int i = 0; i < 5; i++) {
      assertThat(sleeper.delays().get(i)).isBetween(Duration.ZERO, Duration.ofMillis(500L << i));
    }
  }

  @Test
  void quotaExceededIsNeverRetried() {
    google.otherwise(
        PLAYLISTS,
        r -> Reply.json(403, Fixtures.error(403, "quotaExceeded", "youtube.quota", "quota spent")));

    assertThatThrownBy(() -> cli.playlists().list().mine(true).execute())
        .isInstanceOfSatisfying(
            QuotaExceededException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(403);
              assertThat(e.reason()).isEqualTo("quotaExceeded");
              assertThat(e.errors())
                  .containsExactly(
                      new ErrorDetail("quotaExceeded", "youtube.quota", "quota spent", null, null));
              assertThat(e.errorMessage()).isEqualTo("quota spent");
              assertThat(e.body()).contains("\"quotaExceeded\"");
              assertThat(e.headers()).containsKey("content-type");
              assertThat(e).hasMessage("403 quotaExceeded: quota spent");
            });
    assertThat(google.received(PLAYLISTS)).hasSize(1);
    assertThat(sleeper.delays()).isEmpty();
  }

  @Test
  void otherClientErrorsAreNotRetried() {
    google.otherwise(
        PLAYLISTS,
        r -> Reply.json(404, Fixtures.error(404, "playlistNotFound", "youtube.playlist", "gone")));
    assertThatThrownBy(() -> cli.playlists().list().id("nope").execute())
        .isInstanceOf(NotFoundException.class);
    assertThat(google.received(PLAYLISTS)).hasSize(1);
  }

  @Test
  void anHtml502PageIsAServerErrorWithTheBodyQuoted() {
    String page = "<html><body><h1>502 Bad Gateway</h1></body></html>";
    google.otherwise(PLAYLISTS, r -> Reply.of(502, "text/html", page));

    assertThatThrownBy(() -> cli.playlists().list().mine(true).execute())
        .isInstanceOfSatisfying(
            ServerErrorException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(502);
              assertThat(e.reason()).isNull();
              assertThat(e.body()).isEqualTo(page);
              assertThat(e.getMessage()).startsWith("502: <html>");
            });
    assertThat(google.received(PLAYLISTS)).hasSize(6);
  }

  @Test
  void invalidJsonIsADecodeExceptionWithStatusAndSnippet() {
    google.otherwise(PLAYLISTS, r -> Reply.json(200, "{\"items\": [ {\"id\": 1,, }"));

    assertThatThrownBy(() -> cli.playlists().list().mine(true).execute())
        .isInstanceOfSatisfying(
            DecodeException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(200);
              assertThat(e.bodySnippet()).startsWith("{\"items\"");
              assertThat(e.getMessage()).contains("PlaylistListResponse");
            });
    assertThat(google.received(PLAYLISTS)).hasSize(1);
  }

  @Test
  void retryAfterInSecondsIsHonoured() {
    google.enqueue(
        PLAYLISTS,
        Reply.json(429, Fixtures.error(429, "rateLimitExceeded", "usageLimits", "slow down"))
            .header("Retry-After", "3"));
    google.otherwise(PLAYLISTS, r -> Reply.json(200, Fixtures.PLAYLISTS));

    cli.playlists().list().mine(true).execute();

    assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void retryAfterAsAnHttpDateIsHonoured() {
    String date =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            clock.instant().plusSeconds(7).atOffset(ZoneOffset.UTC));
    google.enqueue(
        PLAYLISTS,
        Reply.json(503, Fixtures.error(503, "backendError", "global", "x"))
            .header("Retry-After", date));
    google.otherwise(PLAYLISTS, r -> Reply.json(200, Fixtures.PLAYLISTS));

    cli.playlists().list().mine(true).execute();

    assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void aRetryAfterBeyondTheCapEndsTheRetries() {
    google.otherwise(
        PLAYLISTS,
        r ->
            Reply.json(429, Fixtures.error(429, "rateLimitExceeded", "usageLimits", "later"))
                .header("Retry-After", "3600"));

    assertThatThrownBy(() -> cli.playlists().list().mine(true).execute())
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            e -> assertThat(e.headers().get("retry-after")).containsExactly("3600"));
    assertThat(google.received(PLAYLISTS)).hasSize(1);
  }

  @Test
  void aPostIsNotRetriedAfterItMayHaveReachedTheServer() {
    google.otherwise(
        PLAYLISTS, r -> Reply.json(503, Fixtures.error(503, "backendError", "global", "x")));
    Playlist playlist =
        Playlist.builder().snippet(PlaylistSnippet.builder().title("New").build()).build();

    assertThatThrownBy(() -> cli.playlists().insert(playlist).execute())
        .isInstanceOf(ServerErrorException.class);

    assertThat(google.received(PLAYLISTS)).hasSize(1);
    assertThat(google.received(PLAYLISTS).get(0).query()).containsEntry("part", "snippet");
    assertThat(google.received(PLAYLISTS).get(0).body())
        .isEqualTo("{\"snippet\":{\"title\":\"New\"}}");
  }

  @Test
  void aPostRefusedAsRateLimitedIsRetried() {
    google.enqueue(
        PLAYLISTS,
        Reply.json(403, Fixtures.error(403, "rateLimitExceeded", "youtube.quota", "too fast")));
    google.otherwise(PLAYLISTS, r -> Reply.json(200, "{\"id\":\"PLnew\"}"));
    Playlist playlist =
        Playlist.builder().snippet(PlaylistSnippet.builder().title("New").build()).build();

    assertThat(cli.playlists().insert(playlist).execute().id()).isEqualTo("PLnew");
    assertThat(google.received(PLAYLISTS)).hasSize(2);
  }

  @Test
  void aRefusedConnectionIsRetriedEvenForAPostThenFailsAsTransport() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    YouTubeClient offline =
        YouTubeClient.builder()
            .accessToken("ya29.static-token")
            .endpoints(io.github.jyoutube.Endpoints.at("http://127.0.0.1:" + closedPort + "/"))
            .sleeper(sleeper)
            .maxRetries(2)
            .build();
    Playlist playlist =
        Playlist.builder().snippet(PlaylistSnippet.builder().title("New").build()).build();

    assertThatThrownBy(() -> offline.playlists().insert(playlist).execute())
        .isInstanceOf(TransportException.class)
        .hasMessageContaining("POST http://127.0.0.1:" + closedPort + "/youtube/v3/playlists")
        .hasMessageNotContaining("ya29");
    assertThat(sleeper.delays()).hasSize(2);
  }

  @Test
  void gzipAnswersAreInflated() throws Exception {
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
      gzip.write(Fixtures.PLAYLISTS.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    google.otherwise(
        PLAYLISTS,
        r ->
            new Reply(
                200,
                java.util.Map.of("Content-Type", "application/json", "Content-Encoding", "gzip"),
                zipped.toByteArray(),
                0));

    assertThat(cli.playlists().list().mine(true).execute().items()).hasSize(2);
  }

  @Test
  void errorsMapToOneSealedHierarchy() {
    google.otherwise(
        PLAYLISTS, r -> Reply.json(409, Fixtures.error(409, "conflict", "global", "c")));
    assertThatThrownBy(() -> cli.playlists().list().mine(true).execute())
        .isInstanceOf(io.github.jyoutube.error.ConflictException.class)
        .isInstanceOf(ApiException.class)
        .isInstanceOf(io.github.jyoutube.error.YouTubeException.class);
  }
}
