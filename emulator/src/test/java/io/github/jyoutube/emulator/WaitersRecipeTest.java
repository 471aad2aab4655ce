package io.github.jyoutube.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jyoutube.QuotaBucket;
import io.github.jyoutube.Sleeper;
import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.error.WaitException;
import io.github.jyoutube.media.MediaContent;
import io.github.jyoutube.model.LiveBroadcast;
import io.github.jyoutube.model.LiveBroadcastStatus.LifeCycleStatus;
import io.github.jyoutube.model.Video;
import io.github.jyoutube.model.VideoSnippet;
import io.github.jyoutube.recipes.WaitOutcome;
import io.github.jyoutube.recipes.WaitPoll;
import io.github.jyoutube.resource.LiveBroadcastsResource;
import io.github.jyoutube.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Waiting for an upload's processing against the emulator, whose uploads take 90 s to process on a
 * clock the test moves: the waiter's sleeper moves it instead of sleeping.
 */
class WaitersRecipeTest {

  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

  @RegisterExtension
  static final YouTubeEmulatorExtension EMULATOR =
      new YouTubeEmulatorExtension(b -> b.clock(CLOCK).processingTime(Duration.ofSeconds(90)));

  private final List<Duration> slept = new ArrayList<>();
  private YouTubeClient cli;

  @BeforeEach
  void client() {
    YouTubeEmulator emulator = EMULATOR.emulator();
    Sleeper moving =
        d -> {
          slept.add(d);
          CLOCK.advance(d);
        };
    cli =
        YouTubeClient.builder()
            .accessToken(emulator.accessToken(Account.ALICE))
            .endpoints(emulator.endpoints())
            .clock(CLOCK)
            .sleeper(moving)
            .build();
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

  @Test
  void aBroadcastTransitionIsWaitedFor() {
    LiveBroadcast broadcast =
        cli.liveBroadcasts().list().mine(true).part("id", "status").execute().items().get(0);
    cli.liveBroadcasts()
        .transition(LiveBroadcastsResource.TransitionBroadcastStatus.TESTING, broadcast.id())
        .execute();

    WaitOutcome<LiveBroadcast> outcome =
        cli.waiters().broadcastStatus(broadcast.id(), LifeCycleStatus.TESTING).await();

    assertThat(outcome).isInstanceOf(WaitOutcome.Reached.class);
    assertThat(outcome.polls()).isEqualTo(1);
  }
}
