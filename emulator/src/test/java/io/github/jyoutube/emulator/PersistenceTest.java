package io.github.jyoutube.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.auth.AccessToken;
import io.github.jyoutube.model.Playlist;
import io.github.jyoutube.model.PlaylistSnippet;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a data directory, state survives a restart, in an H2 database. */
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
      token = cli.generateAccessToken(raw.get(cli.getAuthorizeUrl().url()).header("Location"));
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
