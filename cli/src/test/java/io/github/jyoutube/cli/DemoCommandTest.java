package io.github.jyoutube.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jyoutube demo}: every step of the guide, against its own emulator, offline. */
class DemoCommandTest {

  @TempDir Path home;

  @Test
  void walksTheGuideAndExitsZero() {
    CliRunner.Result result = new CliRunner(home).run("demo");
    assertThat(result.exitCode()).as(result.toString()).isZero();
    String out = result.out();
    List<String> lines = out.lines().toList();

    assertThat(out).contains("against a local emulator", "offline");
    // 1. The authorization URL and its state.
    assertThat(out).contains("1. The authorization URL: cli.getAuthorizeUrl()");
    assertThat(lines)
        .anySatisfy(
            line ->
                assertThat(line)
                    .matches(
                        "   http://127\\.0\\.0\\.1:\\d+/o/oauth2/v2/auth\\?response_type=code"
                            + "&client_id=emulator-client-id\\.apps\\.googleusercontent\\.com"
                            + "&redirect_uri=https%3A%2F%2Flocalhost%2F.*&state=[\\w-]{43}.*"
                            + "code_challenge_method=S256"));
    String state =
        lines.stream()
            .filter(l -> l.startsWith("   state: "))
            .findFirst()
            .orElseThrow()
            .substring("   state: ".length());
    assertThat(state).hasSize(43);

    // 2. The consent page, the account chosen and the redirect, its code redacted.
    assertThat(out)
        .contains("2. Consent: open the URL, choose the account, click Allow")
        .contains("\"jyoutube emulator app\" asks to: Manage your YouTube account")
        .contains("accounts offered: Alice Example <alice@example.com>, Bob Example")
        .contains("chose Alice Example <alice@example.com> and clicked Allow")
        .contains(
            "redirected to https://localhost/?state=" + state + "&code=4/0A…(redacted)&scope=");

    // 3. The token, redacted by AccessToken.toString().
    assertThat(out)
        .contains("3. The token: cli.generateAccessToken(redirectUrl)")
        .contains(
            "   AccessToken[accessToken=ya29…(redacted), expiresIn=3599, tokenType=Bearer,"
                + " refreshToken=(redacted), scope=");
    assertThat(out).doesNotContainPattern("ya29\\.[A-Za-z0-9_-]{8}");

    // 4. The seeded playlists as a table.
    assertThat(out).contains("4. My playlists: cli.playlists().list().mine(true).execute()");
    assertThat(lines)
        .anySatisfy(l -> assertThat(l).matches("   ID +TITLE +PRIVACY +ITEMS +PUBLISHED"))
        .anySatisfy(l -> assertThat(l).matches("   PL\\S+ +Favourites +public +3 +2024-01-16"));

    // 5. The upload, its progress on standard error, and the video listed back.
    assertThat(out).contains("5. An upload: cli.videos().insert(video, MediaContent.of(...))");
    assertThat(result.err()).contains("uploading [", "100%  640.0 KiB / 640.0 KiB");
    String uploaded =
        lines.stream().filter(l -> l.startsWith("   uploaded 640.0 KiB")).findFirst().orElseThrow();
    String id = uploaded.replaceAll(".* as video (\\S+);.*", "$1");
    assertThat(lines)
        .anySatisfy(l -> assertThat(l).matches("   " + id + " +jyoutube demo clip +private .*"));
    assertThat(out).contains("Done.");
  }

  @Test
  void redactsTheCodeOfARedirect() {
    assertThat(DemoCommand.redactCode("https://localhost/?state=s&code=4/0Aabcdefgh&scope=x"))
        .isEqualTo("https://localhost/?state=s&code=4/0A…(redacted)&scope=x");
  }
}
