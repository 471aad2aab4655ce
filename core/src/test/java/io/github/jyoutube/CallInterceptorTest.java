package io.github.jyoutube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jyoutube.auth.AccessToken;
import io.github.jyoutube.error.CallRefusedException;
import io.github.jyoutube.error.TransportException;
import io.github.jyoutube.media.MediaContent;
import io.github.jyoutube.model.Playlist;
import io.github.jyoutube.model.PlaylistSnippet;
import io.github.jyoutube.testing.FakeGoogle;
import io.github.jyoutube.testing.FakeGoogle.Received;
import io.github.jyoutube.testing.FakeGoogle.Reply;
import io.github.jyoutube.testing.RecordingSleeper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Interceptors decide what each Data API call goes out with (headers, timeout, retries, {@code
 * quotaUser}) or refuse it before anything is sent; the OAuth endpoints are never intercepted.
 */
class CallInterceptorTest {

  private static final String VIDEOS = "/youtube/v3/videos";
  private static final String PLAYLISTS = "/youtube/v3/playlists";
  private static final String OK =
      "{\"kind\":\"youtube#videoListResponse\",\"items\":[{\"kind\":\"youtube#video\",\"id\":\"v1\"}]}";
  private static final String BUSY = "{\"error\":{\"code\":503,\"message\":\"busy\"}}";

  private final FakeGoogle google = FakeGoogle.start();
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final List<String> seen = new CopyOnWriteArrayList<>();
  private final List<CallEvent> events = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    google.close();
  }

  private YouTubeClient.Builder client() {
    return YouTubeClient.builder()
        .accessToken("ya29.t")
        .endpoints(google.endpoints())
        .sleeper(sleeper)
        .listener(events::add);
  }

  @Test
  void headersAreAddedOncePerCallAndEveryRetrySendsThem() {
    google.enqueue(VIDEOS, Reply.json(503, BUSY), Reply.json(200, OK));
    List<Long> ids = new ArrayList<>();
    YouTubeClient cli =
        client()
            .interceptor(
                (call, options) -> {
                  seen.add(call.methodId() + " " + call.httpMethod() + " " + call.url());
                  ids.add(call.id());
                  return options.withHeader("X-Request-Id", "req-" + call.id());
                })
            .build();

    cli.videos().list().id("v1").execute();

    assertThat(seen)
        .containsExactly("youtube.videos.list GET " + google.baseUri() + "youtube/v3/videos");
    List<Received> sent = google.received(VIDEOS);
    assertThat(sent).hasSize(2);
    assertThat(sent)
        .extracting(r -> r.header("x-request-id"))
        .containsExactly("req-" + ids.get(0), "req-" + ids.get(0));
    // The call the interceptor saw is the one listeners saw.
    assertThat(events.get(0)).isInstanceOf(CallEvent.Started.class);
    assertThat(events.get(0).call().id()).isEqualTo(ids.get(0));
  }

  @Test
  void aRefusedCallIsNeverSentAndCostsNoQuota() {
    YouTubeClient cli =
        client()
            .interceptor(
                (call, options) -> {
                  if (!call.httpMethod().equals("GET")) {
                    throw new IllegalStateException("read-only mode");
                  }
                  return options;
                })
            .build();
    google.otherwise(VIDEOS, r -> Reply.json(200, OK));
    Playlist playlist =
        Playlist.builder().snippet(PlaylistSnippet.builder().title("New").build()).build();

    assertThatThrownBy(() -> cli.playlists().insert(playlist).execute())
        .isInstanceOfSatisfying(
            CallRefusedException.class,
            e -> {
              assertThat(e.methodId()).isEqualTo("youtube.playlists.insert");
              assertThat(e.getCause()).hasMessage("read-only mode");
              assertThat(e.getMessage())
                  .isEqualTo(
                      "youtube.playlists.insert refused by an interceptor:"
                          + " java.lang.IllegalStateException: read-only mode");
            });
    assertThat(google.received(PLAYLISTS)).isEmpty();
    assertThat(cli.quota().spentToday(QuotaBucket.DEFAULT)).isZero();
    assertThat(events.get(events.size() - 1))
        .isInstanceOfSatisfying(
            CallEvent.Finished.class,
            f -> assertThat(f.failure()).isInstanceOf(CallRefusedException.class));

    cli.videos().list().id("v1").execute(); // reads still go
    assertThat(cli.quota().spentToday(QuotaBucket.DEFAULT)).isEqualTo(1);
  }

  @Test
  void anInterceptorSetsTheTimeoutAndTheRetriesOfACall() {
    google.otherwise(VIDEOS, r -> Reply.json(200, OK).delayed(5000));
    YouTubeClient cli =
        client()
            .interceptor(
                (call, options) -> options.withTimeout(Duration.ofMillis(200)).withMaxRetries(1))
            .build();

    long started = System.nanoTime();
    assertThatThrownBy(() -> cli.videos().list().id("v1").execute())
        .isInstanceOf(TransportException.class)
        .hasMessageContaining("after 1 retries");
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertThat(millis).isLessThan(3000); // each attempt would wait 5 s without its timeout
    assertThat(google.received(VIDEOS)).hasSize(2);
  }

  @Test
  void interceptorsRunInOrderAndSeeAndChangeTheQuotaUserTheUrlCarries() {
    google.otherwise(VIDEOS, r -> Reply.json(200, OK));
    YouTubeClient cli =
        client()
            .interceptor(
                (call, options) -> {
                  seen.add(
                      "first saw " + options.quotaUser() + " " + new TreeMap<>(options.headers()));
                  return options.withHeader("X-Order", "first").withQuotaUser("tenant 7");
                })
            .interceptor(
                (call, options) -> {
                  seen.add(
                      "second saw " + options.quotaUser() + " " + new TreeMap<>(options.headers()));
                  return options.withHeader(
                      "X-Order", options.headers().get("X-Order") + ",second");
                })
            .build();

    cli.videos().list().id("v1").quotaUser("explicit").execute();
    cli.withOptions(RequestOptions.defaults().withHeader("X-Team", "video"))
        .videos()
        .list()
        .id("v1")
        .execute();

    assertThat(seen)
        .containsExactly(
            "first saw explicit {}",
            "second saw tenant 7 {X-Order=first}",
            "first saw null {X-Team=video}",
            "second saw tenant 7 {X-Order=first, X-Team=video}");
    List<Received> sent = google.received(VIDEOS);
    assertThat(sent).allSatisfy(r -> assertThat(r.header("x-order")).isEqualTo("first,second"));
    assertThat(sent).allSatisfy(r -> assertThat(r.query()).containsEntry("quotaUser", "tenant 7"));
    assertThat(sent.get(1).header("x-team")).isEqualTo("video");
    assertThat(cli.quota().spentToday(QuotaBucket.DEFAULT, "tenant 7")).isEqualTo(2);
  }

  @Test
  void anInterceptorCanTakeTheQuotaUserAway() {
    google.otherwise(VIDEOS, r -> Reply.json(200, OK));
    YouTubeClient cli =
        client()
            .interceptor(
                (call, options) ->
                    new RequestOptions(
                        options.timeout(), options.maxRetries(), options.headers(), null))
            .build();

    cli.videos().list().id("v1").quotaUser("someone").execute();

    assertThat(google.received(VIDEOS).get(0).query())
        .containsEntry("id", "v1")
        .doesNotContainKey("quotaUser");
  }

  @Test
  void anInterceptorThatReturnsNothingOrACredentialHeaderRefusesTheCall() {
    YouTubeClient silent = client().interceptor((call, options) -> null).build();
    assertThatThrownBy(() -> silent.videos().list().id("v1").execute())
        .isInstanceOf(CallRefusedException.class)
        .hasMessageContaining("returned no options");

    YouTubeClient sneaky =
        client()
            .interceptor((call, options) -> options.withHeader("Authorization", "Bearer other"))
            .build();
    assertThatThrownBy(() -> sneaky.videos().list().id("v1").execute())
        .isInstanceOf(CallRefusedException.class)
        .hasRootCauseInstanceOf(IllegalArgumentException.class);

    assertThat(google.received(VIDEOS)).isEmpty();
  }

  @Test
  void downloadsUploadsAndAccountViewsAreInterceptedTokenCallsAreNot() throws Exception {
    google.otherwise("/youtube/v3/captions/track1", r -> Reply.of(200, "text/plain", "1\nHi\n"));
    google.otherwise(
        "/upload/youtube/v3/thumbnails/set",
        r -> Reply.json(200, "{}").header("Location", google.baseUri() + "upload/session"));
    google.otherwise("/upload/session", r -> Reply.json(200, "{\"items\":[]}"));
    google.otherwise(VIDEOS, r -> Reply.json(200, OK));
    google.otherwise(
        "/token", r -> Reply.json(200, "{\"access_token\":\"ya29.fresh\",\"expires_in\":3600}"));
    YouTubeClient cli =
        YouTubeClient.builder()
            .clientId("id.apps.googleusercontent.com")
            .clientSecret("secret")
            .refreshToken("1//refresh")
            .endpoints(google.endpoints())
            .sleeper(sleeper)
            .interceptor(
                (call, options) -> {
                  seen.add(call.methodId());
                  return options.withHeader("X-Tag", "on");
                })
            .build();

    ByteArrayOutputStream track = new ByteArrayOutputStream();
    cli.captions().download("track1").writeTo(track);
    cli.thumbnails()
        .set("v1", MediaContent.of("png".getBytes(StandardCharsets.UTF_8), "image/png"))
        .execute();
    cli.forAccount("user-1", AccessToken.of("ya29.user1")).videos().list().id("v1").execute();

    assertThat(track.toString(StandardCharsets.UTF_8)).isEqualTo("1\nHi\n");
    assertThat(google.received())
        .filteredOn(r -> !r.path().equals("/token"))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.header("x-tag")).as(r.path()).isEqualTo("on"));
    assertThat(google.received("/token"))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.header("x-tag")).isNull());
    assertThat(seen).noneMatch(id -> id.startsWith("oauth2."));
  }
}
