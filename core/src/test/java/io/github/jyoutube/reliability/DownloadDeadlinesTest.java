package io.github.jyoutube.reliability;

import static io.github.jyoutube.reliability.FaultyServer.stallAfterHeaders;
import static io.github.jyoutube.reliability.FaultyServer.steady;
import static io.github.jyoutube.reliability.FaultyServer.trickle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.error.TransportException;
import io.github.jyoutube.testing.RecordingSleeper;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Media downloads ({@code captions.download}) are held to deadlines like API answers: an error body
 * must be complete within the request timeout, and a 2xx body that stops flowing, or trickles,
 * fails after an idle period with a typed exception; one that keeps flowing may take as long as it
 * needs. The client's request timeout is 700 ms; a fault lasts up to 30 s, so a missing deadline
 * shows as a call still running after 10 s.
 */
class DownloadDeadlinesTest {

  private static final Duration TIMEOUT = Duration.ofMillis(700);
  private static final long WATCHDOG_SECONDS = 10;

  private final ExecutorService caller =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "download-caller");
            thread.setDaemon(true);
            return thread;
          });
  private FaultyServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    caller.shutdownNow();
  }

  private YouTubeClient client(FaultyServer server) {
    this.server = server;
    return YouTubeClient.builder()
        .accessToken("ya29.downloads")
        .endpoints(server.endpoints())
        .requestTimeout(TIMEOUT)
        .sleeper(new RecordingSleeper())
        .maxRetries(1)
        .build();
  }

  /** Runs {@code call}, failing the test if it has not ended after the watchdog's seconds. */
  private <T> Outcome<T> within(Callable<T> call) throws InterruptedException {
    long started = System.nanoTime();
    Future<T> future = caller.submit(call);
    try {
      T value = future.get(WATCHDOG_SECONDS, TimeUnit.SECONDS);
      return new Outcome<>(value, null, Duration.ofNanos(System.nanoTime() - started));
    } catch (ExecutionException e) {
      return new Outcome<>(null, e.getCause(), Duration.ofNanos(System.nanoTime() - started));
    } catch (TimeoutException e) {
      future.cancel(true);
      return fail("still running after %d s: no deadline held it", WATCHDOG_SECONDS);
    }
  }

  record Outcome<T>(T value, Throwable failure, Duration took) {}

  private static boolean causedByTimeout(Throwable t) {
    for (; t != null; t = t.getCause()) {
      if (t instanceof HttpTimeoutException) {
        return true;
      }
    }
    return false;
  }

  @Test
  void anErrorBodyThatTricklesFailsWithinTheRequestTimeout() throws Exception {
    // A 500 whose body comes one byte every 200 ms and never ends.
    YouTubeClient cli = client(FaultyServer.always(trickle(500, 200)));

    Outcome<Long> outcome =
        within(() -> cli.captions().download("cap1").writeTo(new ByteArrayOutputStream()));

    assertThat(outcome.failure()).isInstanceOf(TransportException.class);
    assertThat(causedByTimeout(outcome.failure())).as("%s", outcome.failure()).isTrue();
    assertThat(server.received("GET")).isEqualTo(2); // the GET and its one retry
    // Two attempts of at most 700 ms each, and a little slack for a loaded machine.
    assertThat(outcome.took()).isLessThan(Duration.ofSeconds(4));
  }

  @Test
  void anApiAnswersErrorBodyThatTricklesFailsWithinTheRequestTimeoutToo() throws Exception {
    YouTubeClient cli = client(FaultyServer.always(trickle(503, 200)));

    Outcome<?> outcome = within(() -> cli.playlists().list().mine(true).execute());

    assertThat(outcome.failure()).isInstanceOf(TransportException.class);
    assertThat(causedByTimeout(outcome.failure())).as("%s", outcome.failure()).isTrue();
    assertThat(outcome.took()).isLessThan(Duration.ofSeconds(4));
  }

  @Test
  void aDownloadThatStopsSendingFailsAfterTheIdleTimeout() throws Exception {
    // A 200 that announces 5000 bytes, sends 10, then neither sends nor closes.
    YouTubeClient cli = client(FaultyServer.always(stallAfterHeaders()));
    ByteArrayOutputStream sink = new ByteArrayOutputStream();

    Outcome<Long> outcome = within(() -> cli.captions().download("cap1").writeTo(sink));

    assertThat(outcome.failure()).isInstanceOf(TransportException.class);
    assertThat(causedByTimeout(outcome.failure())).as("%s", outcome.failure()).isTrue();
    assertThat(outcome.failure().getMessage()).contains("700");
    assertThat(sink.size()).isEqualTo(10);
    assertThat(server.received("GET")).isEqualTo(1); // bytes reached the sink: not sent again
    assertThat(outcome.took()).isLessThan(Duration.ofSeconds(4));
  }

  @Test
  void aDownloadThatTricklesFailsAsIfItHadStopped() throws Exception {
    // One byte every 100 ms for ever: bytes flow, but far too few to count as progress.
    YouTubeClient cli = client(FaultyServer.always(trickle(200, 100)));
    ByteArrayOutputStream sink = new ByteArrayOutputStream();

    Outcome<Long> outcome = within(() -> cli.captions().download("cap1").writeTo(sink));

    assertThat(outcome.failure()).isInstanceOf(TransportException.class);
    assertThat(causedByTimeout(outcome.failure())).as("%s", outcome.failure()).isTrue();
    assertThat(outcome.took()).isLessThan(Duration.ofSeconds(4));
  }

  @Test
  void aDownloadToAFileThatStopsSendingFailsAfterTheIdleTimeoutAndLeavesNoFile(@TempDir Path dir)
      throws Exception {
    YouTubeClient cli = client(FaultyServer.always(stallAfterHeaders()));
    Path file = dir.resolve("track.srt");

    Outcome<?> outcome = within(() -> cli.captions().download("cap1").saveTo(file));

    assertThat(outcome.failure()).isInstanceOf(TransportException.class);
    assertThat(causedByTimeout(outcome.failure())).as("%s", outcome.failure()).isTrue();
    assertThat(outcome.took()).isLessThan(Duration.ofSeconds(4));
    assertThat(file).doesNotExist();
    try (var left = Files.list(dir)) {
      assertThat(left).as("files left in %s", dir).isEmpty();
    }
  }

  @Test
  void aLongDownloadThatKeepsFlowingIsNotCut() throws Exception {
    // 40 pieces of 16 KiB, one every 50 ms: about 2 s, three times the request timeout.
    YouTubeClient cli = client(FaultyServer.always(steady(40, 16 * 1024, 50)));
    ByteArrayOutputStream sink = new ByteArrayOutputStream();

    Outcome<Long> outcome = within(() -> cli.captions().download("cap1").writeTo(sink));

    assertThat(outcome.failure()).isNull();
    assertThat(outcome.value()).isEqualTo(40L * 16 * 1024);
    assertThat(sink.size()).isEqualTo(40 * 16 * 1024);
    assertThat(outcome.took()).isGreaterThan(TIMEOUT.multipliedBy(2));
  }
}
