package io.github.jyoutube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jyoutube.auth.AccessToken;
import io.github.jyoutube.error.QuotaExceededException;
import io.github.jyoutube.testing.FakeGoogle;
import io.github.jyoutube.testing.FakeGoogle.Reply;
import io.github.jyoutube.testing.Fixtures;
import io.github.jyoutube.testing.MutableClock;
import io.github.jyoutube.testing.RecordingSleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Listeners see every call: start, attempts, answers, retries, refreshes, quota and the end. */
class CallListenerTest {

  private static final String VIDEOS = "/youtube/v3/videos";
  private static final String OK = "{\"items\":[{\"kind\":\"youtube#video\",\"id\":\"v1\"}]}";
  private static final String BUSY =
      "{\"error\":{\"code\":503,\"message\":\"busy\",\"errors\":[{\"reason\":\"backendError\","
          + "\"domain\":\"global\",\"message\":\"busy\"}]}}";
  private static final String UNAUTHORIZED =
      "{\"error\":{\"code\":401,\"message\":\"Invalid Credentials\",\"errors\":[{\"reason\":"
          + "\"authError\",\"domain\":\"global\",\"message\":\"Invalid Credentials\"}]}}";

  private final FakeGoogle google = FakeGoogle.start();
  private final List<CallEvent> events = new CopyOnWriteArrayList<>();
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

  @AfterEach
  void stop() {
    google.close();
  }

  private YouTubeClient.Builder builder() {
    return YouTubeClient.builder()
        .endpoints(google.endpoints())
        .sleeper(sleeper)
        .clock(clock)
        .listener(events::add);
  }

  private List<String> names() {
    return events.stream().map(e -> e.getClass().getSimpleName()).toList();
  }

  @Test
  void aCallIsStartedAttemptedAnsweredChargedAndFinished() {
    YouTubeClient cli = builder().accessToken("ya29.secret").build();
    google.otherwise(VIDEOS, r -> Reply.json(200, OK));

    cli.videos().list().id("v1").part("id").execute();

    assertThat(names())
        .containsExactly("Started", "Attempt", "Response", "QuotaCharged", "Finished");
    CallInfo call = events.get(0).call();
    assertThat(call.methodId()).isEqualTo("youtube.videos.list");
    assertThat(call.httpMethod()).isEqualTo("GET");
    assertThat(call.url()).endsWith("/youtube/v3/videos").doesNotContain("?");
    assertThat(events).allSatisfy(e -> assertThat(e.call()).isSameAs(call));
    CallEvent.Response response = (CallEvent.Response) events.get(2);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bytes()).isEqualTo(OK.length());
    assertThat(response.latency()).isPositive();
    assertThat((CallEvent.QuotaCharged) events.get(3))
        .isEqualTo(new CallEvent.QuotaCharged(call, QuotaBucket.DEFAULT, 1));
    CallEvent.Finished finished = (CallEvent.Finished) events.get(4);
    assertThat(finished.succeeded()).isTrue();
    assertThat(finished.statusCode()).isEqualTo(200);
    assertThat(finished.retries()).isZero();
    assertThat(finished.quotaUnits()).isEqualTo(1);
    assertThat(events.toString()).doesNotContain("ya29.secret");
  }

  @Test
  void aRetryIsReportedWithItsReasonAndWait() {
    YouTubeClient cli = builder().accessToken("ya29.t").build();
    google.enqueue(VIDEOS, Reply.json(503, BUSY).header("Retry-After", "2"), Reply.json(200, OK));

    cli.videos().list().id("v1").execute();

    assertThat(names())
        .containsExactly(
            "Started",
            "Attempt",
            "Response",
            "QuotaCharged",
            "Retry",
            "Attempt",
            "Response",
            "QuotaCharged",
            "Finished");
    CallEvent.Retry retry = (CallEvent.Retry) events.get(4);
    assertThat(retry.retry()).isEqualTo(1);
    assertThat(retry.reason()).isEqualTo("backendError");
    assertThat(retry.delay()).isEqualTo(Duration.ofSeconds(2));
    assertThat(((CallEvent.Attempt) events.get(5)).attempt()).isEqualTo(2);
    CallEvent.Finished finished = (CallEvent.Finished) events.get(8);
    assertThat(finished.retries()).isEqualTo(1);
    assertThat(finished.quotaUnits()).isEqualTo(2);
  }

  @Test
  void aFailureEndsTheCallWithItsStatusAndReason() {
    YouTubeClient cli = builder().accessToken("ya29.t").build();
    google.otherwise(
        VIDEOS,
        r ->
            Reply.json(
                403,
                "{\"error\":{\"code\":403,\"message\":\"quota\",\"errors\":[{\"reason\":"
                    + "\"quotaExceeded\",\"domain\":\"youtube.quota\",\"message\":\"quota\"}]}}"));

    assertThatThrownBy(() -> cli.videos().list().id("v1").execute())
        .isInstanceOf(QuotaExceededException.class);

    CallEvent.Finished finished = (CallEvent.Finished) events.get(events.size() - 1);
    assertThat(finished.succeeded()).isFalse();
    assertThat(finished.statusCode()).isEqualTo(403);
    assertThat(finished.reason()).isEqualTo("quotaExceeded");
    assertThat(finished.failure()).isInstanceOf(QuotaExceededException.class);
    assertThat(finished.retries()).isZero();
  }

  @Test
  void refreshesAreReportedBeforeExpiryAndAfterARejection() {
    AccessToken expiring =
        new AccessToken(
            "ya29.old", 3600L, "Bearer", "1//refresh", null, null, clock.instant().plusSeconds(30));
    YouTubeClient cli =
        builder().clientId("id").clientSecret("s3cret").accessToken(expiring).build();
    google.enqueue(
        "/token",
        Reply.json(200, Fixtures.token("ya29.new1", null, 3600)),
        Reply.json(200, Fixtures.token("ya29.new2", null, 3600)));
    google.enqueue(VIDEOS, Reply.json(200, OK), Reply.json(401, UNAUTHORIZED), Reply.json(200, OK));

    cli.videos().list().id("v1").execute(); // within the refresh margin: refreshed first
    events.clear();
    cli.videos().list().id("v1").execute(); // 401: refreshed, sent again

    List<CallEvent.Refresh> refreshes =
        events.stream()
            .filter(CallEvent.Refresh.class::isInstance)
            .map(CallEvent.Refresh.class::cast)
            .toList();
    assertThat(refreshes).hasSize(1);
    assertThat(refreshes.get(0).reason()).isEqualTo("rejected");
    assertThat(refreshes.get(0).call().methodId()).isEqualTo("youtube.videos.list");
    // The token endpoint's own call is seen too, under its own name.
    assertThat(events).anySatisfy(e -> assertThat(e.call().methodId()).isEqualTo("oauth2.token"));
    assertThat(events.toString()).doesNotContain("ya29.new", "s3cret", "1//refresh");
  }

  @Test
  void aRefreshBeforeExpiryIsReportedAsExpiring() {
    AccessToken expiring =
        new AccessToken(
            "ya29.old", 3600L, "Bearer", "1//refresh", null, null, clock.instant().plusSeconds(30));
    YouTubeClient cli =
        builder().clientId("id").clientSecret("s3cret").accessToken(expiring).build();
    google.enqueue("/token", Reply.json(200, Fixtures.token("ya29.new1", null, 3600)));
    google.otherwise(VIDEOS, r -> Reply.json(200, OK));

    cli.videos().list().id("v1").execute();

    assertThat(events)
        .filteredOn(CallEvent.Refresh.class::isInstance)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(((CallEvent.Refresh) e).reason()).isEqualTo("expiring");
              assertThat(e.call().methodId()).isEqualTo("youtube.videos.list");
            });
  }

  @Test
  void aListenerThatThrowsNeverBreaksTheCall() {
    YouTubeClient cli =
        YouTubeClient.builder()
            .accessToken("ya29.t")
            .endpoints(google.endpoints())
            .listener(
                e -> {
                  throw new IllegalStateException("listener bug");
                })
            .listener(events::add)
            .build();
    google.otherwise(VIDEOS, r -> Reply.json(200, OK));

    assertThat(cli.videos().list().id("v1").execute().items()).hasSize(1);
    assertThat(names()).contains("Started", "Finished");
  }

  @Test
  void eachBatchOfALargeLookupIsACallAndDerivedClientsShareTheListeners() {
    YouTubeClient cli = builder().accessToken("ya29.t").build();
    google.otherwise(VIDEOS, r -> Reply.json(200, "{\"items\":[]}"));
    String[] ids = IntStream.range(0, 120).mapToObj(i -> "v" + i).toArray(String[]::new);

    cli.withOptions(RequestOptions.defaults().withQuotaUser("u")).videos().list().id(ids).execute();

    assertThat(events).filteredOn(CallEvent.Started.class::isInstance).hasSize(3);
    assertThat(events).filteredOn(CallEvent.Finished.class::isInstance).hasSize(3);
  }
}
