package io.github.jyoutube.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jyoutube.Json;
import io.github.jyoutube.auth.AccessToken;
import io.github.jyoutube.emulator.YouTubeEmulator;
import io.github.jyoutube.emulator.YouTubeEmulatorExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jyoutube auth}: the loopback, manual and device flows against an emulator that shows its
 * consent page, with the consent given over HTTP; then status, refresh, revoke and logout.
 */
class AuthCommandTest {

  static final Pattern AUTH_URL =
      Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/o/oauth2/v2/auth\\?\\S+)");
  static final Duration WAIT = Duration.ofSeconds(30);

  @RegisterExtension
  static final YouTubeEmulatorExtension EMULATOR =
      new YouTubeEmulatorExtension(b -> b.port(0).deviceInterval(Duration.ofSeconds(1)));

  YouTubeEmulator emulator;

  @TempDir Path home;
  Path config;
  CliRunner cli;
  final HttpBrowser browser = new HttpBrowser();

  @BeforeEach
  void runner() {
    emulator = EMULATOR.emulator();
    config = home.resolve("config");
    cli =
        new CliRunner(
            home, "--endpoint", emulator.baseUri().toString(), "--config-dir", config.toString());
  }

  private Path tokenFile() {
    return config.resolve("jyoutube/token.json");
  }

  private AccessToken storedToken() throws IOException {
    return Json.parse(Files.readString(tokenFile()), AccessToken.class);
  }

  @Test
  void loopbackLoginReceivesOneRedirectWithTheRightStateThenShutsDown() throws Exception {
    CliRunner.Running login = cli.start("auth", "login", "--no-browser", "--timeout", "60");
    String url = login.awaitErr(AUTH_URL, WAIT);
    assertThat(login.err()).contains("Open this address in a browser on this machine to sign in");
    String redirectUri = LoopbackReceiver.query(URI.create(url).getRawQuery()).get("redirect_uri");
    assertThat(redirectUri).matches("http://127\\.0\\.0\\.1:\\d+/");

    // A redirect with another state is refused, and the receiver keeps waiting.
    HttpResponse<String> forged = browser.get(redirectUri + "?state=forged&code=4/0Aevil");
    assertThat(forged.statusCode()).isEqualTo(400);
    assertThat(forged.body()).contains("state does not match");
    assertThat(browser.get(redirectUri + "favicon.ico").statusCode()).isEqualTo(404);

    // The consent page redirects the browser to the receiver, which answers it.
    String redirect = browser.consent(url, 0, true);
    assertThat(redirect).startsWith(redirectUri + "?state=");
    HttpResponse<String> page = browser.get(redirect);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("You can close this window");
    assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");

    CliRunner.Result result = login.await(WAIT);
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out())
        .contains(
            "Signed in as Alice Example (channel Alice Example, @alice).",
            "Token saved to " + tokenFile());
    assertThat(Files.getPosixFilePermissions(tokenFile()))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    AccessToken token = storedToken();
    assertThat(token.isRefreshable()).isTrue();
    assertThat(result.out() + result.err())
        .doesNotContain(token.accessToken())
        .doesNotContain(token.refreshToken());

    // After the one redirect the receiver is gone.
    assertThatThrownBy(() -> browser.get(redirect)).isInstanceOf(IOException.class);
  }

  @Test
  void loopbackLoginTimesOut() {
    CliRunner.Result result = cli.run("auth", "login", "--no-browser", "--timeout", "1");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .contains("jyoutube: timed out after 1 s waiting for the sign-in")
        .contains("--manual or --device");
    assertThat(tokenFile()).doesNotExist();
  }

  @Test
  void deniedConsentFailsWithOneLine() throws Exception {
    CliRunner.Running login = cli.start("auth", "login", "--no-browser");
    String url = login.awaitErr(AUTH_URL, WAIT);
    String redirect = browser.consent(url, 0, false);
    assertThat(redirect).contains("error=access_denied");
    HttpResponse<String> page = browser.get(redirect);
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("Sign-in failed", "access was denied");
    CliRunner.Result result = login.await(WAIT);
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .contains("jyoutube: access was denied on the consent page")
        .doesNotContain("\tat ");
    assertThat(tokenFile()).doesNotExist();
  }

  @Test
  void manualLoginThenStatusRefreshAndLogout() throws Exception {
    CliRunner.Running login = cli.start("auth", "login", "--manual");
    String url =
        login.awaitErr(
            Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/o/oauth2/v2/auth\\?\\S+)"), WAIT);
    login.awaitErr(Pattern.compile("Paste that whole address here"), WAIT);
    assertThat(LoopbackReceiver.query(URI.create(url).getRawQuery()))
        .containsEntry("redirect_uri", "https://localhost/")
        .containsEntry("prompt", "select_account consent");
    String redirect = browser.consent(url, 1, true);
    assertThat(redirect).startsWith("https://localhost/?state=");
    login.type(redirect);
    CliRunner.Result result = login.await(WAIT);
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out()).contains("Signed in as Bob Example (channel Bob Example, @bob).");
    assertThat(Files.getPosixFilePermissions(tokenFile()))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    AccessToken first = storedToken();

    CliRunner.Result status = cli.run("auth", "status");
    assertThat(status.exitCode()).as(status.toString()).isZero();
    assertThat(status.out())
        .contains("Signed in as   Bob Example (sub 104300000000000000002)")
        .contains("Channel        Bob Example, @bob (UCbob00emulator0channel0)")
        .contains("Account        default")
        .contains("Scopes         youtube, userinfo.profile")
        .contains("Expires        ")
        .contains("(in 59 min)")
        .contains("Access token   ya29…(redacted)")
        .contains("OAuth client   " + YouTubeEmulator.CLIENT_ID)
        .contains("Token store    " + tokenFile())
        .doesNotContain(first.accessToken())
        .doesNotContain(first.refreshToken());

    CliRunner.Result json = cli.run("auth", "status", "--output", "json");
    assertThat(JsonTrees.tree(json.out()).path("name").asText()).isEqualTo("Bob Example");
    assertThat(JsonTrees.tree(json.out()).path("refreshable").asBoolean()).isTrue();

    CliRunner.Result refresh = cli.run("auth", "refresh");
    assertThat(refresh.exitCode()).as(refresh.toString()).isZero();
    assertThat(refresh.out()).startsWith("Token refreshed; it expires ");
    assertThat(storedToken().accessToken()).isNotEqualTo(first.accessToken());
    assertThat(storedToken().refreshToken()).isEqualTo(first.refreshToken());

    CliRunner.Result logout = cli.run("auth", "logout");
    assertThat(logout.exitCode()).as(logout.toString()).isZero();
    assertThat(logout.out())
        .contains("Signed out: removed the token from " + tokenFile())
        .contains("At the server: revoked.");
    assertThat(tokenFile()).doesNotExist();

    CliRunner.Result after = cli.run("auth", "status");
    assertThat(after.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(after.out()).contains("Not signed in. Run `jyoutube auth login`.");
    assertThat(cli.run("auth", "logout").out()).contains("Not signed in; nothing to remove.");
  }

  /** The scopes the login's authorization URL asks for, as printed by a manual login. */
  private String askedScopes(String... options) {
    String[] command = new String[options.length + 3];
    command[0] = "auth";
    command[1] = "login";
    command[2] = "--manual";
    System.arraycopy(options, 0, command, 3, options.length);
    CliRunner.Result result = cli.run(command); // no redirect on standard input: it stops there
    java.util.regex.Matcher url = AUTH_URL.matcher(result.err());
    assertThat(url.find()).as(result.toString()).isTrue();
    return LoopbackReceiver.query(URI.create(url.group(1)).getRawQuery()).get("scope");
  }

  @Test
  void scopeAddsToTheDefaultsAndOnlyScopeReplacesThem() {
    String prefix = "https://www.googleapis.com/auth/";
    assertThat(askedScopes()).isEqualTo(prefix + "youtube " + prefix + "userinfo.profile");
    assertThat(askedScopes("--scope", "youtube.force-ssl"))
        .isEqualTo(
            prefix + "youtube " + prefix + "userinfo.profile " + prefix + "youtube.force-ssl");
    assertThat(askedScopes("--scope", "youtube.upload,email", "--scope", "youtube"))
        .isEqualTo(
            prefix + "youtube " + prefix + "userinfo.profile " + prefix + "youtube.upload email");
    assertThat(askedScopes("--only-scope", "youtube.readonly"))
        .isEqualTo(prefix + "youtube.readonly");
    assertThat(askedScopes("--only-scope", "youtube.readonly", "--scope", "email"))
        .isEqualTo(prefix + "youtube.readonly email");
    CliRunner.Result empty = cli.run("auth", "login", "--manual", "--only-scope", " ");
    assertThat(empty.exitCode()).isEqualTo(2);
    assertThat(empty.err()).contains("jyoutube: --only-scope names no scope");
  }

  @Test
  void aTokenWithoutTheProfileScopeIsNamedByItsChannel() throws Exception {
    CliRunner.Running login =
        cli.start("auth", "login", "--manual", "--only-scope", "youtube.readonly");
    String url = login.awaitErr(AUTH_URL, WAIT);
    login.type(browser.consent(url, 0, true));
    CliRunner.Result result = login.await(WAIT);
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out())
        .contains("Signed in as channel Alice Example, @alice.")
        .contains("Scopes: youtube.readonly")
        .doesNotContain("104300000000000000001");
    CliRunner.Result json = cli.run("auth", "status", "--output", "json");
    assertThat(JsonTrees.tree(json.out()).path("channelTitle").asText()).isEqualTo("Alice Example");
    assertThat(JsonTrees.tree(json.out()).path("channelId").asText())
        .isEqualTo("UCalice0emulator0channel");
  }

  @Test
  void manualLoginRefusesARedirectOfAnotherLogin() {
    CliRunner.Result result =
        cli.runWithInput(
            "https://localhost/?state=not-issued-here&code=4/0Aabc\n", "auth", "login", "--manual");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("the sign-in response does not belong to this login");
    assertThat(tokenFile()).doesNotExist();
  }

  @Test
  void revokeRevokesAtTheServerAndRemovesTheToken() throws Exception {
    CliRunner.Running login = cli.start("auth", "login", "--manual");
    String url = login.awaitErr(AUTH_URL, WAIT);
    login.type(browser.consent(url, 0, true));
    assertThat(login.await(WAIT).exitCode()).isZero();
    AccessToken token = storedToken();

    CliRunner.Result revoke = cli.run("auth", "revoke");
    assertThat(revoke.exitCode()).as(revoke.toString()).isZero();
    assertThat(revoke.out()).contains("Revoked the token at the server and removed it");
    assertThat(tokenFile()).doesNotExist();

    // The server no longer accepts the revoked token.
    Files.createDirectories(tokenFile().getParent());
    Files.writeString(tokenFile(), Json.write(AccessToken.of(token.accessToken())));
    CliRunner.Result list = cli.run("playlists", "list", "--mine");
    assertThat(list.exitCode()).isEqualTo(1);
    assertThat(list.err())
        .contains("the sign-in is no longer valid (401 invalid_token)")
        .contains("access token rejected and no refresh token")
        .contains("run `jyoutube auth login`")
        .doesNotContain(token.accessToken());
  }

  @Test
  void deviceLoginPollsUntilTheUserApproves() throws Exception {
    CliRunner.Running login = cli.start("auth", "login", "--device");
    String verification = login.awaitErr(Pattern.compile("go to:\\s+(\\S+)"), WAIT);
    String userCode = login.awaitErr(Pattern.compile("enter the code:\\s+(\\S+)"), WAIT);
    assertThat(verification).isEqualTo(emulator.baseUri() + "device");
    HttpResponse<String> approved =
        browser.postForm(
            URI.create(verification),
            Map.of("user_code", userCode, "account", "1", "decision", "allow"));
    assertThat(approved.statusCode()).isEqualTo(200);
    CliRunner.Result result = login.await(WAIT);
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out()).contains("Signed in as Bob Example (channel Bob Example, @bob).");
    assertThat(storedToken().isRefreshable()).isTrue();
    assertThat(Files.getPosixFilePermissions(tokenFile()))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }

  @Test
  void clientCredentialsAreRememberedForLaterRuns() throws Exception {
    Path secrets = home.resolve("client_secret.json");
    Files.writeString(
        secrets,
        "{\"installed\":{\"client_id\":\"my-id.apps.googleusercontent.com\","
            + "\"client_secret\":\"my-secret\",\"redirect_uris\":[\"http://localhost\"]}}");
    CliRunner google = new CliRunner(home, "--config-dir", config.toString());
    // Against Google, but nothing is sent: no browser comes, and the login times out.
    CliRunner.Result first =
        google.run(
            "--client-secrets",
            secrets.toString(),
            "auth",
            "login",
            "--no-browser",
            "--timeout",
            "1");
    assertThat(first.exitCode()).isEqualTo(1);
    assertThat(first.err())
        .contains("https://accounts.google.com/o/oauth2/v2/auth?")
        .contains("client_id=my-id.apps.googleusercontent.com");
    Path remembered = config.resolve("jyoutube/client_secret.json");
    assertThat(remembered).exists();
    assertThat(Files.getPosixFilePermissions(remembered))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.readString(remembered)).contains("my-id.apps.googleusercontent.com");
    CliRunner.Result again = google.run("auth", "login", "--no-browser", "--timeout", "1");
    assertThat(again.err()).contains("client_id=my-id.apps.googleusercontent.com");

    CliRunner.Result missing =
        new CliRunner(home, "--config-dir", home.resolve("other").toString())
            .run("auth", "login", "--no-browser");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err())
        .contains("jyoutube: no OAuth client configured. Hint: pass --client-secrets");

    CliRunner.Result halfEnv =
        new CliRunner(home, Map.of("JYOUTUBE_CLIENT_ID", "x"), "--config-dir", config.toString())
            .run("auth", "login");
    assertThat(halfEnv.exitCode()).isEqualTo(2);
    assertThat(halfEnv.err()).contains("JYOUTUBE_CLIENT_ID and JYOUTUBE_CLIENT_SECRET go together");
  }
}
