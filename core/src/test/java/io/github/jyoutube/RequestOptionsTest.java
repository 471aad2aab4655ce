package io.github.jyoutube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jyoutube.error.ServerErrorException;
import io.github.jyoutube.error.TransportException;
import io.github.jyoutube.model.VideoListResponse;
import io.github.jyoutube.resource.RawResponse;
import io.github.jyoutube.testing.FakeGoogle;
import io.github.jyoutube.testing.FakeGoogle.Reply;
import io.github.jyoutube.testing.RecordingSleeper;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Per-call options, derived clients that share the client's transport and meter, raw answers. */
class RequestOptionsTest {

  private static final String VIDEOS = "/youtube/v3/videos";
  private static final String OK =
      "{\"kind\":\"youtube#videoListResponse\",\"items\":[{\"kind\":\"youtube#video\",\"id\":\"v1\"}]}";

  private final FakeGoogle google = FakeGoogle.start();
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final YouTubeClient cli =
      YouTubeClient.builder()
          .accessToken("ya29.t")
          .endpoints(google.endpoints())
          .sleeper(sleeper)
          .build();

  @AfterEach
  void stop() {
    google.close();
  }

  @Test
  void aRequestsTimeoutCutsItsAttemptShortAndItsRetryCountHolds() {
    google.otherwise(VIDEOS, r -> Reply.json(200, OK).delayed(5000));
    RequestOptions hasty =
        RequestOptions.defaults().withTimeout(Duration.ofMillis(200)).withMaxRetries(0);

    long started = System.nanoTime();
    assertThatThrownBy(() -> cli.videos().list().id("v1").options(hasty).execute())
        .isInstanceOf(TransportException.class);
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertThat(millis).isLessThan(3000); // each attempt would wait 5 s without its timeout
    assertThat(google.received(VIDEOS)).hasSize(1);
    assertThat(sleeper.delays()).isEmpty();
  }

  @Test
  void maxRetriesPerRequestAndPerDerivedClient() {
    google.otherwise(
        VIDEOS, r -> Reply.json(503, "{\"error\":{\"code\":503,\"message\":\"busy\"}}"));

    assertThatThrownBy(
            () ->
                cli.videos()
                    .list()
                    .id("v1")
                    .options(RequestOptions.defaults().withMaxRetries(1))
                    .execute())
        .isInstanceOf(ServerErrorException.class);
    assertThat(google.received(VIDEOS)).hasSize(2);

    YouTubeClient stubborn = cli.withOptions(RequestOptions.defaults().withMaxRetries(2));
    assertThatThrownBy(() -> stubborn.videos().list().id("v1").execute())
        .isInstanceOf(ServerErrorException.class);
    assertThat(google.received(VIDEOS)).hasSize(2 + 3);

    // The request's own setting wins over its client's.
    assertThatThrownBy(
            () ->
                stubborn
                    .videos()
                    .list()
                    .id("v1")
                    .options(RequestOptions.defaults().withMaxRetries(0))
                    .execute())
        .isInstanceOf(ServerErrorException.class);
    assertThat(google.received(VIDEOS)).hasSize(2 + 3 + 1);
  }

  @Test
  void headersAndQuotaUserComeFromTheClientAndTheRequestTheRequestWinning() {
    google.otherwise(VIDEOS, r -> Reply.json(200, OK));
    YouTubeClient tagged =
        cli.withOptions(
            RequestOptions.defaults()
                .withHeader("X-Trace", "client")
                .withHeader("X-Team", "video")
                .withQuotaUser("user-1"));

    tagged.videos().list().id("v1").execute();
    tagged
        .videos()
        .list()
        .id("v1")
        .options(RequestOptions.defaults().withHeader("X-Trace", "request").withQuotaUser("u2"))
        .execute();
    tagged.videos().list().id("v1").quotaUser("explicit").execute();
    cli.videos().list().id("v1").execute();

    var sent = google.received(VIDEOS);
    assertThat(sent.get(0).header("x-trace")).isEqualTo("client");
    assertThat(sent.get(0).header("x-team")).isEqualTo("video");
    assertThat(sent.get(0).query()).containsEntry("quotaUser", "user-1");
    assertThat(sent.get(1).header("x-trace")).isEqualTo("request");
    assertThat(sent.get(1).header("x-team")).isEqualTo("video");
    assertThat(sent.get(1).query()).containsEntry("quotaUser", "u2");
    assertThat(sent.get(2).query()).containsEntry("quotaUser", "explicit");
    assertThat(sent.get(3).header("x-trace")).isNull(); // the parent is unchanged
    assertThat(sent.get(3).query()).doesNotContainKey("quotaUser");
  }

  @Test
  void aDerivedClientSharesTheTokenAndTheQuotaMeter() {
    google.otherwise(VIDEOS, r -> Reply.json(200, OK));
    YouTubeClient derived = cli.withOptions(RequestOptions.defaults().withQuotaUser("u"));

    derived.videos().list().id("v1").execute();
    cli.videos().list().id("v1").execute();

    assertThat(derived.quota()).isSameAs(cli.quota());
    assertThat(cli.quota().spentToday(QuotaBucket.DEFAULT)).isEqualTo(2);
    assertThat(derived.accessToken()).isEqualTo(cli.accessToken());
    assertThat(google.received(VIDEOS))
        .allSatisfy(r -> assertThat(r.header("authorization")).isEqualTo("Bearer ya29.t"));
    assertThat(derived.options().quotaUser()).isEqualTo("u");
    assertThat(cli.options()).isEqualTo(RequestOptions.defaults());
  }

  @Test
  void headersTheClientSetsItselfOrThatBreakTheRequestAreRefused() {
    assertThatThrownBy(() -> RequestOptions.defaults().withHeader("Authorization", "Bearer x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Authorization");
    assertThatThrownBy(() -> RequestOptions.defaults().withHeader("User-Agent", "me"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RequestOptions.defaults().withHeader("X-A", "a\r\nInjected: 1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line break");
    assertThatThrownBy(() -> RequestOptions.defaults().withHeader("bad name", "v"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RequestOptions.defaults().withQuotaUser("x".repeat(41)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RequestOptions.defaults().withTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(RequestOptions.defaults().withHeader("X-Secret", "s3cr3t").toString())
        .contains("X-Secret")
        .doesNotContain("s3cr3t");
  }

  @Test
  void rawAnswersGiveStatusHeadersAndBytesThenParse() {
    google.otherwise(VIDEOS, r -> Reply.json(200, OK).header("ETag", "\"e1\""));

    RawResponse<VideoListResponse> raw = cli.videos().list().id("v1").executeRaw();

    assertThat(raw.statusCode()).isEqualTo(200);
    assertThat(raw.header("ETag")).isEqualTo("\"e1\"");
    assertThat(raw.headers()).containsKey("etag");
    assertThat(raw.bodyText()).isEqualTo(OK);
    assertThat(raw.parse().items().get(0).id()).isEqualTo("v1");
    assertThat(cli.quota().spentToday(QuotaBucket.DEFAULT)).isEqualTo(1);

    google.enqueue(VIDEOS, Reply.of(304, "text/plain", ""));
    RawResponse<VideoListResponse> unchanged =
        cli.videos().list().id("v1").ifNoneMatch("e1").executeRaw();
    assertThat(unchanged.statusCode()).isEqualTo(304);
    assertThat(unchanged.parse()).isNull();

    String[] many = IntStream.range(0, 51).mapToObj(i -> "v" + i).toArray(String[]::new);
    assertThatThrownBy(() -> cli.videos().list().id(many).executeRaw())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("50");
  }
}
