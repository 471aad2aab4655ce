package io.github.jyoutube.cli;

import io.github.jyoutube.model.Video;
import io.github.jyoutube.recipes.WaitOutcome;
import io.github.jyoutube.recipes.WaitPoll;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jyoutube videos wait}: until YouTube has processed an upload. */
@Command(
    name = "wait",
    mixinStandardHelpOptions = true,
    description = {
      "Wait until an uploaded video is processed, reading its status (1 quota unit a read) after"
          + " 5 s, then half as long again each time, at most a minute apart.",
      "Exits 0 when it is processed; 1 if it was rejected or failed, is gone, or the time ran out."
    })
final class WaitVideoCommand extends BaseCommand {

  @Parameters(index = "0", paramLabel = "VIDEO_ID", description = "The uploaded video.")
  String videoId;

  @Option(
      names = "--processed",
      required = true,
      description = "Wait until its processing has succeeded.")
  boolean processed;

  @Option(
      names = "--timeout",
      paramLabel = "S",
      defaultValue = "1800",
      description = "Give up after S seconds (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Option(
      names = "--poll-seconds",
      paramLabel = "S",
      defaultValue = "5",
      description = "The first wait between reads (default: ${DEFAULT-VALUE}); at most a minute.")
  long pollSeconds;

  @Override
  int run() {
    if (timeoutSeconds < 1) {
      throw CliException.usage("--timeout must be at least 1 second", null);
    }
    if (pollSeconds < 1 || pollSeconds > 60) {
      throw CliException.usage("--poll-seconds must be 1 to 60", null);
    }
    WaitOutcome<Video> outcome =
        client()
            .waiters()
            .videoProcessed(videoId)
            .deadline(Duration.ofSeconds(timeoutSeconds))
            .backoff(Duration.ofSeconds(pollSeconds), Duration.ofSeconds(60))
            .onPoll(this::progress)
            .await();
    Video video = outcome.orThrow();
    if (json()) {
      printJson(video);
    } else {
      out()
          .println(
              "Video "
                  + videoId
                  + " is processed ("
                  + outcome.polls()
                  + (outcome.polls() == 1 ? " read, " : " reads, ")
                  + outcome.quotaUnits()
                  + (outcome.quotaUnits() == 1 ? " quota unit, " : " quota units, ")
                  + seconds(outcome.waited())
                  + ").");
      out().flush();
    }
    return ExitCodes.OK;
  }

  /** {@code 12.5 s}. */
  static String seconds(Duration duration) {
    long tenths = duration.toMillis() / 100;
    return tenths % 10 == 0 ? tenths / 10 + " s" : tenths / 10 + "." + tenths % 10 + " s";
  }

  private void progress(WaitPoll<Video> poll) {
    StringBuilder line = new StringBuilder("read ").append(poll.poll()).append(": ");
    line.append(poll.state());
    if (!poll.nextDelay().isZero()) {
      line.append("; next in ").append(seconds(poll.nextDelay()));
    }
    err().println(line);
    err().flush();
  }
}
