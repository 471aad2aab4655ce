package io.github.jyoutube.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.jyoutube.Json;
import io.github.jyoutube.auth.AccessToken;
import io.github.jyoutube.emulator.YouTubeEmulator;
import io.github.jyoutube.emulator.YouTubeEmulatorExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several accounts side by side: {@code auth login --account NAME}, {@code auth list}, the global
 * {@code --account} on any command, {@code auth logout --account NAME}, and names that cannot be
 * file names. Against an emulator that shows its consent page, answered over HTTP.
 */
class AccountsCommandTest {

  static final Duration WAIT = Duration.ofSeconds(30);

  @RegisterExtension
  static final YouTubeEmulatorExtension EMULATOR = new YouTubeEmulatorExtension(b -> b.port(0));

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

  /**
   * Runs {@code command}, a manual login, choosing emulator account {@code index} on the consent
   * page.
   */
  private CliRunner.Result login(int index, String... command) throws Exception {
    CliRunner.Running login = cli.start(command);
    String url = login.awaitErr(AuthCommandTest.AUTH_URL, WAIT);
    login.type(browser.consent(url, index, true));
    return login.await(WAIT);
  }

  private Path dir() {
    return config.resolve("jyoutube");
  }

  private AccessToken token(String file) throws IOException {
    return Json.parse(Files.readString(dir().resolve(file)), AccessToken.class);
  }

  @Test
  void accountsSignInSideBySideAndAnyCommandPicksOne() throws Exception {
    CliRunner.Result alice = login(0, "auth", "login", "--manual");
    assertThat(alice.exitCode()).as(alice.toString()).isZero();
    assertThat(alice.out()).contains("Signed in as Alice Example (channel Alice Example, @alice).");

    // --account after the subcommand, as `auth login --account NAME`.
    CliRunner.Result bob = login(1, "auth", "login", "--manual", "--account", "Bob");
    assertThat(bob.exitCode()).as(bob.toString()).isZero();
    assertThat(bob.out())
        .contains("Signed in to account bob as Bob Example (channel Bob Example, @bob).")
        .contains("Token saved to " + dir().resolve("token-bob.json"));
    assertThat(Files.getPosixFilePermissions(dir().resolve("token-bob.json")))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(token("token.json").refreshToken())
        .isNotEqualTo(token("token-bob.json").refreshToken());

    // The global option: any command uses that account's token.
    assertThat(cli.run("channels", "list", "--mine").out()).contains("UCalice0emulator0channel");
    CliRunner.Result bobsChannel = cli.run("--account", "bob", "channels", "list", "--mine");
    assertThat(bobsChannel.exitCode()).as(bobsChannel.toString()).isZero();
    assertThat(bobsChannel.out())
        .contains("UCbob00emulator0channel0")
        .doesNotContain("UCalice0emulator0channel");
    assertThat(cli.run("channels", "list", "--mine", "--account", "BOB").out())
        .contains("UCbob00emulator0channel0");

    // auth list: who, scopes and expiry of each, never a token.
    CliRunner.Result list = cli.run("auth", "list");
    assertThat(list.exitCode()).as(list.toString()).isZero();
    List<String> lines = list.out().lines().toList();
    assertThat(lines.get(0)).matches("ACCOUNT +WHO +SCOPES +EXPIRES +REFRESH");
    assertThat(lines.get(1))
        .startsWith("* default")
        .contains("Alice Example (channel Alice Example, @alice)")
        .contains("youtube, userinfo.profile")
        .contains("(in 59 min)")
        .endsWith("yes");
    assertThat(lines.get(2)).startsWith("bob ").contains("Bob Example (channel Bob Example, @bob)");
    assertThat(list.out()).contains("* is the account this command used");
    assertThat(cli.run("--account", "bob", "auth", "list").out().lines().toList().get(2))
        .startsWith("* bob");
    for (String file : List.of("token.json", "token-bob.json")) {
      AccessToken token = token(file);
      assertThat(list.out() + list.err())
          .doesNotContain(token.accessToken())
          .doesNotContain(token.refreshToken());
    }
    JsonNode json = JsonTrees.tree(cli.run("auth", "list", "--output", "json").out());
    assertThat(json.path("accounts")).hasSize(2);
    assertThat(json.path("accounts").get(1).path("account").asText()).isEqualTo("bob");
    assertThat(json.path("accounts").get(1).path("label").asText())
        .isEqualTo("Bob Example (channel Bob Example, @bob)");
    assertThat(json.path("accounts").get(1).path("refreshable").asBoolean()).isTrue();
    assertThat(json.toString()).doesNotContain(token("token-bob.json").accessToken());

    // auth logout --account bob: revoked at the server, deleted here; the default one stays.
    AccessToken bobsToken = token("token-bob.json");
    CliRunner.Result logout = cli.run("auth", "logout", "--account", "bob");
    assertThat(logout.exitCode()).as(logout.toString()).isZero();
    assertThat(logout.out())
        .contains(
            "Signed out of account bob: removed the token from " + dir().resolve("token-bob.json"))
        .contains("At the server: revoked.");
    assertThat(dir().resolve("token-bob.json")).doesNotExist();
    CliRunner.Result after = cli.run("--account", "bob", "channels", "list", "--mine");
    assertThat(after.exitCode()).as("not signed in: the setup is incomplete").isEqualTo(2);
    assertThat(after.err())
        .contains("jyoutube: account bob is not signed in")
        .contains("run `jyoutube --account bob auth login`");
    // The revoked grant no longer works at the server, even from a copy of the file.
    Files.writeString(dir().resolve("token-bob.json"), Json.write(bobsToken));
    CliRunner.Result revoked = cli.run("--account", "bob", "channels", "list", "--mine");
    assertThat(revoked.exitCode()).isEqualTo(1);
    assertThat(revoked.err())
        .contains("the sign-in is no longer valid")
        .contains("run `jyoutube --account bob auth login`");
    Files.delete(dir().resolve("token-bob.json"));
    assertThat(cli.run("channels", "list", "--mine").out()).contains("UCalice0emulator0channel");
    assertThat(cli.run("auth", "list").out().lines().count())
        .isEqualTo(4); // header, 1, blank, note
    assertThat(cli.run("auth", "logout", "--account", "bob").out())
        .contains("Account bob is not signed in; nothing to remove.");
  }

  @Test
  void logoutWithoutRevokingKeepsTheGrantAtTheServer() throws Exception {
    assertThat(login(0, "--account", "work", "auth", "login", "--manual").exitCode()).isZero();
    AccessToken token = token("token-work.json");
    CliRunner.Result logout = cli.run("--account", "work", "auth", "logout", "--no-revoke");
    assertThat(logout.exitCode()).as(logout.toString()).isZero();
    assertThat(logout.out()).contains("At the server: not revoked (--no-revoke).");
    assertThat(dir().resolve("token-work.json")).doesNotExist();
    Files.writeString(dir().resolve("token-work.json"), Json.write(token));
    assertThat(cli.run("--account", "work", "channels", "list", "--mine").exitCode()).isZero();
  }

  @Test
  void aTokenThatCannotBeRevokedIsDeletedAllTheSameAndABrokenFileIsListed() throws IOException {
    // Google's endpoints, but no OAuth client configured: nothing can be revoked, nothing is sent.
    CliRunner google = new CliRunner(home, "--config-dir", config.toString());
    Files.createDirectories(dir());
    io.github.jyoutube.auth.TokenStore.file(dir().resolve("token-old.json"))
        .save(AccessToken.of("ya29.stale-token-of-an-old-account"));
    Files.writeString(dir().resolve("token-broken.json"), "{not json");

    CliRunner.Result list = google.run("auth", "list");
    assertThat(list.exitCode()).as(list.toString()).isZero();
    assertThat(list.out())
        .containsPattern("broken +- +unreadable token file")
        .containsPattern("old +- +- +unknown +no")
        .doesNotContain("ya29.stale");

    CliRunner.Result logout = google.run("auth", "logout", "--account", "old");
    assertThat(logout.exitCode()).as(logout.toString()).isZero();
    assertThat(logout.out())
        .contains("Signed out of account old: removed the token")
        .contains(
            "At the server: not revoked (no OAuth client configured); the token stays valid until"
                + " it expires.");
    assertThat(dir().resolve("token-old.json")).doesNotExist();
    assertThat(google.run("auth", "logout", "--account", "broken").out())
        .contains("At the server: not revoked (the token file was unreadable).");
    assertThat(dir().resolve("token-broken.json")).doesNotExist();
  }

  @Test
  void namesThatCannotBeFileNamesAreRefusedClearly() throws IOException {
    for (String name :
        List.of(
            "../evil",
            "a/b",
            "a\\b",
            "",
            " ",
            ".hidden",
            "a b",
            "x\u001b[31mred",
            "é",
            "a".repeat(65))) {
      CliRunner.Result result = cli.run("--account", name, "auth", "login", "--manual");
      assertThat(result.exitCode()).as("--account '%s': %s", name, result).isEqualTo(2);
      assertThat(result.err())
          .as("--account '%s'", name)
          .startsWith("jyoutube: bad --account name \"")
          .contains("Hint: for example --account work")
          .doesNotContain("\u001b");
      assertThat(result.err().lines().count()).isEqualTo(1);
    }
    assertThat(cli.run("--account", "x\u001b[31mred", "auth", "list").err()).contains("x␛[31mred");
    assertThat(cli.run("--account", "a".repeat(65), "auth", "list").err())
        .contains("it is longer than 64 characters");
    try (Stream<Path> files = Files.walk(home)) {
      assertThat(files.filter(Files::isRegularFile)).isEmpty();
    }
  }

  @Test
  void anEmailAsAccountNamePicksThatAccountOnTheEmbeddedEmulator() throws Exception {
    CliRunner embedded = new CliRunner(home, "--config-dir", config.toString(), "--emulator");
    CliRunner.Result result =
        embedded.start("--account", "bob@example.com", "auth", "login").await(WAIT);
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out())
        .contains(
            "Signed in to account bob@example.com as Bob Example (channel Bob Example, @bob).");
    assertThat(embedded.run("--account", "bob@example.com", "channels", "list", "--mine").out())
        .contains("UCbob00emulator0channel0");
  }
}
