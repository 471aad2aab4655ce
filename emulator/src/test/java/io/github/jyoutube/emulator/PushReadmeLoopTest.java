package io.github.jyoutube.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.auth.Scopes;
import io.github.jyoutube.media.MediaContent;
import io.github.jyoutube.model.Video;
import io.github.jyoutube.model.VideoSnippet;
import io.github.jyoutube.model.VideoStatus;
import io.github.jyoutube.push.PushEvent;
import io.github.jyoutube.push.PushNotificationHandler;
import io.github.jyoutube.push.PushNotificationReceiver;
import io.github.jyoutube.push.SubscribeOptions;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The README's push sequence, over and over with no pause: an embedded emulator, a handler and its
 * receiver, {@code subscribe} (verified asynchronously, the hub's default), wait until {@code
 * handler.verified(channel)}, then at once upload a public video through the API. Every upload must
 * reach the handler as a {@code VideoPublished}: the callback answered the hub's challenge before
 * the upload, so the subscription was live.
 *
 * <p>Run straight over loopback, and through a relay that delays the callback's answers by 25 ms,
 * as the network does between Google's hub and a callback behind a tunnel: the hub then learns of
 * the answer well after the handler counted the subscription verified.
 */
@Timeout(120)
class PushReadmeLoopTest {

  private static final String ALICE = Account.ALICE.channelId();
  private static final int RUNS = 50;
  private static final Duration DELIVERY = Duration.ofSeconds(3);
  private static final byte[] MEDIA = new byte[2048];

  @Test
  void everyUploadAfterVerificationIsDelivered() throws Exception {
    loop(null);
  }

  @Test
  void everyUploadAfterVerificationIsDeliveredBehindALatency() throws Exception {
    loop(Duration.ofMillis(25));
  }

  private void loop(Duration latency) throws Exception {
    List<Integer> missed = new ArrayList<>();
    long start = System.nanoTime();
    int run = 0;
    for (; run < RUNS && missed.size() < 3; run++) {
      BlockingQueue<PushEvent> events = new LinkedBlockingQueue<>();
      PushNotificationHandler handler = new PushNotificationHandler(events::add);
      try (YouTubeEmulator emulator = YouTubeEmulator.builder().start();
          PushNotificationReceiver receiver =
              PushNotificationReceiver.builder(handler).port(0).start();
          LatencyRelay relay =
              new LatencyRelay(receiver.address(), latency == null ? Duration.ZERO : latency)) {
        YouTubeClient cli =
            YouTubeClient.builder()
                .accessToken(emulator.accessToken(Account.ALICE, Scopes.YOUTUBE))
                .endpoints(emulator.endpoints())
                .build();
        URI callback = latency == null ? receiver.callbackUri() : relay.in(receiver.callbackUri());
        cli.pushNotifications()
            .subscribe(
                ALICE,
                callback.toString(),
                SubscribeOptions.defaults().withSecret("secret-" + run).withLeaseSeconds(86_400),
                handler);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!handler.verified(ALICE) && System.nanoTime() < deadline) {
          Thread.sleep(1);
        }
        assertThat(handler.verified(ALICE)).as("verified, run " + run).isTrue();

        Video uploaded =
            cli.videos()
                .insert(
                    Video.builder()
                        .snippet(VideoSnippet.builder().title("Run " + run).build())
                        .status(
                            VideoStatus.builder()
                                .privacyStatus(VideoStatus.PrivacyStatus.PUBLIC)
                                .build())
                        .build(),
                    MediaContent.of(MEDIA, "video/mp4"))
                .execute();

        PushEvent event = events.poll(DELIVERY.toMillis(), TimeUnit.MILLISECONDS);
        if (event == null) {
          missed.add(run);
        } else {
          assertThat(event).isInstanceOf(PushEvent.VideoPublished.class);
          assertThat(event.videoId()).isEqualTo(uploaded.id());
        }
      }
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf(
        "[readme loop%s] %d of %d uploads delivered within %d s, in %d ms in all; missed runs:"
            + " %s%n",
        latency == null ? "" : ", " + latency.toMillis() + " ms latency",
        run - missed.size(),
        run,
        DELIVERY.toSeconds(),
        millis,
        missed);
    assertThat(missed).as("runs whose upload was not delivered").isEmpty();
    assertThat(run).isEqualTo(RUNS);
  }
}
