package io.github.jyoutube.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code auth login} where no person is at a browser: against the embedded emulator it signs in by
 * itself; against Google with no browser to open it says at once what to do.
 */
class EmulatorLoginTest {

  static final Duration QUICK = Duration.ofSeconds(20);

  @TempDir Path home;

  @Test
  void loginAgainstTheEmbeddedEmulatorCompletesByItself() throws Exception {
    CliRunner cli = new CliRunner(home, "--config-dir", home.resolve("config").toString());
    long started = System.nanoTime();
    CliRunner.Result result = cli.start("--emulator", "auth", "login").await(QUICK);
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out())
        .contains("Signed in as Alice Example")
        .contains("(channel Alice Example, @alice)")
        .contains("Scopes: youtube, userinfo.profile")
        .contains("memory (embedded emulator)");
    assertThat(result.err()).doesNotContain("Could not open a browser").doesNotContain("ya29");
    assertThat(home.resolve("config/jyoutube/token.json")).doesNotExist();
    assertThat(millis).as("login took %d ms", millis).isLessThan(QUICK.toMillis());
  }

  @Test
  void theEmulatorOptionAfterTheSubcommandWorksTheSame() throws Exception {
    CliRunner cli = new CliRunner(home, "--config-dir", home.resolve("config").toString());
    CliRunner.Result result =
        cli.start("auth", "login", "--emulator", "--scope", "youtube.force-ssl").await(QUICK);
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out())
        .contains("Signed in as Alice Example")
        .contains("Scopes: youtube, userinfo.profile, youtube.force-ssl");
  }

  @Test
  void withoutABrowserTheLoginSaysAtOnceWhatToDo() throws Exception {
    // No DISPLAY in the environment: no browser can open. The login waits 3 s; the instructions
    // must be there well before that.
    CliRunner google =
        new CliRunner(
            home,
            "--config-dir",
            home.resolve("config").toString(),
            "--client-id",
            "my-id.apps.googleusercontent.com",
            "--client-secret",
            "my-secret");
    CliRunner.Running login = google.start("auth", "login", "--timeout", "3");
    String said = login.awaitErr(Pattern.compile("(?s)(.*--device.*)"), Duration.ofMillis(2_500));
    assertThat(said)
        .contains("No browser could be opened")
        .contains("https://accounts.google.com/o/oauth2/v2/auth?")
        .containsPattern(
            "waiting up to 3 s for the browser's redirect to http://127\\.0\\.0\\.1:\\d+/")
        .contains("`jyoutube auth login --device`");
    CliRunner.Result result = login.await(QUICK);
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("timed out after 3 s waiting for the sign-in");
  }
}
