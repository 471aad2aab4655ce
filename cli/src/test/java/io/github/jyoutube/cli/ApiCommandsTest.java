package io.github.jyoutube.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.jyoutube.auth.AccessToken;
import io.github.jyoutube.auth.Scopes;
import io.github.jyoutube.auth.TokenStore;
import io.github.jyoutube.emulator.Account;
import io.github.jyoutube.emulator.YouTubeEmulator;
import io.github.jyoutube.emulator.YouTubeEmulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daily-work commands against an emulator: tables, JSON, writes, an upload, and the one-line
 * errors with their exit codes.
 */
class ApiCommandsTest {

  @RegisterExtension
  static final YouTubeEmulatorExtension EMULATOR = new YouTubeEmulatorExtension(b -> b.port(0));

  YouTubeEmulator emulator;

  @TempDir Path home;
  Path config;
  CliRunner cli;

  @BeforeEach
  void signIn() {
    emulator = EMULATOR.emulator();
    config = home.resolve("config");
    cli = runner(emulator, config);
    storeToken(
        config, emulator.accessToken(Account.ALICE, Scopes.YOUTUBE, Scopes.YOUTUBE_FORCE_SSL));
  }

  static CliRunner runner(YouTubeEmulator emulator, Path config) {
    return new CliRunner(
        config.getParent(),
        "--endpoint",
        emulator.baseUri().toString(),
        "--config-dir",
        config.toString());
  }

  /** A runner for {@code emulator} with Alice's token, for {@code scopes}, in {@code home}. */
  static CliRunner signedIn(YouTubeEmulator emulator, Path home, String... scopes) {
    Path config = home.resolve("config");
    storeToken(config, emulator.accessToken(Account.ALICE, scopes));
    return runner(emulator, config);
  }

  static void storeToken(Path config, String accessToken) {
    TokenStore.file(config.resolve("jyoutube/token.json")).save(AccessToken.of(accessToken));
  }

  @Test
  void playlistsListMineIsAnAlignedTable() {
    CliRunner.Result result = cli.run("playlists", "list", "--mine");
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.err()).isEmpty();
    assertThat(result.out().lines().findFirst())
        .hasValueSatisfying(
            header -> assertThat(header).matches("ID +TITLE +PRIVACY +ITEMS +PUBLISHED"));
    assertThat(result.out()).contains("Favourites", "Road trip", "Private notes");
    CliRunner.assertAligned(result.out(), "ID", "TITLE", "PRIVACY", "ITEMS", "PUBLISHED");
  }

  @Test
  void playlistsListMineAsJsonIsTheApisResponse() {
    CliRunner.Result result = cli.run("playlists", "list", "--mine", "--output", "json");
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out().lines().count()).isEqualTo(1);
    JsonNode response = JsonTrees.tree(result.out());
    assertThat(response.path("kind").asText()).isEqualTo("youtube#playlistListResponse");
    assertThat(response.path("items").size()).isGreaterThanOrEqualTo(3);
    assertThat(response.path("items").get(0).path("snippet").path("title").asText())
        .isEqualTo("Favourites");

    // --max 3 asks for three items only.
    CliRunner.Result paged = cli.run("--output=json", "playlists", "list", "--mine", "--max", "3");
    JsonNode merged = JsonTrees.tree(paged.out());
    assertThat(merged.path("items").size()).isEqualTo(3);
    assertThat(merged.path("kind").asText()).isEqualTo("youtube#playlistListResponse");
  }

  @Test
  void playlistsCreateThenListShowsIt() {
    CliRunner.Result created =
        cli.run("playlists", "create", "--title", "Road trip 2026", "--privacy", "unlisted");
    assertThat(created.exitCode()).as(created.toString()).isZero();
    assertThat(created.out())
        .matches("(?s)Created playlist PL\\S+: Road trip 2026 \\(unlisted\\)\\n");
    String id = created.out().split(" ")[2].replace(":", "");

    CliRunner.Result listed = cli.run("playlists", "list", "--id", id);
    assertThat(listed.out()).contains(id, "Road trip 2026", "unlisted");

    CliRunner.Result json =
        cli.run("playlists", "create", "--title", "Scripted", "--output", "json");
    assertThat(JsonTrees.tree(json.out()).path("status").path("privacyStatus").asText())
        .isEqualTo("private");
  }

  @Test
  void channelsVideosPlaylistItemsSearchAndComments() {
    CliRunner.Result channels = cli.run("channels", "list", "--mine");
    assertThat(channels.out()).contains("UCalice0emulator0channel", "Alice Example", "@alice");
    CliRunner.assertAligned(
        channels.out(), "ID", "TITLE", "HANDLE", "SUBSCRIBERS", "VIDEOS", "VIEWS");

    CliRunner.Result videos = cli.run("videos", "list", "--id", "aliceVid003", "aliceVid008");
    assertThat(videos.out()).contains("Piano cover: Clair de Lune", "Guitar basics, lesson 1");
    assertThat(videos.out().lines().count()).isEqualTo(3);

    String playlist =
        JsonTrees.tree(cli.run("playlists", "list", "--mine", "--output", "json").out())
            .path("items")
            .get(0)
            .path("id")
            .asText();
    CliRunner.Result items = cli.run("playlist-items", "list", "--playlist", playlist);
    assertThat(items.out()).startsWith("POSITION").contains("aliceVid001");

    CliRunner.Result search = cli.run("search", "--q", "guitar", "--type", "video");
    assertThat(search.exitCode()).as(search.toString()).isZero();
    assertThat(search.out()).contains("video", "aliceVid008", "Guitar basics, lesson 1");

    CliRunner.Result comments = cli.run("comments", "list", "--video", "aliceVid001");
    assertThat(comments.out()).contains("Great recipe! My loaf came out perfect.", "@bob");
  }

  @Test
  void captionsDownloadAsSrtToStdoutAndToAFile() throws Exception {
    JsonNode tracks =
        JsonTrees.tree(
            cli.run("captions", "list", "--video", "aliceVid001", "--output", "json").out());
    String id = tracks.path("items").get(0).path("id").asText();
    CliRunner.Result srt = cli.run("captions", "download", id, "--format", "srt");
    assertThat(srt.exitCode()).as(srt.toString()).isZero();
    assertThat(srt.out()).startsWith("1\n00:00:00,000 --> 00:00:04,000\n");

    Path file = home.resolve("track.vtt");
    CliRunner.Result vtt =
        cli.run("captions", "download", id, "--format", "vtt", "-o", file.toString());
    assertThat(vtt.exitCode()).isZero();
    assertThat(vtt.out()).isEmpty();
    assertThat(vtt.err()).contains("Saved ").contains(file.toString());
    assertThat(Files.readString(file)).startsWith("WEBVTT");
  }

  @Test
  void videosUploadShowsProgressAndListsBack() throws Exception {
    Path clip = home.resolve("clip.mp4");
    byte[] bytes = new byte[700 * 1024];
    new Random(1).nextBytes(bytes);
    Files.write(clip, bytes);
    CliRunner.Result upload =
        cli.run(
            "videos",
            "upload",
            clip.toString(),
            "--title",
            "My clip",
            "--privacy",
            "unlisted",
            "--chunk-mib",
            "1");
    assertThat(upload.exitCode()).as(upload.toString()).isZero();
    assertThat(upload.err()).contains("uploading [").contains("100%").contains("700.0 KiB");
    assertThat(upload.out())
        .matches("(?s)Uploaded clip\\.mp4 as video \\S+: My clip \\(unlisted\\)\\n");
    String id = upload.out().split(" ")[4].replace(":", "");
    CliRunner.Result listed = cli.run("videos", "list", "--id", id);
    assertThat(listed.out()).contains(id, "My clip", "unlisted");
  }

  @Test
  void quotaExceededIsOneLineWithTheResetTime(@TempDir Path other) {
    try (YouTubeEmulator broke = YouTubeEmulator.builder().port(0).dailyQuota(0).start()) {
      Path dir = other.resolve("config");
      storeToken(dir, broke.accessToken(Account.ALICE));
      CliRunner.Result result = runner(broke, dir).run("playlists", "list", "--mine");
      assertThat(result.exitCode()).isEqualTo(1);
      assertThat(result.out()).isEmpty();
      assertThat(result.err().lines().toList())
          .singleElement()
          .satisfies(
              line ->
                  assertThat(line)
                      .startsWith("jyoutube: The request cannot be completed because you have")
                      .contains("(403 quotaExceeded)")
                      .contains("Hint: the daily quota resets at midnight Pacific Time, in ")
                      .doesNotContain("<a"));
    }
  }

  @Test
  void unauthorizedSaysToLogIn() {
    storeToken(config, "ya29.not-a-token-the-emulator-issued");
    CliRunner.Result result = cli.run("channels", "list", "--mine");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err().lines().toList())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .startsWith("jyoutube: ")
                    .contains("(401 ")
                    .contains(
                        "Hint: the token was refused or has expired: run `jyoutube auth login`"));
  }

  @Test
  void insufficientScopeNamesTheScope() {
    storeToken(config, emulator.accessToken(Account.ALICE, Scopes.YOUTUBE_READONLY));
    CliRunner.Result result = cli.run("playlists", "create", "--title", "Nope");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .contains("(403 insufficientPermissions)")
        .contains("playlists.insert needs one of the scopes youtube, youtube.force-ssl")
        .contains("`jyoutube auth login --scope youtube");
  }

  @Test
  void captionsWithoutForceSslNameTheScopesFromTheDiscoveryDocument() {
    // As the token endpoint answers it: with the scopes granted.
    TokenStore.file(config.resolve("jyoutube/token.json"))
        .save(
            new AccessToken(
                emulator.accessToken(Account.ALICE, Scopes.YOUTUBE_READONLY),
                null,
                "Bearer",
                null,
                Scopes.YOUTUBE_READONLY,
                null,
                null));
    CliRunner.Result result = cli.run("captions", "list", "--video", "aliceVid001");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err().lines().toList())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .contains("(403 insufficientPermissions)")
                    .contains(
                        "Hint: captions.list needs one of the scopes youtube.force-ssl,"
                            + " youtubepartner; the token has youtube.readonly: sign in again"
                            + " with `jyoutube auth login --scope youtube.force-ssl`."));
  }

  @Test
  void debugAddsTheStackTrace() {
    storeToken(config, "ya29.not-a-token-the-emulator-issued");
    CliRunner.Result result = cli.run("--debug", "channels", "list", "--mine");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .contains("(401 ")
        .contains("ReauthorizationRequiredException")
        .contains("\tat ");
  }

  @Test
  void usageErrorsExitWith2() {
    CliRunner.Result unknown = cli.run("playlists", "lst");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("Unmatched argument", "Try `jyoutube playlists --help`.");

    CliRunner.Result noFilter = cli.run("playlists", "list");
    assertThat(noFilter.exitCode()).isEqualTo(2);
    assertThat(noFilter.err()).contains("say which playlists");

    CliRunner.Result missing =
        cli.run("videos", "upload", home.resolve("none.mp4").toString(), "--title", "x");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("not a readable file");

    CliRunner.Result both = cli.run("--emulator", "channels", "list", "--mine");
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err()).contains("--emulator and --endpoint exclude each other");

    CliRunner.Result group = cli.run("auth");
    assertThat(group.exitCode()).isEqualTo(2);
    assertThat(group.err()).contains("Usage: jyoutube auth");
  }

  @Test
  void notSignedInSaysHowToSignIn() throws Exception {
    Files.delete(config.resolve("jyoutube/token.json"));
    CliRunner.Result result = cli.run("playlists", "list", "--mine");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo("jyoutube: not signed in. Hint: run `jyoutube auth login`.\n");
  }

  @Test
  void emulatorFlagSignsInByItself(@TempDir Path other) {
    CliRunner embedded = new CliRunner(other, "--config-dir", other.resolve("c").toString());
    CliRunner.Result result = embedded.run("playlists", "list", "--mine", "--emulator");
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out()).contains("Favourites");
    assertThat(other.resolve("c/jyoutube/token.json")).doesNotExist();

    CliRunner.Result status = embedded.run("--emulator", "auth", "status");
    assertThat(status.out()).contains("Alice Example", "memory (embedded emulator)");
  }

  @Test
  void helpAndVersion() {
    CliRunner.Result help = cli.run("--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out())
        .contains("Usage: jyoutube", "auth", "playlists", "videos", "demo", "--emulator");
    CliRunner.Result version = cli.run("--version");
    assertThat(version.out()).startsWith("jyoutube ");
  }
}
