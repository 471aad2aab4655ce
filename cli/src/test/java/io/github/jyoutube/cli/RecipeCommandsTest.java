package io.github.jyoutube.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.jyoutube.QuotaBucket;
import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.auth.Scopes;
import io.github.jyoutube.emulator.Account;
import io.github.jyoutube.emulator.YouTubeEmulator;
import io.github.jyoutube.media.MediaContent;
import io.github.jyoutube.model.Video;
import io.github.jyoutube.model.VideoSnippet;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** channel resolve, videos list --channel, search --all and videos wait, against an emulator. */
class RecipeCommandsTest {

  static final String CHANNEL = "UCvolume0cli0channel0000";

  static YouTubeEmulator emulator;
  static List<String> uploads;

  @TempDir Path home;
  CliRunner cli;

  @BeforeAll
  static void startEmulator() {
    emulator = YouTubeEmulator.builder().port(0).searchQuota(10_000).start();
    emulator.addChannel(CHANNEL, "Volume Cli", "@volumecli");
    uploads =
        emulator.addVideos(
            CHANNEL,
            "Synthwave mix",
            520,
            Instant.parse("2025-01-01T00:00:00Z"),
            Duration.ofHours(5));
  }

  @AfterAll
  static void stopEmulator() {
    emulator.close();
  }

  @BeforeEach
  void signIn() {
    cli =
        ApiCommandsTest.signedIn(
            emulator, home, Scopes.YOUTUBE, Scopes.YOUTUBE_FORCE_SSL, Scopes.YOUTUBE_UPLOAD);
    emulator.resetQuota();
  }

  @Test
  void channelResolveTurnsWhatIsPastedIntoChannelIds() {
    CliRunner.Result result =
        cli.run(
            "channel",
            "resolve",
            "@alice",
            "https://youtu.be/aliceVid001",
            "https://www.youtube.com/channel/" + CHANNEL);

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out().lines().findFirst())
        .hasValueSatisfying(h -> assertThat(h).startsWith("CHANNEL"));
    assertThat(result.out())
        .contains(Account.ALICE.channelId() + "  handle")
        .contains("video")
        .contains(CHANNEL + "  channel id");
    assertThat(emulator.quotaUsed(QuotaBucket.DEFAULT)).isEqualTo(2);

    CliRunner.Result json = cli.run("channels", "resolve", "@volumecli", "--output", "json");
    JsonNode item = JsonTrees.tree(json.out()).at("/items/0");
    assertThat(item.path("channelId").asText()).isEqualTo(CHANNEL);
    assertThat(item.path("via").asText()).isEqualTo("HANDLE");
    assertThat(item.at("/units/DEFAULT").asLong()).isEqualTo(1);
  }

  @Test
  void channelResolveSaysWhyItCannot() {
    CliRunner.Result foreign = cli.run("channel", "resolve", "https://example.com/@alice");
    assertThat(foreign.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(foreign.err()).contains("not a YouTube URL").contains("Hint: give a channel id");

    CliRunner.Result missing = cli.run("channel", "resolve", "@nobodyhere");
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(missing.err()).contains("no channel has the handle @nobodyhere");
  }

  @Test
  void videosListChannelAllWalksTheUploadsPlaylist() {
    CliRunner.Result result = cli.run("videos", "list", "--channel", "@volumecli", "--all");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out().lines().count()).isEqualTo(1 + 520);
    assertThat(result.out()).contains("Synthwave mix #520", "Synthwave mix #1 ");
    // 11 pages of the playlist and 11 lookups, plus the handle.
    assertThat(result.err())
        .contains("520 uploads of " + CHANNEL + " in 22 quota units (+1 to resolve @volumecli)");
    assertThat(emulator.quotaUsed(QuotaBucket.DEFAULT)).isEqualTo(23);
    assertThat(emulator.quotaUsed(QuotaBucket.SEARCH)).isZero();

    CliRunner.Result newest = cli.run("videos", "list", "--channel", CHANNEL, "--max", "3");
    assertThat(newest.out().lines().skip(1).toList())
        .hasSize(3)
        .first()
        .satisfies(line -> assertThat(line).startsWith(uploads.get(519)));
  }

  @Test
  void searchAllEstimatesAsksAndFindsPastFiveHundred() {
    CliRunner.Result declined =
        cli.runWithInput("n\n", "search", "-q", "synthwave", "--type", "video", "--all");
    assertThat(declined.exitCode()).as(declined.toString()).isEqualTo(ExitCodes.FAILURE);
    assertThat(declined.err())
        .contains("Estimate: about 520 results in about")
        .contains("Go on? [y/N]")
        .contains("not searched");
    assertThat(emulator.quotaUsed(QuotaBucket.SEARCH)).isEqualTo(1); // the estimate only

    CliRunner.Result accepted =
        cli.runWithInput("y\n", "search", "-q", "synthwave", "--type", "video", "--all");
    assertThat(accepted.exitCode()).as(accepted.toString()).isZero();
    assertThat(accepted.out().lines().count()).isEqualTo(1 + 520);
    assertThat(accepted.err()).contains("520 results in ").contains("units of the SEARCH bucket");

    CliRunner.Result plain =
        cli.run("search", "-q", "synthwave", "--type", "video", "--max", "600");
    assertThat(plain.out().lines().count()).isEqualTo(1 + 500); // the API alone stops at 500

    CliRunner.Result unasked =
        cli.run("search", "-q", "synthwave", "--all", "--yes", "--max", "30", "--output", "json");
    assertThat(unasked.exitCode()).as(unasked.toString()).isZero();
    assertThat(JsonTrees.tree(unasked.out()).path("items").size()).isEqualTo(30);
  }

  @Test
  void videosWaitProcessedEndsWithTheUploadsOutcome() {
    YouTubeClient client =
        YouTubeClient.builder()
            .accessToken(emulator.accessToken(Account.ALICE, Scopes.YOUTUBE_UPLOAD))
            .endpoints(emulator.endpoints())
            .build();
    Video good = upload(client, "Fine clip");
    Video bad = upload(client, "Copied clip");
    emulator.rejectUpload(bad.id(), "duplicate");

    CliRunner.Result processed = cli.run("videos", "wait", good.id(), "--processed");
    assertThat(processed.exitCode()).as(processed.toString()).isZero();
    assertThat(processed.out())
        .contains("Video " + good.id() + " is processed (1 read, 1 quota unit");
    assertThat(processed.err()).contains("read 1: processed");

    CliRunner.Result rejected = cli.run("videos", "wait", bad.id(), "--processed");
    assertThat(rejected.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(rejected.err()).contains("rejected (duplicate)").contains("1 poll, 1 quota unit");

    CliRunner.Result unknown = cli.run("videos", "wait", "nosuchvideo", "--processed");
    assertThat(unknown.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(unknown.err()).contains("it no longer exists");
  }

  private static Video upload(YouTubeClient client, String title) {
    return client
        .videos()
        .insert(
            Video.builder().snippet(VideoSnippet.builder().title(title).build()).build(),
            MediaContent.of(new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p'}, "video/mp4"))
        .execute();
  }
}
