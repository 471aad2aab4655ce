package io.github.jyoutube.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jyoutube.QuotaBucket;
import io.github.jyoutube.Sleeper;
import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.error.WaitException;
import io.github.jyoutube.media.MediaContent;
import io.github.jyoutube.model.LiveBroadcast;
import io.github.jyoutube.model.LiveBroadcastSnippet;
import io.github.jyoutube.model.LiveBroadcastStatus.LifeCycleStatus;
import io.github.jyoutube.model.Video;
import io.github.jyoutube.model.VideoSnippet;
import io.github.jyoutube.recipes.WaitOutcome;
import io.github.jyoutube.recipes.WaitPoll;
import io.github.jyoutube.resource.LiveBroadcastsResource.TransitionBroadcastStatus;
import io.github.jyoutube.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Waiting for an upload's processing and a broadcast's transitions against the emulator, whose
 * uploads take 90 s to process and whose broadcasts take 20 s to start testing or go live, on a
 * clock the test moves: the waiter's sleeper moves it instead of sleeping.
 */
class WaitersRecipeTest {

  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

  @RegisterExtension
  static final YouTubeEmulatorExtension EMULATOR =
      new YouTubeEmulatorExtension(
          b ->
              b.clock(CLOCK)
                  .processingTime(Duration.ofSeconds(90))
                  .broadcastTransitionTime(Duration.ofSeconds(20)));

  private final List<Duration> slept = new ArrayList<>();
  private YouTubeClient cli;

  @BeforeEach
  void client() {
    // Each test starts on a whole minute, whatever the tests before it slept.
    CLOCK.set(CLOCK.instant().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1)));
    YouTubeEmulator emulator = EMULATOR.emulator();
    Sleeper moving =
        d -> {
          slept.add(d);
          CLOCK.advance(d);
        };
    cli = emulator.clientBuilder(Account.ALICE).clock(CLOCK).sleeper(moving).build();
    emulator.resetQuota();
  }

  private Video upload(String title) {
    return cli.videos()
        .insert(
            Video.builder().snippet(VideoSnippet.builder().title(title).build()).build(),
            MediaContent.of(new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p'}, "video/mp4"))
        .execute();
  }

  @Test
  void anUploadIsProcessingThenProcessedAndTheWaiterSeesEachStep() {
    Video video = upload("Wait for me");
    long before = EMULATOR.emulator().quotaUsed(QuotaBucket.DEFAULT);
    List<WaitPoll<Video>> polls = new ArrayList<>();

    WaitOutcome<Video> outcome =
        cli.waiters().videoProcessed(video.id()).onPoll(polls::add).await();

    assertThat(outcome).isInstanceOf(WaitOutcome.Reached.class);
    Video done = outcome.orThrow();
    assertThat(done.status().uploadStatus().value()).isEqualTo("processed");
    assertThat(done.processingDetails().processingStatus().value()).isEqualTo("succeeded");
    assertThat(polls.get(0).state()).startsWith("uploaded, processing 0%, about 90 s left");
    assertThat(polls).extracting(WaitPoll::state).last().isEqualTo("processed");
    // Sleeps of 5, 7.5, 11.25, 16.875, 25.3, 37.97 s: the sixth brings it past 90 s.
    assertThat(outcome.polls()).isEqualTo(7);
    assertThat(slept).hasSize(6).startsWith(Duration.ofSeconds(5), Duration.ofMillis(7500));
    assertThat(outcome.quotaUnits()).isEqualTo(7);
    assertThat(EMULATOR.emulator().quotaUsed(QuotaBucket.DEFAULT) - before).isEqualTo(7);
  }

  @Test
  void aRejectedUploadIsAFailedOutcomeWithItsReason() {
    Video video = upload("Copy of something");
    EMULATOR.emulator().rejectUpload(video.id(), "duplicate");

    WaitOutcome<Video> outcome = cli.waiters().videoProcessed(video.id()).await();

    assertThat(outcome).isInstanceOf(WaitOutcome.Failed.class);
    assertThat(((WaitOutcome.Failed<Video>) outcome).state()).isEqualTo("rejected (duplicate)");
    assertThat(outcome.polls()).isEqualTo(1);
    assertThatThrownBy(outcome::orThrow)
        .isInstanceOf(WaitException.class)
        .hasMessageContaining("rejected (duplicate)");
  }

  @Test
  void aFailedUploadAndADeadlineAreOutcomesToo() {
    Video broken = upload("Broken file");
    EMULATOR.emulator().failUpload(broken.id(), "codec");
    Video slow = upload("Slow one");

    WaitOutcome<Video> failed = cli.waiters().videoProcessed(broken.id()).await();
    WaitOutcome<Video> late =
        cli.waiters().videoProcessed(slow.id()).deadline(Duration.ofSeconds(30)).await();

    assertThat(((WaitOutcome.Failed<Video>) failed).state()).isEqualTo("failed (codec)");
    assertThat(late).isInstanceOf(WaitOutcome.TimedOut.class);
    assertThat(((WaitOutcome.TimedOut<Video>) late).state()).startsWith("uploaded, processing");
    assertThat(late.waited()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void aVideoThatWasDeletedIsGone() {
    Video video = upload("Short-lived");
    cli.videos().delete(video.id()).execute();

    assertThat(cli.waiters().videoProcessed(video.id()).await())
        .isInstanceOf(WaitOutcome.Gone.class);
  }

  private LiveBroadcast broadcast(String title) {
    return cli.liveBroadcasts()
        .insert(
            LiveBroadcast.builder()
                .snippet(
                    LiveBroadcastSnippet.builder()
                        .title(title)
                        .scheduledStartTime(CLOCK.instant().plus(Duration.ofMinutes(10)))
                        .build())
                .build())
        .execute();
  }

  private LiveBroadcast transition(TransitionBroadcastStatus status, String broadcastId) {
    return cli.liveBroadcasts().transition(status, broadcastId).part("status").execute();
  }

  @Test
  void aBroadcastWaitsThroughTestStartingAndLiveStarting() {
    LiveBroadcast broadcast = broadcast("Waited for");
    Instant start = CLOCK.instant();

    LiveBroadcast testing = transition(TransitionBroadcastStatus.TESTING, broadcast.id());
    long before = EMULATOR.emulator().quotaUsed(QuotaBucket.DEFAULT);
    List<WaitPoll<LiveBroadcast>> polls = new ArrayList<>();
    WaitOutcome<LiveBroadcast> tested =
        cli.waiters()
            .broadcastStatus(broadcast.id(), LifeCycleStatus.TESTING)
            .onPoll(polls::add)
            .await();

    assertThat(testing.status().lifeCycleStatus().value()).isEqualTo("testStarting");
    assertThat(tested).isInstanceOf(WaitOutcome.Reached.class);
    // It takes 20 s: the reads at 0, 5 and 12.5 s see it starting, the one at 23.75 s testing.
    assertThat(polls)
        .extracting(WaitPoll::state)
        .containsExactly("testStarting", "testStarting", "testStarting", "testing");
    assertThat(polls)
        .extracting(WaitPoll::nextDelay)
        .containsExactly(
            Duration.ofSeconds(5),
            Duration.ofMillis(7500),
            Duration.ofMillis(11250),
            Duration.ZERO);
    assertThat(slept)
        .containsExactly(Duration.ofSeconds(5), Duration.ofMillis(7500), Duration.ofMillis(11250));
    assertThat(polls).extracting(WaitPoll::quotaUnits).containsExactly(1L, 2L, 3L, 4L);
    assertThat(tested.polls()).isEqualTo(4);
    assertThat(tested.quotaUnits()).isEqualTo(4);
    assertThat(tested.waited()).isEqualTo(Duration.ofMillis(23_750));
    assertThat(EMULATOR.emulator().quotaUsed(QuotaBucket.DEFAULT) - before).isEqualTo(4);

    slept.clear();
    Instant goLive = CLOCK.instant();
    LiveBroadcast starting = transition(TransitionBroadcastStatus.LIVE, broadcast.id());
    WaitOutcome<LiveBroadcast> live =
        cli.waiters().broadcastStatus(broadcast.id(), LifeCycleStatus.LIVE).await();

    assertThat(starting.status().lifeCycleStatus().value()).isEqualTo("liveStarting");
    assertThat(live).isInstanceOf(WaitOutcome.Reached.class);
    assertThat(live.polls()).isEqualTo(4);
    assertThat(slept).hasSize(3);
    assertThat(CLOCK.instant()).isEqualTo(start.plus(Duration.ofMillis(2 * 23_750)));
    LiveBroadcast onAir =
        cli.liveBroadcasts().list().id(broadcast.id()).part("snippet").execute().items().get(0);
    assertThat(onAir.snippet().actualStartTime().toInstant())
        .isEqualTo(goLive.plus(Duration.ofSeconds(20)).truncatedTo(ChronoUnit.SECONDS));
  }

  @Test
  void aBroadcastStillStartingAtTheDeadlineIsLate() {
    LiveBroadcast broadcast = broadcast("Too slow");
    transition(TransitionBroadcastStatus.LIVE, broadcast.id());

    WaitOutcome<LiveBroadcast> late =
        cli.waiters()
            .broadcastStatus(broadcast.id(), LifeCycleStatus.LIVE)
            .deadline(Duration.ofSeconds(10))
            .await();

    assertThat(late).isInstanceOf(WaitOutcome.TimedOut.class);
    assertThat(((WaitOutcome.TimedOut<LiveBroadcast>) late).state()).isEqualTo("liveStarting");
    // Sleeps of 5 s and the 5 s left; the read at 10 s still sees liveStarting.
    assertThat(slept).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
    assertThat(late.polls()).isEqualTo(3);
  }

  @Test
  void aBroadcastEndedWhileStartingIsAFailedOutcome() {
    LiveBroadcast broadcast = broadcast("Ended early");
    transition(TransitionBroadcastStatus.LIVE, broadcast.id());
    transition(TransitionBroadcastStatus.COMPLETE, broadcast.id());

    WaitOutcome<LiveBroadcast> outcome =
        cli.waiters().broadcastStatus(broadcast.id(), LifeCycleStatus.LIVE).await();

    assertThat(outcome).isInstanceOf(WaitOutcome.Failed.class);
    assertThat(((WaitOutcome.Failed<LiveBroadcast>) outcome).state()).isEqualTo("complete");
    assertThat(outcome.polls()).isEqualTo(1);
    // The transition to live that was on its way does not bring it back.
    CLOCK.advance(Duration.ofMinutes(1));
    assertThat(
            cli.liveBroadcasts()
                .list()
                .id(broadcast.id())
                .part("status")
                .execute()
                .items()
                .get(0)
                .status()
                .lifeCycleStatus()
                .value())
        .isEqualTo("complete");
  }
}
