package io.github.jyoutube.recipes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jyoutube.Sleeper;
import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.error.TransportException;
import io.github.jyoutube.error.WaitException;
import io.github.jyoutube.model.LiveBroadcast;
import io.github.jyoutube.model.LiveBroadcastStatus.LifeCycleStatus;
import io.github.jyoutube.model.Video;
import io.github.jyoutube.testing.FakeGoogle;
import io.github.jyoutube.testing.FakeGoogle.Reply;
import io.github.jyoutube.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Waiters poll with backoff on an injected clock and sleeper, and end with a typed outcome. */
class WaiterTest {

  private static final String VIDEOS = "/youtube/v3/videos";
  private static final String BROADCASTS = "/youtube/v3/liveBroadcasts";

  private final FakeGoogle google = FakeGoogle.start();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private final List<Duration> slept = new ArrayList<>();
  private final Sleeper advancing =
      d -> {
        slept.add(d);
        clock.advance(d);
      };

  @AfterEach
  void stop() {
    google.close();
  }

  private YouTubeClient client(Sleeper sleeper) {
    return YouTubeClient.builder()
        .accessToken("ya29.t")
        .endpoints(google.endpoints())
        .clock(clock)
        .sleeper(sleeper)
        .build();
  }

  private static Reply video(String upload, String processing, String extra) {
    return Reply.json(
        200,
        "{\"items\":[{\"kind\":\"youtube#video\",\"id\":\"v1\",\"status\":{\"uploadStatus\":\""
            + upload
            + "\""
            + extra
            + "},\"processingDetails\":{\"processingStatus\":\""
            + processing
            + "\",\"processingProgress\":{\"partsTotal\":\"1000\",\"partsProcessed\":\"400\","
            + "\"timeLeftMs\":\"30000\"}}}]}");
  }

  @Test
  void aVideoIsWaitedForUntilItsProcessingSucceeds() {
    google.enqueue(
        VIDEOS,
        video("uploaded", "processing", ""),
        video("uploaded", "processing", ""),
        video("processed", "succeeded", ""));
    List<WaitPoll<Video>> polls = new ArrayList<>();

    WaitOutcome<Video> outcome =
        client(advancing).waiters().videoProcessed("v1").onPoll(polls::add).await();

    assertThat(outcome).isInstanceOf(WaitOutcome.Reached.class);
    assertThat(outcome.orThrow().id()).isEqualTo("v1");
    assertThat(outcome.polls()).isEqualTo(3);
    assertThat(outcome.quotaUnits()).isEqualTo(3);
    assertThat(outcome.waited()).isEqualTo(Duration.ofMillis(12_500));
    assertThat(slept).containsExactly(Duration.ofSeconds(5), Duration.ofMillis(7_500));
    assertThat(polls)
        .extracting(WaitPoll::state)
        .containsExactly(
            "uploaded, processing 40%, about 30 s left",
            "uploaded, processing 40%, about 30 s left", "processed");
    assertThat(google.received(VIDEOS).get(0).query())
        .containsEntry("id", "v1")
        .containsEntry("part", "status,processingDetails");
  }

  @Test
  void aRejectedUploadIsAFailedOutcomeNamingTheReason() {
    google.enqueue(
        VIDEOS,
        video("uploaded", "processing", ""),
        video("rejected", "terminated", ",\"rejectionReason\":\"duplicate\""));

    WaitOutcome<Video> outcome = client(advancing).waiters().videoProcessed("v1").await();

    assertThat(outcome).isInstanceOf(WaitOutcome.Failed.class);
    assertThat(((WaitOutcome.Failed<Video>) outcome).state()).isEqualTo("rejected (duplicate)");
    assertThatThrownBy(outcome::orThrow)
        .isInstanceOf(WaitException.class)
        .hasMessageContaining("video v1 processed")
        .hasMessageContaining("rejected (duplicate)")
        .hasMessageContaining("2 polls, 2 quota units")
        .satisfies(
            e -> assertThat(((WaitException) e).outcome()).isEqualTo(WaitException.Outcome.FAILED));
  }

  @Test
  void aVideoThatIsNotThereIsGone() {
    google.enqueue(VIDEOS, Reply.json(200, "{\"items\":[]}"));

    WaitOutcome<Video> outcome = client(advancing).waiters().videoProcessed("v1").await();

    assertThat(outcome).isInstanceOf(WaitOutcome.Gone.class);
    assertThat(outcome.polls()).isEqualTo(1);
    assertThat(slept).isEmpty();
  }

  @Test
  void theDeadlineEndsTheWaitWithOneLastReadAtIt() {
    google.otherwise(VIDEOS, r -> video("uploaded", "processing", ""));

    WaitOutcome<Video> outcome =
        client(advancing).waiters().videoProcessed("v1").deadline(Duration.ofSeconds(20)).await();

    assertThat(outcome).isInstanceOf(WaitOutcome.TimedOut.class);
    // 5 s, 7.5 s, then the 7.5 s left: four reads, the last at the deadline.
    assertThat(slept)
        .containsExactly(Duration.ofSeconds(5), Duration.ofMillis(7_500), Duration.ofMillis(7_500));
    assertThat(outcome.polls()).isEqualTo(4);
    assertThat(outcome.waited()).isEqualTo(Duration.ofSeconds(20));
    assertThatThrownBy(outcome::orThrow)
        .isInstanceOf(WaitException.class)
        .hasMessageContaining("deadline");
  }

  @Test
  void aClockThatNeverMovesCannotKeepTheWaitGoing() {
    google.otherwise(VIDEOS, r -> video("uploaded", "processing", ""));
    List<Duration> recorded = new ArrayList<>();

    WaitOutcome<Video> outcome =
        client(recorded::add)
            .waiters()
            .videoProcessed("v1")
            .deadline(Duration.ofSeconds(20))
            .await();

    assertThat(outcome).isInstanceOf(WaitOutcome.TimedOut.class);
    assertThat(outcome.polls()).isEqualTo(6); // 2 + 20 s / 5 s
    assertThat(recorded).hasSize(5);
  }

  @Test
  void backoffGrowsToItsCeiling() {
    google.otherwise(VIDEOS, r -> video("uploaded", "processing", ""));

    client(advancing)
        .waiters()
        .videoProcessed("v1")
        .backoff(Duration.ofSeconds(2), Duration.ofSeconds(4))
        .deadline(Duration.ofSeconds(30))
        .await();

    assertThat(slept)
        .startsWith(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(4))
        .allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(4)));
    assertThat(slept.stream().reduce(Duration.ZERO, Duration::plus))
        .isEqualTo(Duration.ofSeconds(30));
  }

  private static Reply broadcast(String lifeCycle) {
    return Reply.json(
        200,
        "{\"items\":[{\"kind\":\"youtube#liveBroadcast\",\"id\":\"b1\",\"status\":{"
            + "\"lifeCycleStatus\":\""
            + lifeCycle
            + "\"}}]}");
  }

  @Test
  void aBroadcastIsWaitedForThroughItsTransition() {
    google.enqueue(BROADCASTS, broadcast("testStarting"), broadcast("testing"));

    WaitOutcome<LiveBroadcast> outcome =
        client(advancing).waiters().broadcastStatus("b1", LifeCycleStatus.TESTING).await();

    assertThat(outcome).isInstanceOf(WaitOutcome.Reached.class);
    assertThat(outcome.polls()).isEqualTo(2);
    assertThat(google.received(BROADCASTS).get(0).query()).containsEntry("part", "status");
  }

  @Test
  void aBroadcastPastItsTargetHasReachedItAndARevokedOneHasFailed() {
    google.enqueue(BROADCASTS, broadcast("live"), broadcast("revoked"));
    YouTubeClient cli = client(advancing);

    assertThat(cli.waiters().broadcastStatus("b1", LifeCycleStatus.TESTING).await())
        .isInstanceOf(WaitOutcome.Reached.class);
    assertThat(cli.waiters().broadcastStatus("b1", LifeCycleStatus.LIVE).await())
        .isInstanceOf(WaitOutcome.Failed.class);
    assertThatThrownBy(() -> cli.waiters().broadcastStatus("b1", LifeCycleStatus.REVOKED))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anInterruptedWaitStopsWithATypedError() {
    google.otherwise(VIDEOS, r -> video("uploaded", "processing", ""));
    Sleeper interrupted =
        d -> {
          throw new InterruptedException("stop");
        };

    assertThatThrownBy(() -> client(interrupted).waiters().videoProcessed("v1").await())
        .isInstanceOf(TransportException.class)
        .hasMessageContaining("video v1 processed");
    assertThat(Thread.interrupted()).isTrue();
  }
}
