package io.github.jyoutube.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jyoutube.Json;
import io.github.jyoutube.auth.Scopes;
import io.github.jyoutube.emulator.Account;
import io.github.jyoutube.emulator.YouTubeEmulator;
import io.github.jyoutube.emulator.YouTubeEmulatorExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jyoutube --emulator chat watch|send}: offline, with a simulated audience; and against a
 * running emulator, streamed when given its gRPC address.
 */
class ChatCommandTest {

  @RegisterExtension
  static final YouTubeEmulatorExtension EMULATOR = new YouTubeEmulatorExtension(b -> b.port(0));

  @TempDir Path home;

  private CliRunner cli() {
    return new CliRunner(home, "--config-dir", home.resolve("config").toString());
  }

  @Test
  void watchPrintsTheChatOneLinePerMessage() {
    CliRunner.Result result = cli().run("--emulator", "chat", "watch", "--count", "2");
    assertThat(result.exitCode()).as(result.toString()).isZero();
    List<String> lines = result.out().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).endsWith("Bob Example: Hello from Bob!");
    assertThat(lines.get(1)).endsWith("Emulator News: What flour do you use?");
    assertThat(result.err()).contains("Watching chat");
  }

  @Test
  void aSimulatedAudienceScrollsAsJsonLines() {
    CliRunner.Result result =
        cli()
            .run(
                "--emulator",
                "--output",
                "json",
                "chat",
                "watch",
                "aliceLive01",
                "--audience",
                "200",
                "--count",
                "40",
                "--timeout",
                "30");
    assertThat(result.exitCode()).as(result.toString()).isZero();
    List<String> lines = result.out().lines().toList();
    assertThat(lines).hasSize(40);
    for (String line : lines) {
      Map<?, ?> event = (Map<?, ?>) Json.tree(line);
      assertThat(event.get("type")).isNotNull();
      assertThat(event.get("id")).isNotNull();
      assertThat(event.get("author")).isInstanceOf(Map.class);
    }
    // 38 audience messages: the 17th and 34th are Super Chats, the 29th a new member.
    assertThat(lines).anyMatch(l -> l.contains("\"type\":\"superChat\""));
    assertThat(lines).anyMatch(l -> l.contains("\"type\":\"newMember\""));
  }

  @Test
  void sendWritesToTheChat() {
    CliRunner.Result sent = cli().run("--emulator", "chat", "send", "aliceLive01", "hello, chat");
    assertThat(sent.exitCode()).as(sent.toString()).isZero();
    assertThat(sent.out()).startsWith("Sent LCC.");
    // A message may begin with "-"; with a space in it, it cannot be an option.
    CliRunner.Result dashes =
        cli().run("--emulator", "chat", "send", "aliceLive01", "-- great stream, thanks --");
    assertThat(dashes.exitCode()).as(dashes.toString()).isZero();
    assertThat(dashes.out()).startsWith("Sent LCC.");
    CliRunner.Result tooLong =
        cli().run("--emulator", "chat", "send", "aliceLive01", "x".repeat(201));
    assertThat(tooLong.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(tooLong.err()).contains("200");
  }

  @Test
  void withoutAChatOrAnEmulatorItSaysWhatIsMissing() {
    CliRunner.Result result = cli().run("chat", "watch");
    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("VIDEO_ID");
    CliRunner.Result unknown = cli().run("--emulator", "chat", "watch", "noSuchVideo");
    assertThat(unknown.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(unknown.err()).contains("noSuchVideo");
  }

  @Test
  void aRunningEmulatorsChatIsStreamedOverGrpcWhenGivenItsAddress() {
    YouTubeEmulator emulator = EMULATOR.emulator();
    Path config = home.resolve("config");
    ApiCommandsTest.storeToken(
        config, emulator.accessToken(Account.ALICE, Scopes.YOUTUBE, Scopes.YOUTUBE_FORCE_SSL));
    String[] watch = {
      "chat", "watch", "aliceLive01", "--transport", "grpc", "--count", "2", "--timeout", "30"
    };

    CliRunner streamed =
        new CliRunner(
            home,
            "--endpoint",
            emulator.baseUri().toString(),
            "--grpc-endpoint",
            emulator.grpcUri().toString(),
            "--config-dir",
            config.toString());
    CliRunner.Result result = streamed.run(watch);
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out().lines()).hasSize(2);
    assertThat(result.err()).contains("(grpc)");

    CliRunner.Result alone =
        cli().run("--grpc-endpoint", emulator.grpcUri().toString(), "chat", "watch", "x");
    assertThat(alone.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(alone.err()).contains("--grpc-endpoint goes with --endpoint");
  }
}
