package io.github.jyoutube.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.testing.FakeGoogle;
import io.github.jyoutube.testing.FakeGoogle.Reply;
import io.github.jyoutube.testing.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An API key travels in the {@code X-Goog-Api-Key} header, never in the URL; with a token too, the
 * token wins and the key stays home.
 */
class ApiKeyTest {

  private static final String PLAYLISTS = "/youtube/v3/playlists";
  private final FakeGoogle google = FakeGoogle.start();

  @AfterEach
  void stop() {
    google.close();
  }

  @Test
  void aKeyAloneIsSentInTheApiKeyHeaderNotTheUrl() {
    google.otherwise(PLAYLISTS, r -> Reply.json(200, Fixtures.PLAYLISTS));
    YouTubeClient cli =
        YouTubeClient.builder().apiKey("AIza-key/with+chars").endpoints(google.endpoints()).build();

    cli.playlists().list().channelId("UC1").execute();

    var request = google.received(PLAYLISTS).get(0);
    assertThat(request.header("x-goog-api-key")).isEqualTo("AIza-key/with+chars");
    assertThat(request.query()).doesNotContainKey("key").containsEntry("channelId", "UC1");
    assertThat(request.header("authorization")).isNull();
  }

  @Test
  void withATokenTheKeyIsNotSent() {
    google.otherwise(PLAYLISTS, r -> Reply.json(200, Fixtures.PLAYLISTS));
    YouTubeClient cli =
        YouTubeClient.builder()
            .apiKey("AIza-key")
            .accessToken("ya29.token")
            .endpoints(google.endpoints())
            .build();

    cli.playlists().list().mine(true).execute();

    var request = google.received(PLAYLISTS).get(0);
    assertThat(request.query()).doesNotContainKey("key");
    assertThat(request.header("x-goog-api-key")).isNull();
    assertThat(request.header("authorization")).isEqualTo("Bearer ya29.token");
  }
}
