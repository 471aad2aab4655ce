package io.github.jyoutube.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.auth.AccessToken;
import io.github.jyoutube.auth.Scopes;
import io.github.jyoutube.model.Playlist;
import io.github.jyoutube.model.PlaylistSnippet;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a data directory, state survives a restart, in an H2 database and files beside it. */
class PersistenceTest {

  @Test
  void stateSurvivesARestart(@TempDir Path data) {
    String playlistId;
    AccessToken token;
    String access;
    try (YouTubeEmulator first =
        YouTubeEmulator.builder().dataDirectory(data).autoApprove(true).start()) {
      YouTubeClient cli = OAuthFlowTest.client(first);
      Raw raw = new Raw(first.baseUri());
      token =
          cli.generateAccessToken(
              raw.get(cli.getAuthorizeUrl().uri().toString()).header("Location"));
      access = token.accessToken();
      playlistId =
          cli.playlists()
              .insert(
                  Playlist.builder()
                      .snippet(PlaylistSnippet.builder().title("Kept across restarts").build())
                      .build())
              .execute()
              .id();
      Raw alice = raw.as(access);
      assertThat(
              alice
                  .send("POST", "youtube/v3/videos/rate?id=bobVideo001&rating=like", null, null)
                  .status())
          .isEqualTo(204);
      assertThat(alice.send("DELETE", "youtube/v3/videos?id=aliceVid005", null, null).status())
          .isEqualTo(204);
    }
    assertThat(data.resolve("jyoutube-emulator.mv.db")).exists();

    try (YouTubeEmulator second = YouTubeEmulator.builder().dataDirectory(data).start()) {
      Raw alice = new Raw(second.baseUri()).as(access);
      // The access token is still good, the new playlist is there, the seed was not repeated.
      var titles =
          alice
              .get("youtube/v3/playlists?part=snippet&mine=true&maxResults=50")
              .json()
              .path("items");
      assertThat(titles).hasSize(8);
      assertThat(
              alice
                  .get("youtube/v3/playlists?part=snippet&id=" + playlistId)
                  .json()
                  .at("/items/0/snippet/title")
                  .asText())
          .isEqualTo("Kept across restarts");
      assertThat(
              alice
                  .get("youtube/v3/videos/getRating?id=bobVideo001")
                  .json()
                  .at("/items/0/rating")
                  .asText())
          .isEqualTo("like");
      assertThat(alice.get("youtube/v3/videos?part=id&id=aliceVid005").json().path("items"))
          .isEmpty();

      // So is the refresh token.
      YouTubeClient cli = OAuthFlowTest.client(second);
      AccessToken refreshed = cli.refreshAccessToken(token.refreshToken());
      assertThat(refreshed.accessToken()).isNotEqualTo(access);
      assertThat(cli.playlists().list().mine(true).stream().count()).isEqualTo(8);
    }
  }

  @Test
  void mediaTooLargeForMemoryAreFilesThatFollowTheirRows(@TempDir Path data) throws Exception {
    String first = track("first", 120_000);
    String second = track("second", 90_000);
    String captionId;
    try (YouTubeEmulator emulator = YouTubeEmulator.builder().dataDirectory(data).start()) {
      Raw alice =
          new Raw(emulator.baseUri())
              .as(emulator.accessToken(Account.ALICE, Scopes.YOUTUBE_FORCE_SSL));
      Raw.Response inserted =
          alice.send(
              "POST",
              "upload/youtube/v3/captions?uploadType=multipart&part=snippet",
              captionBody("{\"snippet\":{\"videoId\":\"aliceVid004\",\"language\":\"it\"}}", first),
              "multipart/related; boundary=B");
      assertThat(inserted.status()).as(inserted.body()).isEqualTo(200);
      captionId = inserted.json().path("id").asText();
      assertThat(files(data.resolve("media"))).hasSize(1);
      // Replaced: the old file goes once the new one is committed.
      Raw.Response updated =
          alice.send(
              "PUT",
              "upload/youtube/v3/captions?uploadType=multipart&part=snippet",
              captionBody("{\"id\":\"" + captionId + "\",\"snippet\":{}}", second),
              "multipart/related; boundary=B");
      assertThat(updated.status()).as(updated.body()).isEqualTo(200);
      assertThat(files(data.resolve("media"))).hasSize(1);
      assertThat(files(data.resolve("spool"))).isEmpty();
    }
    // What a crash could leave: a file moved in whose row was never committed, a spooled body.
    Files.writeString(data.resolve("media/caption_orphan-0123456789abcdef"), "orphan");
    Files.writeString(data.resolve("spool/upload-1.part"), "half an upload");

    try (YouTubeEmulator emulator = YouTubeEmulator.builder().dataDirectory(data).start()) {
      Raw alice =
          new Raw(emulator.baseUri())
              .as(emulator.accessToken(Account.ALICE, Scopes.YOUTUBE_FORCE_SSL));
      assertThat(files(data.resolve("media"))).hasSize(1);
      assertThat(files(data.resolve("spool"))).isEmpty();
      assertThat(alice.get("youtube/v3/captions/" + captionId).body()).isEqualTo(second);
      assertThat(alice.send("DELETE", "youtube/v3/captions?id=" + captionId, null, null).status())
          .isEqualTo(204);
      assertThat(files(data.resolve("media"))).isEmpty();
    }
  }

  private static java.util.List<Path> files(Path dir) throws java.io.IOException {
    if (!Files.isDirectory(dir)) {
      return java.util.List.of();
    }
    try (var list = Files.list(dir)) {
      return list.toList();
    }
  }

  private static String track(String word, int size) {
    StringBuilder srt = new StringBuilder();
    for (int i = 1; srt.length() < size; i++) {
      srt.append(i).append("\n00:00:01,000 --> 00:00:02,000\n").append(word).append("\n\n");
    }
    return srt.toString();
  }

  private static byte[] captionBody(String json, String track) {
    return ("--B\r\nContent-Type: application/json\r\n\r\n"
            + json
            + "\r\n--B\r\nContent-Type: text/plain\r\n\r\n"
            + track
            + "\r\n--B--\r\n")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void aDataDirectoryInUseIsRefused(@TempDir Path data) throws Exception {
    try (YouTubeEmulator first = YouTubeEmulator.builder().dataDirectory(data).start()) {
      assertThat(first.port()).isPositive();
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> YouTubeEmulator.builder().dataDirectory(data).start())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(data.toString());
    }
    assertThat(Files.list(data).count()).isPositive();
  }
}
