package io.github.jyoutube.recipes;

import io.github.jyoutube.Sleeper;
import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.model.LiveBroadcast;
import io.github.jyoutube.model.LiveBroadcastListResponse;
import io.github.jyoutube.model.LiveBroadcastStatus;
import io.github.jyoutube.model.Video;
import io.github.jyoutube.model.VideoListResponse;
import io.github.jyoutube.model.VideoProcessingDetails;
import io.github.jyoutube.model.VideoProcessingDetailsProcessingProgress;
import io.github.jyoutube.model.VideoStatus;
import io.github.jyoutube.resource.LiveBroadcastsResource;
import io.github.jyoutube.resource.VideosResource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Waits for YouTube to finish something: an upload's processing, a broadcast's transition. Obtained
 * from {@link YouTubeClient#waiters()}; the reads go through that client and its sleeper and clock
 * pace them.
 *
 * <pre>{@code
 * Video done = cli.waiters().videoProcessed(video.id()).deadline(Duration.ofMinutes(20)).awaitOrThrow();
 * }</pre>
 */
public final class Waiters {

  private static final List<String> LIFE_CYCLE =
      List.of("created", "ready", "testStarting", "testing", "liveStarting", "live", "complete");

  private final YouTubeClient client;
  private final Clock clock;
  private final Sleeper sleeper;

  /**
   * Creates the waiters of a client; {@link YouTubeClient#waiters()} does it for you.
   *
   * @param client the client that reads
   * @param clock measures the deadlines
   * @param sleeper waits between reads
   */
  public Waiters(YouTubeClient client, Clock clock, Sleeper sleeper) {
    this.client = Objects.requireNonNull(client, "client == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
  }

  /**
   * Waits until an uploaded video is processed: {@code processingDetails.processingStatus} is
   * {@code succeeded} (or, for a caller who may not see the processing details, {@code
   * status.uploadStatus} is {@code processed}). An upload {@code rejected}, {@code failed} or
   * {@code deleted}, or processing {@code failed} or {@code terminated}, is a {@link
   * WaitOutcome.Failed} naming the reason. Each read is a {@code videos.list} of {@code
   * status,processingDetails}: 1 unit. The deadline is 30 minutes unless set.
   *
   * @param videoId the video
   * @return the wait, not started
   */
  public Waiter<Video> videoProcessed(String videoId) {
    Objects.requireNonNull(videoId, "videoId == null");
    VideosResource.ListRequest probe = client.videos().list().id(videoId);
    return new Waiter<>(
        "video " + videoId + " processed",
        () -> {
          VideoListResponse answer =
              client.videos().list().id(videoId).part("status", "processingDetails").execute();
          return answer.items() == null || answer.items().isEmpty() ? null : answer.items().get(0);
        },
        Waiters::processing,
        probe.quotaCost(),
        Duration.ofMinutes(30),
        clock,
        sleeper);
  }

  /**
   * Waits until a broadcast's {@code status.lifeCycleStatus} is {@code target} or past it (a
   * broadcast that went live has been through {@code testing}); {@code revoked}, or {@code
   * complete} when another state was waited for, is a {@link WaitOutcome.Failed}. Each read is a
   * {@code liveBroadcasts.list} of {@code status}: 1 unit. The deadline is 5 minutes unless set.
   *
   * @param broadcastId the broadcast
   * @param target the state to wait for, such as {@code LifeCycleStatus.LIVE}
   * @return the wait, not started
   */
  public Waiter<LiveBroadcast> broadcastStatus(
      String broadcastId, LiveBroadcastStatus.LifeCycleStatus target) {
    Objects.requireNonNull(broadcastId, "broadcastId == null");
    Objects.requireNonNull(target, "target == null");
    if (!LIFE_CYCLE.contains(target.value())) {
      throw new IllegalArgumentException("cannot wait for lifeCycleStatus " + target.value());
    }
    LiveBroadcastsResource.ListRequest probe = client.liveBroadcasts().list().id(broadcastId);
    return new Waiter<>(
        "broadcast " + broadcastId + " " + target.value(),
        () -> {
          LiveBroadcastListResponse answer =
              client.liveBroadcasts().list().id(broadcastId).part("status").execute();
          return answer.items() == null || answer.items().isEmpty() ? null : answer.items().get(0);
        },
        broadcast -> lifeCycle(broadcast, target.value()),
        probe.quotaCost(),
        Duration.ofMinutes(5),
        clock,
        sleeper);
  }

  static Waiter.Check processing(Video video) {
    VideoStatus status = video.status();
    String upload =
        status == null || status.uploadStatus() == null ? null : status.uploadStatus().value();
    VideoProcessingDetails details = video.processingDetails();
    String processing =
        details == null || details.processingStatus() == null
            ? null
            : details.processingStatus().value();
    if ("rejected".equals(upload)) {
      return Waiter.Check.failed(
          "rejected"
              + reason(status.rejectionReason() == null ? null : status.rejectionReason().value()));
    }
    if ("failed".equals(upload)) {
      return Waiter.Check.failed(
          "failed"
              + reason(status.failureReason() == null ? null : status.failureReason().value()));
    }
    if ("deleted".equals(upload)) {
      return Waiter.Check.failed("deleted");
    }
    if ("failed".equals(processing) || "terminated".equals(processing)) {
      String why =
          details.processingFailureReason() == null
              ? null
              : details.processingFailureReason().value();
      return Waiter.Check.failed("processing " + processing + reason(why));
    }
    if ("succeeded".equals(processing) || (processing == null && "processed".equals(upload))) {
      return Waiter.Check.reached("processed");
    }
    StringBuilder state = new StringBuilder(upload == null ? "unknown" : upload);
    if (processing != null) {
      state.append(", ").append(processing);
      VideoProcessingDetailsProcessingProgress progress = details.processingProgress();
      if (progress != null
          && progress.partsTotal() != null
          && progress.partsProcessed() != null
          && progress.partsTotal().signum() > 0) {
        long percent =
            progress.partsProcessed().longValue() * 100 / progress.partsTotal().longValue();
        state.append(' ').append(Math.max(0, Math.min(100, percent))).append('%');
      }
      if (progress != null && progress.timeLeftMs() != null) {
        state.append(", about ").append(progress.timeLeftMs().longValue() / 1000).append(" s left");
      }
    }
    return Waiter.Check.pending(state.toString());
  }

  static Waiter.Check lifeCycle(LiveBroadcast broadcast, String target) {
    LiveBroadcastStatus status = broadcast.status();
    String now =
        status == null || status.lifeCycleStatus() == null
            ? "unknown"
            : status.lifeCycleStatus().value();
    if (now.equals(target)) {
      return Waiter.Check.reached(now);
    }
    if (now.equals("revoked") || now.equals("complete")) {
      return Waiter.Check.failed(now);
    }
    int at = LIFE_CYCLE.indexOf(now);
    if (at >= 0 && at > LIFE_CYCLE.indexOf(target)) {
      return Waiter.Check.reached(now);
    }
    return Waiter.Check.pending(now);
  }

  private static String reason(String why) {
    return why == null ? "" : " (" + why + ")";
  }

  @Override
  public String toString() {
    return "Waiters[" + client.endpoints().api() + "]";
  }
}
