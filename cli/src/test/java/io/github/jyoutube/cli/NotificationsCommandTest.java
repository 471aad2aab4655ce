package io.github.jyoutube.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.jyoutube.Endpoints;
import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.auth.Scopes;
import io.github.jyoutube.emulator.Account;
import io.github.jyoutube.emulator.YouTubeEmulator;
import io.github.jyoutube.media.MediaContent;
import io.github.jyoutube.model.Video;
import io.github.jyoutube.model.VideoSnippet;
import io.github.jyoutube.model.VideoStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jyoutube notifications listen}: subscribe, receive, print, unsubscribe. */
class NotificationsCommandTest {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path home;

  private static Video upload(YouTubeClient client, String title) {
    return client
        .videos()
        .insert(
            Video.builder()
                .snippet(VideoSnippet.builder().title(title).categoryId("22").build())
                .status(
                    VideoStatus.builder().privacyStatus(VideoStatus.PrivacyStatus.PUBLIC).build())
                .build(),
            MediaContent.of(new byte[2048], "video/mp4"))
        .execute();
  }

  @Test
  void withTheEmbeddedEmulatorAnUploadIsPrintedAsItArrives() throws Exception {
    CliRunner cli = new CliRunner(home, "--config-dir", home.resolve("config").toString());
    CliRunner.Running running =
        cli.start("--emulator", "notifications", "listen", "--port", "0", "--count", "1");

    String base =
        running.awaitErr(Pattern.compile("Emulator at (http://127\\.0\\.0\\.1:\\d+/)"), WAIT);
    running.awaitErr(Pattern.compile("Verified by the hub"), WAIT);

    // Another program uploads to the same emulator, signed in as its first account (Alice).
    YouTubeClient uploader =
        YouTubeClient.builder()
            .clientId(YouTubeEmulator.CLIENT_ID)
            .clientSecret(YouTubeEmulator.CLIENT_SECRET)
            .endpoints(Endpoints.at(base))
            .build();
    uploader.generateAccessToken(
        new EmulatorConsent().autoApproved(uploader.getAuthorizeUrl().uri().toString()));
    Video video = upload(uploader, "Live from the CLI");

    CliRunner.Result result = running.await(WAIT);
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out().strip())
        .matches(
            "published +"
                + Pattern.quote(video.id())
                + " +"
                + Account.ALICE.channelId()
                + " +Live from the CLI");
    assertThat(result.err())
        .contains("Subscribed to " + Account.ALICE.channelId())
        .contains("Unsubscribed from " + Account.ALICE.channelId());
  }

  @Test
  void againstARunningEmulatorEventsArePrintedAsJson() throws Exception {
    try (YouTubeEmulator emulator = YouTubeEmulator.builder().port(0).start()) {
      Path config = home.resolve("config");
      CliRunner cli = ApiCommandsTest.runner(emulator, config);
      ApiCommandsTest.storeToken(config, emulator.accessToken(Account.ALICE, Scopes.YOUTUBE));
      CliRunner.Running running =
          cli.start(
              "notifications",
              "listen",
              "--channel",
              Account.ALICE.channelId(),
              "--port",
              "0",
              "--path",
              "/hook",
              "--verify",
              "sync",
              "--lease-seconds",
              "600",
              "--count",
              "2",
              "--output",
              "json");
      running.awaitErr(Pattern.compile("Subscribed to"), WAIT);

      YouTubeClient client =
          YouTubeClient.builder()
              .accessToken(emulator.accessToken(Account.ALICE, Scopes.YOUTUBE))
              .endpoints(emulator.endpoints())
              .build();
      Video video = upload(client, "JSON please");
      client.videos().delete(video.id()).execute();

      CliRunner.Result result = running.await(WAIT);
      assertThat(result.exitCode()).as(result.toString()).isZero();
      List<JsonNode> lines = result.out().lines().map(JsonTrees::tree).toList();
      assertThat(lines).hasSize(2);
      assertThat(lines.get(0).path("event").asText()).isEqualTo("published");
      assertThat(lines.get(0).path("videoId").asText()).isEqualTo(video.id());
      assertThat(lines.get(0).path("title").asText()).isEqualTo("JSON please");
      assertThat(lines.get(0).path("link").asText())
          .isEqualTo("https://www.youtube.com/watch?v=" + video.id());
      assertThat(lines.get(1).path("event").asText()).isEqualTo("deleted");
      assertThat(lines.get(1).path("videoId").asText()).isEqualTo(video.id());
      assertThat(result.err()).contains("/hook").doesNotContain("Warning");
    }
  }

  @Test
  void simulateUploadShowsTheWholeLoopInOneTerminal() {
    CliRunner cli = new CliRunner(home, "--config-dir", home.resolve("config").toString());
    for (int run = 0; run < 3; run++) {
      CliRunner.Result result =
          cli.run(
              "--emulator",
              "notifications",
              "listen",
              "--port",
              "0",
              "--simulate-upload",
              "--count",
              "1",
              "--timeout",
              "60");
      assertThat(result.exitCode()).as(result.toString()).isZero();
      assertThat(result.out().strip())
          .matches(
              "published +\\S+ +"
                  + Account.ALICE.channelId()
                  + " +jyoutube notifications test, \\d\\d:\\d\\d(:\\d\\d)?");
      String videoId = result.out().strip().split(" +")[1];
      assertThat(result.err())
          .contains("Verified by the hub")
          .contains("Uploaded public video " + videoId)
          .contains("Unsubscribed from " + Account.ALICE.channelId())
          .doesNotContain("from another terminal");
    }
  }

  @Test
  void simulateUploadRunsAgainstAnEmulatorOnly() {
    CliRunner cli = new CliRunner(home, "--config-dir", home.resolve("config").toString());
    CliRunner.Result result =
        cli.run(
            "notifications",
            "listen",
            "--simulate-upload",
            "--callback-url",
            "https://tunnel.example/");
    assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("--simulate-upload").contains("--emulator");

    CliRunner.Result other =
        cli.run(
            "--emulator",
            "notifications",
            "listen",
            "--port",
            "0",
            "--simulate-upload",
            "--channel",
            "UCbob00emulator0channel0");
    assertThat(other.exitCode()).as(other.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(other.err()).contains("signed-in account's channel");
  }

  @Test
  void titlesArePrintedWithoutTerminalEscapes() throws Exception {
    try (YouTubeEmulator emulator = YouTubeEmulator.builder().port(0).start()) {
      Path config = home.resolve("config");
      CliRunner cli = ApiCommandsTest.runner(emulator, config);
      ApiCommandsTest.storeToken(config, emulator.accessToken(Account.ALICE, Scopes.YOUTUBE));
      CliRunner.Running running =
          cli.start("notifications", "listen", "--port", "0", "--verify", "sync", "--count", "1");
      running.awaitErr(Pattern.compile("Subscribed to"), WAIT);
      YouTubeClient client =
          YouTubeClient.builder()
              .accessToken(emulator.accessToken(Account.ALICE, Scopes.YOUTUBE))
              .endpoints(emulator.endpoints())
              .build();
      upload(client, TerminalEscapesTest.EVIL);
      CliRunner.Result result = running.await(WAIT);
      assertThat(result.exitCode()).as(result.toString()).isZero();
      TerminalEscapesTest.assertPrintable(result.out());
      // The feed (XML) cannot carry C0 controls: the hub sends U+FFFD. C1 and bidi controls it
      // carries, and the terminal must not get them either.
      assertThat(result.out()).contains("Cat \uFFFD]0;pwned\uFFFD", "\uFFFD31m \uFFFDgnp.exe");
    }
  }

  @Test
  void aRefusedSubscriptionIsOneLineAndExitCode1() {
    CliRunner cli = new CliRunner(home, "--config-dir", home.resolve("config").toString());
    CliRunner.Result result =
        cli.run(
            "--emulator",
            "notifications",
            "listen",
            "--port",
            "0",
            "--callback-url",
            "https://example.com/callback");
    assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILURE);
    assertThat(result.err())
        .contains("jyoutube: the hub refused the subscription (400)")
        .contains("loopback callbacks only");
  }

  @Test
  void badOptionsAreUsageErrors() {
    CliRunner cli = new CliRunner(home, "--config-dir", home.resolve("config").toString());
    CliRunner.Result badChannel =
        cli.run("--emulator", "notifications", "listen", "--channel", "no such", "--port", "0");
    assertThat(badChannel.exitCode()).as(badChannel.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(badChannel.err()).contains("--channel");
    CliRunner.Result unreachable =
        cli.run("notifications", "listen", "--channel", Account.ALICE.channelId());
    assertThat(unreachable.exitCode()).as(unreachable.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(unreachable.err()).contains("--callback-url");
    CliRunner.Result badVerify =
        cli.run("--emulator", "notifications", "listen", "--verify", "sometimes");
    assertThat(badVerify.exitCode()).isEqualTo(ExitCodes.USAGE);
  }
}
