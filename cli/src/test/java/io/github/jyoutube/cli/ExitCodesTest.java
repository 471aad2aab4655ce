package io.github.jyoutube.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.jyoutube.auth.AccessToken;
import io.github.jyoutube.auth.Scopes;
import io.github.jyoutube.auth.TokenStore;
import io.github.jyoutube.emulator.Account;
import io.github.jyoutube.emulator.YouTubeEmulator;
import io.github.jyoutube.emulator.YouTubeEmulatorExtension;
import io.github.jyoutube.testing.ChildJvm;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every exit code of {@code cli/README.md}, for every kind of cause the README names: the command
 * runs in-process against an emulator on loopback, except for Ctrl-C, which needs a process of its
 * own to receive the signal.
 */
class ExitCodesTest {

  @RegisterExtension
  static final YouTubeEmulatorExtension EMULATOR = new YouTubeEmulatorExtension(b -> b.port(0));

  YouTubeEmulator emulator;

  @TempDir Path home;
  Path config;
  CliRunner signedIn;
  CliRunner signedOut;

  @BeforeEach
  void runners() {
    emulator = EMULATOR.emulator();
    config = home.resolve("config");
    signedIn = ApiCommandsTest.runner(emulator, config);
    ApiCommandsTest.storeToken(
        config, emulator.accessToken(Account.ALICE, Scopes.YOUTUBE, Scopes.YOUTUBE_FORCE_SSL));
    signedOut = new CliRunner(home, "--config-dir", home.resolve("empty").toString());
  }

  @Test
  void zeroWhenTheCommandDidItsWork() {
    CliRunner.Result result = signedIn.run("playlists", "list", "--mine");
    assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.OK);
    assertThat(result.out()).contains("Favourites");
  }

  @Test
  void oneWhenTheApiRefuses() {
    ApiCommandsTest.storeToken(config, "ya29.not-a-token-the-emulator-issued");
    assertExit(signedIn.run("channels", "list", "--mine"), ExitCodes.FAILURE, "(401 ");
  }

  @Test
  void oneWhenGooglesOAuthEndpointsRefuse() {
    TokenStore.file(config.resolve("jyoutube/token.json"))
        .save(new AccessToken("ya29.old", 3600L, "Bearer", "1//unknown", null, null, null));
    assertExit(signedIn.run("auth", "refresh"), ExitCodes.FAILURE, "invalid_grant");
  }

  @Test
  void oneWhenAFileCannotBeWritten() {
    Path nowhere = home.resolve("no-such-directory/track.srt");
    String caption =
        JsonTrees.tree(
                signedIn
                    .run("captions", "list", "--video", "aliceVid001", "--output", "json")
                    .out())
            .path("items")
            .get(0)
            .path("id")
            .asText();
    assertExit(
        signedIn.run("captions", "download", caption, "-o", nowhere.toString()),
        ExitCodes.FAILURE,
        "no-such-directory");
  }

  @Test
  void twoForABadCommandLine() {
    assertExit(signedIn.run("playlists", "lst"), ExitCodes.USAGE, "Unmatched argument");
    assertExit(signedIn.run("playlists", "list", "--max", "x"), ExitCodes.USAGE, "--max");
    assertExit(
        signedIn.run("--emulator", "channels", "list", "--mine"),
        ExitCodes.USAGE,
        "--emulator and --endpoint exclude each other");
    assertExit(
        signedIn.run("channel", "resolve", "https://example.com/@alice"), ExitCodes.USAGE, "");
  }

  @Test
  void twoForAFileToReadThatIsNotThere() {
    assertExit(
        signedIn.run("videos", "upload", home.resolve("none.mp4").toString(), "--title", "x"),
        ExitCodes.USAGE,
        "not a readable file");
    assertExit(
        signedOut.run("auth", "login", "--client-secrets", home.resolve("none.json").toString()),
        ExitCodes.USAGE,
        "--client-secrets: no such file");
  }

  @Test
  void twoWithoutAnOAuthClient() {
    assertExit(
        signedOut.run("auth", "login", "--no-browser"),
        ExitCodes.USAGE,
        "no OAuth client configured");
  }

  @Test
  void twoWhenNotSignedIn() {
    assertExit(signedOut.run("playlists", "list", "--mine"), ExitCodes.USAGE, "not signed in");
    assertExit(
        new CliRunner(
                home,
                "--endpoint",
                emulator.baseUri().toString(),
                "--config-dir",
                home.resolve("x").toString())
            .run("playlists", "list", "--mine"),
        ExitCodes.USAGE,
        "not signed in");
    CliRunner.Result status = signedOut.run("auth", "status");
    assertThat(status.exitCode()).as(status.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(status.out()).contains("Not signed in");
  }

  @Test
  void oneHundredThirtyOnCtrlC() throws Exception {
    Path kill = Path.of("/bin/kill");
    assumeTrue(Files.isExecutable(kill), "needs /bin/kill to send SIGINT");
    Path err = home.resolve("stderr.txt");
    Process child =
        new ProcessBuilder(
                ChildJvm.command(
                    List.of(),
                    Main.class,
                    "--config-dir",
                    home.resolve("child").toString(),
                    "--emulator",
                    "chat",
                    "watch",
                    "--timeout",
                    "60"))
            .redirectInput(new File("/dev/null"))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(err.toFile())
            .start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!Files.readString(err, StandardCharsets.UTF_8).contains("Watching chat")
          && child.isAlive()
          && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(Files.readString(err, StandardCharsets.UTF_8))
          .as("the chat started")
          .contains("Watching chat");
      Process signal =
          new ProcessBuilder(List.of(kill.toString(), "-INT", "" + child.pid())).start();
      assertThat(signal.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(child.waitFor(20, TimeUnit.SECONDS)).as("exits after Ctrl-C").isTrue();
      assertThat(child.exitValue()).isEqualTo(ExitCodes.INTERRUPTED);
    } finally {
      child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static void assertExit(CliRunner.Result result, int code, String errContains) {
    assertThat(result.exitCode()).as(result.toString()).isEqualTo(code);
    assertThat(result.err()).as(result.toString()).contains(errContains);
  }
}
